#!/usr/bin/env python3
"""What Orca, the screen reader, says as a blind user goes through the app with the keyboard:
the window, the outcomes in the sidebar with their place in the list, the search entry and a
result with the outcome it belongs to, a toast, and every item of the primary menu.

The journeys through an outcome page's cards (and the defects they find today) are in
test_orca_page.py."""

import re

from harness import App, check, load_pack, run
from screen_reader import Orca

SAFETY = "Safety from any trafficker or other abusers"
MENU_ITEMS = ["Open Content Pack…", "Export Library…", "Import Library…", "Preferences",
              "Keyboard Shortcuts", "About MSCOS Outcomes"]


def sidebar_titles(pack):
    """The sidebar's entries in order: the outcomes, grouped in the order their groups first come
    in the pack, then the library's two places."""
    groups = {}
    for outcome in pack["outcomes"]:
        groups.setdefault(outcome["group"], []).append(outcome["title"])
    return [title for titles in groups.values() for title in titles] + ["Bookmarks", "Notes"]


def said(text):
    """A pattern for an utterance that is `text`, with or without the full stop Orca adds."""
    return "^" + re.escape(text) + r"\.?$"


def window(orca):
    orca.expect(r"^MSCOS Outcomes frame$", message="Orca names the window")
    orca.expect(r"^Search toggle button not pressed", message="and the control that has the focus")


def sidebar(orca, pack):
    titles = sidebar_titles(pack)
    orca.press("Tab", r"^Main menu toggle button")
    mark = orca.mark()
    orca.keys("Tab")
    orca.expect(rf"^Outcomes List with {len(titles)} items$", since=mark,
                message="Tab reaches the list of outcomes, named with its length")
    orca.expect(said(titles[0]), since=mark, message="and Orca reads its first entry")
    orca.press("Down", said(titles[1]))
    check(True, f"Down moves to the next entry, and Orca reads it: {titles[1]!r}")
    answer = orca.where_am_i()
    check("list item" in answer and f"2 of {len(titles)}" in answer,
          f"Where Am I gives the entry's place in the list: {answer!r}")


def search(app, orca):
    mark = orca.mark()
    orca.keys("ctrl+f")
    orca.type("kalayaan")
    orca.expect(r"^Search entry", since=mark, message="Ctrl+F puts the focus in the search entry")
    mark = orca.mark()
    orca.keys("Down")
    orca.expect(r"^Search results List with \d+ items$", since=mark,
                message="Down goes to the results, a list named with its length")
    orca.expect(said(SAFETY + " heading"), since=mark,
                message="the first result is read with the outcome it belongs to")
    orca.expect(said("Resource"), since=mark, message="and with its kind")
    # Escape in the results does nothing today; Ctrl+F closes the search from anywhere.
    spoken = orca.listen("ctrl+f")
    app.find("Outcomes", role="list")
    check(spoken, f"Ctrl+F again closes the search, and Orca says where the focus went: {spoken}")


def toast(app, orca):
    app.activate(app.find(SAFETY, role="list item"))
    app.find(SAFETY, role="heading")
    # Tab does not reach the cards' buttons yet (test_orca_page.py), so the button is pressed
    # through its accessible action, as a screen reader's own "activate" command does.
    mark = orca.mark()
    app.activate(app.find("Copy with attribution", role="button"))
    orca.expect(r"^A toast appeared: Quote copied with its attribution$", since=mark,
                message="Orca announces the toast that says the quote was copied")


def primary_menu(orca):
    # Each key waits for Orca to have presented the one before: a Tab that comes while the
    # menu is still putting the focus on its first control moves the focus from wherever it was.
    spoken = orca.listen("F10")
    check("menu" in spoken, f"F10 opens the primary menu and Orca says so: {spoken}")
    # The first row is the text size (three buttons), then the menu's items.
    for _ in range(4):
        if any(re.match(said(MENU_ITEMS[0]), text) for text in orca.listen("Tab")):
            break
    else:
        check(False, f"Tab reaches {MENU_ITEMS[0]!r} after the text size buttons")
    check(True, f"Tab reaches the first menu item, and Orca names it: {MENU_ITEMS[0]!r}")
    for item in MENU_ITEMS[1:]:
        spoken = orca.listen("Tab")
        check(any(re.match(said(item), text) for text in spoken), f"and the next: {spoken}")
    orca.press("Escape", r"^Main menu toggle button not pressed")
    check(True, "Escape closes the menu and gives the focus back to its button")


def main():
    pack = load_pack()
    with App() as app:
        app.focus()
        with Orca() as orca:
            window(orca)
            sidebar(orca, pack)
            # Before the Safety page is opened: with it shown, Tab in the menu skips most items
            # (test_orca_page.py).
            primary_menu(orca)
            search(app, orca)
            toast(app, orca)


if __name__ == "__main__":
    run(main)
