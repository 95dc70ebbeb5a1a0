#!/usr/bin/env python3
"""Quick exit: Shift+Esc, even while a note is being typed, ends the app with the note saved, and
the next start does not open on the outcome that was being read; the optional header-bar button
does the same. A banner says so until it is dismissed. (How fast it goes is not measured here:
a test waits for the app to end, never for a time.)"""

import json
import os

from harness import App, Home, check, fail, load_pack, run, wait_for

NOTE = "Typed just before the quick exit"
TIP = "Shift+Esc closes the app at once"


def note_on_disk(home):
    path = home.library_path()
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as file:
        for entry in json.load(file)["entries"]:
            if entry["item"] == "safety.opening-quote":
                return entry.get("note", {}).get("text")
    return None


def wait_for_exit(app, what):
    try:
        return app.process.wait(timeout=10)
    except Exception:
        fail(f"{what} did not end the app")


def main():
    first_outcome = load_pack()["outcomes"][0]["title"]
    home = Home()
    try:
        with App(home=home) as app:
            check(app.find_text(TIP) is not None, "on the first run a banner says how to leave quickly")
            app.activate(app.find("Safety from any trafficker or other abusers", role="list item"))
            words = app.find_text("Safety from any trafficker or other abuser is important becasue")
            quote = words
            while quote.roleName != "grouping":
                quote = quote.parent
            app.activate(app.find("Add note", parent=quote))
            app.find("Note", role="text", parent=app.node)
            app.type(NOTE)
            app.find_text(NOTE, parent=app.node)
            check(home.get_setting("last-outcome") == "'safety'", "the outcome read is remembered while reading")
            app.keys("<Shift>Escape")
            status = wait_for_exit(app, "Shift+Esc")
            check(status == 0, "Shift+Esc ends the app")
            check(note_on_disk(home) == NOTE, "the note typed just before is saved")
            check(home.get_setting("last-outcome") == "''",
                  "quick exit forgets the outcome that was being read")

        with App(home=home) as app:
            app.find(first_outcome, role="heading")
            check(not app.find_all(name="Safety from any trafficker or other abusers", role="heading"),
                  "after a quick exit the app starts on the first outcome, not on the one that was read")
            app.find_text(TIP)
            app.activate(app.find("Got It", role="button"))
            wait_for(lambda: not app.has_text(TIP), "the tip banner to go")
            check(home.get_setting("quick-exit-tip-dismissed") == "true",
                  "the tip stays until Got It is pressed, and then is not shown again")
            app.focus()
            app.keys("<Control>comma")
            app.find("Preferences", role="dialog")
            app.keys("<Shift>Escape")
            wait_for_exit(app, "Shift+Esc with a dialog open")
            check(True, "Shift+Esc works with a dialog open too")

        home.set_setting("show-quick-exit", "true")
        with App(home=home) as app:
            button = app.find("Quick exit", role="button")
            check(not app.has_text(TIP), "the dismissed tip is not shown on later starts")
            app.activate(button)
            wait_for_exit(app, "the quick exit button")
            check(True, "the quick exit button, when turned on, ends the app")
    finally:
        home.remove()


if __name__ == "__main__":
    run(main)
