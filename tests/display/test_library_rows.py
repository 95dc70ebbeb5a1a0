#!/usr/bin/env python3
"""The Library opens what was clicked: with three bookmarks made one after the other in three
outcomes, the Bookmarks list (newest first) opens each row's own item on its own outcome's page;
and so it does again after a restart, when the library is read back from its file."""

import pyatspi

from harness import App, Home, check, run, wait_for

# (outcome, the item's card, a word of the Library row's title), in the order they are made.
ENTRIES = [
    ("Secure and suitable housing",
     "A rapid realist-informed review of safehouse provision for survivors of modern slavery and "
     "human trafficking", "safehouse"),
    ("Safety from any trafficker or other abusers", "Quote from Victoria Marks", "Victoria"),
    ("Long-term, consistent support", "LifeLine", "LifeLine"),
]


def bookmark(app, outcome, card_name):
    app.activate(app.find(outcome, role="list item"))
    app.find(outcome, role="heading")
    card = app.find_on_page(card_name)
    toggle = app.find("Bookmark", role="toggle button", parent=card)
    app.activate(toggle)
    wait_for(lambda: toggle.getState().contains(pyatspi.STATE_CHECKED)
             or toggle.getState().contains(pyatspi.STATE_PRESSED), f"the bookmark on {card_name!r}")


def check_rows(app, when):
    app.activate(app.find("Bookmarks", role="list item"))
    bookmarks = app.find("Bookmarks", role="list")
    rows = wait_for(lambda: len(found := app.find_all(role="list item", parent=bookmarks)) == len(ENTRIES)
                    and found, "the three bookmarks")
    names = [row.name for row in rows]
    newest_first = [word for _, _, word in reversed(ENTRIES)]
    check(all(word in name for word, name in zip(newest_first, names)),
          f"{when}, the Library lists the bookmarks newest first ({names})")

    for position, (outcome, card_name, word) in enumerate(reversed(ENTRIES)):
        app.activate(app.find("Bookmarks", role="list item"))
        bookmarks = app.find("Bookmarks", role="list")
        row = wait_for(lambda: (found := app.find_all(role="list item", parent=bookmarks))
                       and len(found) == len(ENTRIES) and found[position], f"row {position}")
        check(word in row.name, f"row {position} is {word!r}")
        app.activate(row)
        app.find(outcome, role="table")
        card = app.find_on_page(card_name)
        wait_for(lambda: card.showing and card.extents[1] >= 0, f"{card_name!r} on screen")
        check(True, f"{when}, row {position} ({word}) opens its own item on {outcome!r}")


def main():
    home = Home()
    try:
        with App(home=home) as app:
            for outcome, card_name, _ in ENTRIES:
                bookmark(app, outcome, card_name)
            check_rows(app, "as they are made")
            app.quit()

        with App(home=home) as app:
            check_rows(app, "after a restart")
    finally:
        home.remove()


if __name__ == "__main__":
    run(main)
