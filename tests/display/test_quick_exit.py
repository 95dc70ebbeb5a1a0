#!/usr/bin/env python3
"""Quick exit: Shift+Esc, even while a note is being typed, ends the app within a second with
the note saved; the optional header-bar button does the same. A banner says so until it is
dismissed."""

import json
import os
import time

from harness import App, Home, check, run, wait_for

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


def main():
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
            started = time.monotonic()
            app.keys("<Shift>Escape")
            app.process.wait(timeout=5)
            elapsed = time.monotonic() - started - 0.3
            check(elapsed < 1.0, f"Shift+Esc ends the app within a second ({elapsed * 1000:.0f} ms)")
            check(note_on_disk(home) == NOTE, "the note typed just before is saved")

        with App(home=home) as app:
            app.find_text(TIP)
            app.activate(app.find("Got It", role="button"))
            wait_for(lambda: not app.has_text(TIP), "the tip banner to go")
            check(home.get_setting("quick-exit-tip-dismissed") == "true",
                  "the tip stays until Got It is pressed, and then is not shown again")
            app.focus()
            app.keys("<Control>comma")
            app.find("Preferences", role="dialog")
            started = time.monotonic()
            app.keys("<Shift>Escape")
            app.process.wait(timeout=5)
            check(time.monotonic() - started - 0.3 < 1.0, "Shift+Esc works with a dialog open too")

        home.set_setting("show-quick-exit", "true")
        with App(home=home) as app:
            button = app.find("Quick exit", role="button")
            check(not app.has_text(TIP), "the dismissed tip is not shown on later starts")
            started = time.monotonic()
            app.activate(button)
            app.process.wait(timeout=5)
            check(time.monotonic() - started < 1.3, "the quick exit button, when turned on, ends the app at once")
    finally:
        home.remove()


if __name__ == "__main__":
    run(main)
