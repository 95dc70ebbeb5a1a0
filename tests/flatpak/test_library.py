#!/usr/bin/env python3
"""A bookmark and a note made in the sandboxed app land in the app's own data folder,
~/.var/app/APP_ID/data/APP_ID/library.json (the library lives in g_get_user_data_dir()/APP_ID,
and Flatpak makes XDG_DATA_HOME ~/.var/app/APP_ID/data), and survive a restart: after Ctrl+Q and
a new `flatpak run`, the item is still bookmarked and its note still reads the same. Nothing is
written to the home's own ~/.local/share. APP_ID is the one built: uk.co.mscos.Outcomes.Devel."""

import json
import os
import shutil
import time

from fpharness import (APP_ID, APP_VAR, HOME, LIBRARY, App, check, note, run, screenshot,
                       wait_for)

NOTE = f"Checked in the Flatpak sandbox {int(time.time())}"


def read_library():
    try:
        with open(LIBRARY, encoding="utf-8") as file:
            return json.load(file)
    except (OSError, ValueError):
        return None


def entries_with(library, bookmark=None, text=None):
    found = []
    for entry in (library or {}).get("entries", []):
        if bookmark is not None and ("bookmark" in entry) != bookmark:
            continue
        if text is not None and (entry.get("note") or {}).get("text") != text:
            continue
        found.append(entry)
    return found


def first_item_actions(app):
    """The Bookmark button of the first item on the page, and the note button beside it ("Add
    note", or "Edit note" once it has one). GtkMenuButton shows as a button holding a toggle
    button: the toggle button is the one that opens the popover."""
    bookmark = app.find("Bookmark", role="toggle button")

    def note_button():
        for node in app.find_all(parent=bookmark.parent):
            if node.name in ("Add note", "Edit note"):
                toggles = [c for c in node.children if c.roleName == "toggle button"]
                return toggles[0] if toggles else node
        return None

    return bookmark, wait_for(note_button, "the note button beside Bookmark")


def is_on(node):
    import pyatspi
    states = node.getState()
    return states.contains(pyatspi.STATE_PRESSED) or states.contains(pyatspi.STATE_CHECKED)


def main():
    shutil.rmtree(APP_VAR, ignore_errors=True)
    check(read_library() is None, f"no library before the first run ({LIBRARY})")

    with App() as app:
        bookmark, note_button = first_item_actions(app)
        check(not is_on(bookmark), "the first item starts without a bookmark")
        app.activate(bookmark)
        wait_for(lambda: is_on(bookmark), "the Bookmark button to turn on")
        check(True, "Bookmark turns on for the first item")

        app.activate(note_button)
        editor = app.find("Note", timeout=10, parent=app.node)
        app.focus()
        try:
            editor.grabFocus()
        except Exception:
            pass
        time.sleep(0.3)
        app.type(NOTE)
        time.sleep(0.5)
        app.keys("Escape")

        library = wait_for(lambda: (lambda lib: lib if entries_with(lib, bookmark=True, text=NOTE) else None)(read_library()),
                           f"the bookmark and the note in {LIBRARY}", timeout=15)
        entry = entries_with(library, bookmark=True, text=NOTE)[0]
        note(f"library entry: {json.dumps(entry, ensure_ascii=False)}")
        check(True, f"the bookmark and the note are saved in {LIBRARY}")
        check(not os.path.exists(os.path.join(HOME, ".local", "share", APP_ID)),
              "nothing is written to the home's own ~/.local/share")
        screenshot("library-note")
        app.quit()
        check(app.process.returncode == 0, "Ctrl+Q quits the app")

    check(len(entries_with(read_library(), bookmark=True, text=NOTE)) == 1,
          "after quitting, library.json still holds the bookmark and the note")

    with App() as app:
        bookmark, note_button = first_item_actions(app)
        wait_for(lambda: is_on(bookmark), "the Bookmark button to show the saved bookmark", timeout=10)
        check(True, "after a restart the first item is still bookmarked")
        app.activate(note_button)
        editor = app.find("Note", timeout=10, parent=app.node)
        wait_for(lambda: NOTE in (editor.text or ""), "the note editor to show the saved note")
        check(True, "after a restart the note reads the same")
        app.keys("Escape")
        app.quit()

    check(len(entries_with(read_library(), bookmark=True, text=NOTE)) == 1,
          "after the second run library.json still holds them, once")


if __name__ == "__main__":
    run(main)
