#!/usr/bin/env python3
"""What Orca, the screen reader, says as a blind user goes through the app with the keyboard:
the window; the sidebar's entries with the group each is in and their place in the list; every
item of the primary menu, by Orca and by name in the accessibility tree; the search entry, a
result and the item it opens; and a toast.

The journeys through an outcome page's cards are in test_orca_page.py. Orca is run by
screen_reader.py; the test is skipped, with the reason, if Orca cannot run in this root."""

import re

from harness import App, check, load_pack, run
from screen_reader import Orca, said, wait_for_first_page

SAFETY = "Safety from any trafficker or other abusers"
# The primary menu's items, in order; others may come between them.
MENU_ITEMS = ["Print…", "Export as PDF…", "Open Content Pack…", "Export Library…",
              "Import Library…", "Preferences", "Keyboard Shortcuts", "About MSCOS Outcomes"]
# What Orca says of a button of the text size row, at the top of the menu: smaller, the size
# (named by its label, "100%", and described as "Normal Text Size") or larger.
ZOOM_BUTTON = r"^(Smaller text|\d+%|Larger text) button"
GROUP_TITLES = {"working-with-the-set": "The Outcome Set", "core-outcome": "Core Outcomes",
                "related-framework": "Related Frameworks"}
LIBRARY_GROUP = "Your Library"


def sidebar_entries(pack):
    """The sidebar's entries in order, each with its group: the outcomes, grouped in the order
    their groups first come in the pack, then the library's two places."""
    groups = {}
    for outcome in pack["outcomes"]:
        groups.setdefault(outcome["group"], []).append(outcome["title"])
    entries = [(title, GROUP_TITLES[group]) for group, titles in groups.items() for title in titles]
    return entries + [("Bookmarks", LIBRARY_GROUP), ("Notes", LIBRARY_GROUP)]


def in_order(expected, names):
    """Whether `expected` come in `names` in this order, with or without others between."""
    rest = iter(names)
    return all(any(name == item for name in rest) for item in expected)


def window(orca):
    orca.expect(r"^MSCOS Outcomes frame$", message="Orca names the window")
    orca.expect(r"^Search toggle button not pressed", message="and the control that has the focus")


def sidebar(orca, pack):
    entries = sidebar_entries(pack)
    orca.press("Tab", r"^Main menu toggle button")
    title, group = entries[0]
    spoken = orca.hear_all("Tab", rf"^Outcomes List with {len(entries)} items$", said(title),
                           said(group))
    check(True, f"Tab reaches the list of outcomes, named with its length, and Orca reads its "
          f"first entry, {title!r}, with its group, {group!r}: {spoken!r}")
    title, group = entries[1]
    spoken = orca.hear_all("Down", said(title), said(group))
    check(True, f"Down moves to the next entry, and Orca reads it with its group, another: "
          f"{spoken!r}")
    answer = orca.where_am_i()
    check("list item" in answer and f"2 of {len(entries)}" in answer,
          f"Where Am I gives the entry's place in the list: {answer!r}")
    title, group = entries[-1]
    spoken = orca.hear_all("End", said(title), said(group))
    check(True, f"End goes to the last entry, {title!r}, read with its group: {spoken!r}")
    orca.press("Home", said(entries[0][0]))


def menu_names(app):
    """The names an AT-SPI client (voice control, Accerciser) finds for the menu's items."""
    return [item.name for item in app.find_all(role="menu item")]


def primary_menu(app, orca):
    # Each key waits for Orca to have presented the one before: a Tab that comes while the
    # menu is still putting the focus on its first control moves the focus from wherever it was.
    spoken = orca.listen("F10")
    check("menu" in spoken, f"F10 opens the primary menu and Orca says so: {spoken}")
    names = menu_names(app)
    check(all(names) and in_order(MENU_ITEMS, names),
          f"every item of the menu has its name in the accessibility tree: {names}")
    # The first row is the text size (three buttons), then the menu's items.
    for _ in range(4):
        if any(re.match(said(MENU_ITEMS[0]), text) for text in orca.listen("Tab")):
            break
    else:
        check(False, f"Tab reaches {MENU_ITEMS[0]!r} after the text size buttons")
    check(True, f"Tab reaches the first menu item, and Orca names it: {MENU_ITEMS[0]!r}")
    heard = [MENU_ITEMS[0]]
    for _ in range(len(names)):
        spoken = orca.listen("Tab")
        heard += [name for name in names if any(re.match(said(name), text) for text in spoken)]
        if heard[-1] == MENU_ITEMS[-1]:
            break
    check(in_order(MENU_ITEMS, heard), f"and then each item, in order: {heard}")
    orca.press("Escape", r"^Main menu toggle button not pressed")
    check(True, "Escape closes the menu and gives the focus back to its button")

    # The menu opens with the focus on the text size row's first button.
    orca.listen("F10")
    spoken = orca.listen("Down")
    check(any(re.match(said(MENU_ITEMS[0]), text) for text in spoken),
          f"Down goes from the text size row to the menu's first item, as in any menu: {spoken}")
    spoken = orca.listen("Up")
    check(any(re.match(ZOOM_BUTTON, text) for text in spoken),
          f"and Up goes back to the text size row: {spoken}")
    orca.press("Escape", r"^Main menu toggle button not pressed")


def search(app, orca):
    text = orca.press("ctrl+f", r"^Search entry")
    check(True, f"Ctrl+F puts the focus in the search entry: {text!r}")
    orca.type("kalayaan")
    app.find("Search results", role="list")
    spoken = orca.hear("Down", r"^Search results List with \d+ items$")
    check(True, f"Down goes to the results, a list named with its length: {spoken[0]!r}")
    # The list, the result's name (its title), its state, then the rest of what it shows.
    title = spoken[1].rstrip(".") if len(spoken) > 1 else ""
    check(title and "Resource." in spoken,
          f"the first result is read with its title, {title!r}, and its kind: {spoken}")
    spoken = " ".join(orca.listen("Return"))
    opened = title in spoken
    if not opened:
        spoken += f" (Where Am I says: {orca.where_am_i()!r})"
    check(opened, f"Enter opens the result, and Orca reads the item it opens: {spoken!r}")


def toast(app, orca, pack):
    entries = sidebar_entries(pack)
    orca.press("Tab", r"^Outcomes List")
    for title, _ in entries[1:3]:
        orca.press("Down", said(title))
    orca.keys("Return")
    app.find(entries[2][0], role="heading")
    orca.tab_until(r"^Copy with attribution", limit=12)
    spoken = " ".join(orca.listen("space"))
    check("A toast appeared: Quote copied with its attribution" in spoken,
          f"Space copies the quote, and Orca reads the toast that says so: {spoken!r}")


def main():
    pack = load_pack()
    with App() as app:
        app.focus()
        wait_for_first_page(app, pack)
        with Orca() as orca:
            window(orca)
            sidebar(orca, pack)
            primary_menu(app, orca)
            toast(app, orca, pack)
            search(app, orca)


if __name__ == "__main__":
    run(main)
