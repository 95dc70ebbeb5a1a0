#!/usr/bin/env python3
"""Bookmarks and notes: bookmark a quote and write a note on it; both are saved, survive quitting
and relaunching, and the Library lists them; a deleted note comes back with Undo; exporting as
Markdown writes a document with the item, its words and the note."""

import json
import os
import time

from harness import App, Home, check, run, wait_for

SAFETY = "Safety from any trafficker or other abusers"
NOTE = "Use this in the first responder training, ask Wendy for permission first."
OPENING_QUOTE = "Safety from any trafficker or other abuser is important becasue"


def is_pressed(node):
    states = node.getState()
    import pyatspi
    return states.contains(pyatspi.STATE_PRESSED) or states.contains(pyatspi.STATE_CHECKED)


def saved_entry(home):
    path = home.library_path()
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    for entry in data["entries"]:
        if entry["item"] == "safety.opening-quote":
            return entry
    return None


def show_opening_quote(app):
    app.activate(app.find(SAFETY, role="list item"))
    return opening_quote(app)


def opening_quote(app):
    """The Safety page's first quote, which the page does not attribute, found by its words."""
    node = app.find_text(OPENING_QUOTE)
    while node.roleName != "grouping":
        node = node.parent
    return node


def main():
    home = Home()
    try:
        with App(home=home) as app:
            quote = show_opening_quote(app)
            bookmark = app.find("Bookmark", role="toggle button", parent=quote)
            check(not is_pressed(bookmark), "the quote starts without a bookmark")
            app.activate(bookmark)
            wait_for(lambda: is_pressed(bookmark), "the bookmark toggle to be pressed")
            check(True, "the bookmark toggle turns on")

            app.activate(app.find("Add note", parent=quote))
            editor = app.find("Note", role="text", showing=True, parent=app.node)
            app.type(NOTE)
            app.keys("Escape")
            app.find_text(NOTE, parent=quote)
            check(True, "the note shows on the quote's card")
            app.find("Edit note", parent=quote)
            check(True, "the note button is now named Edit note")
            entry = wait_for(lambda: (e := saved_entry(home)) and e.get("note", {}).get("text") == NOTE and e,
                             "the note to be saved", timeout=5)
            check("bookmark" in entry, "library.json holds the bookmark and the note within seconds")
            check(oct(os.stat(home.library_path()).st_mode & 0o777) == "0o600", "library.json is private (0600)")
            app.quit()

        with App(home=home) as app:
            quote = show_opening_quote(app)
            check(is_pressed(app.find("Bookmark", role="toggle button", parent=quote)),
                  "after a restart the quote is still bookmarked")
            app.find_text(NOTE, parent=quote)
            check(True, "after a restart the note is still there")

            app.activate(app.find("Bookmarks", role="list item"))
            bookmarks = app.find("Bookmarks", role="list")
            row = wait_for(lambda: [r for r in app.find_all(role="list item", parent=bookmarks)
                                    if "important becasue" in (r.name or "")], "the bookmark in the Library")[0]
            check(row is not None, "the Library's Bookmarks lists the quote")
            app.activate(app.find("Notes", role="list item"))
            notes = app.find("Notes", role="list")
            app.find_text(NOTE, parent=notes)
            check(True, "the Library's Notes lists the note with its text")
            row = wait_for(lambda: app.find_all(role="list item", parent=notes), "the note row")[0]
            app.activate(row)
            opening_quote(app)
            app.find(SAFETY, role="heading")
            check(True, "a Library entry opens its item's page")

            quote = opening_quote(app)
            app.activate(app.find("Edit note", parent=quote))
            app.activate(app.find("Delete Note", role="button", parent=app.node))
            wait_for(lambda: not app.has_text(NOTE, parent=quote), "the note to go")
            undo = app.find("Undo", role="button", parent=app.node)
            check(undo is not None, "deleting a note offers Undo")
            app.activate(undo)
            app.find_text(NOTE, parent=quote)
            check(True, "Undo brings the note back")

            export = os.path.join(home.root, "review-notes.md")
            app.focus()
            app.keys("<Control>e")
            app.save_file("Export Library", export)
            text = wait_for(lambda: os.path.exists(export) and open(export, encoding="utf-8").read(),
                            "the exported file", timeout=10)
            check(SAFETY in text, "the Markdown export is grouped under the outcome's title")
            check("> Safety from any trafficker or other abuser is important" in text,
                  "the export quotes the item's words")
            check("Wendy for permission" in text, "the export holds the note")
            print(text[:800])
            app.quit()
    finally:
        home.remove()

    # A library file that cannot be read is set aside, never overwritten, and the user is told.
    home = Home()
    try:
        folder = os.path.dirname(home.library_path())
        os.makedirs(folder)
        with open(home.library_path(), "w", encoding="utf-8") as file:
            file.write("{ this is not a library")
        with App(home=home) as app:
            banner = wait_for(lambda: [n for n in app.find_all(role="label") if "could not be read" in (n.name or "")],
                              "the banner about the unreadable library")
            check(len(banner) == 1, f"a banner says the library could not be read ({banner[0].name[:60]}…)")
            app.find("Open Folder", role="button")
            check(True, "the banner offers to open the folder")
            kept = [name for name in os.listdir(folder) if name.endswith(".unreadable")]
            check(len(kept) == 1 and open(os.path.join(folder, kept[0])).read() == "{ this is not a library",
                  "the unreadable file is kept, byte for byte, with the date in its name")
    finally:
        home.remove()

    # A library that cannot be saved keeps the edits and says so.
    home = Home()
    try:
        with open(os.path.dirname(home.library_path()), "w") as file:
            file.write("a file where the library's folder should be")
        with App(home=home) as app:
            quote = show_opening_quote(app)
            app.activate(app.find("Bookmark", role="toggle button", parent=quote))
            wait_for(lambda: [n for n in app.find_all(role="label") if "be saved" in (n.name or "")],
                     "the banner about the failed save")
            check(is_pressed(app.find("Bookmark", role="toggle button", parent=quote)),
                  "when saving fails a banner says so and the bookmark stays in place")
    finally:
        home.remove()


if __name__ == "__main__":
    run(main)
