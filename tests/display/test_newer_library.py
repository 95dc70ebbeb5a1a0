#!/usr/bin/env python3
"""A library file written by a newer version is never stranded: this version shows what it can
read of it, says that it cannot save changes to it, and leaves it where and as it is, through
edits and restarts, so that the newer version finds it again (a downgrade then an upgrade loses
nothing); only when the user chooses to start a new library, after a confirmation that names
where the old file stays, is the file renamed, unchanged, and a new one written."""

import json
import os
import re

from harness import App, Home, check, run, wait_for

SAFETY = "Safety from any trafficker or other abusers"
NOTE = "Written by the next version of the app"
NEWER = json.dumps({
    "format": "mscos-library", "version": 2, "tags": ["work"],
    "entries": [{"pack": "uk.co.mscos.content", "item": "safety.quote-victoria-marks", "tags": ["work"],
                 "note": {"text": NOTE, "created": "2026-01-01T00:00:00Z",
                          "modified": "2026-01-02T00:00:00Z"}}],
}, indent=2) + "\n"


def folder_contents(home):
    folder = os.path.dirname(home.library_path())
    contents = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as file:
            contents[name] = file.read()
    return contents


def banner(app):
    return wait_for(lambda: [n for n in app.find_all(role="label")
                             if "newer version" in (n.name or "")], "the banner about the newer library")[0]


def main():
    home = Home()
    try:
        os.makedirs(os.path.dirname(home.library_path()), mode=0o700)
        with open(home.library_path(), "w", encoding="utf-8") as file:
            file.write(NEWER)
        before = folder_contents(home)

        with App(home=home) as app:
            check("cannot save changes" in banner(app).name,
                  f"a banner says this version cannot save changes ({banner(app).name})")
            app.activate(app.find(SAFETY, role="list item"))
            quote = app.find_on_page("Quote from Victoria Marks")
            app.find_text(NOTE, parent=quote)
            check(True, "what this version can read of the newer file is shown")
            app.activate(app.find("Bookmark", role="toggle button", parent=quote))
            app.quit()
        check(folder_contents(home) == before,
              "after an edit and quitting, the newer file is as it was, where it was, and nothing else was written")

        with App(home=home) as app:
            banner(app)
            check(folder_contents(home) == before, "a restart changes nothing either (an upgrade would find its file)")

            app.activate(app.find("Start New Library…", role="button"))
            dialog = app.find("Start a New Library?", role="alert")
            body = app.find_text("stays in the folder", parent=dialog).name
            kept_name = re.search(r"renamed “(library\.json\.[0-9-]+\.newer-version)”", body)
            check(kept_name is not None and os.path.dirname(home.library_path()) in body,
                  f"the confirmation names the folder and the name the old file keeps ({body})")
            app.activate(app.find("Cancel", role="button", parent=dialog))
            wait_for(lambda: not app.find_all(name="Start a New Library?", role="alert"), "the dialog to close")
            check(folder_contents(home) == before, "cancelling changes nothing")

            app.activate(app.find("Start New Library…", role="button"))
            dialog = app.find("Start a New Library?", role="alert")
            kept_name = re.search(r"renamed “([^”]+)”", app.find_text("stays in the folder", parent=dialog).name)[1]
            app.activate(app.find("Start New Library", role="button", parent=dialog))
            kept = os.path.join(os.path.dirname(home.library_path()), kept_name)
            wait_for(lambda: os.path.exists(kept) and os.path.exists(home.library_path()), "the new library")
            with open(kept, encoding="utf-8") as file:
                check(file.read() == NEWER, f"the newer file is kept, unchanged, as {kept_name}")
            saved = wait_for(lambda: (data := json.load(open(home.library_path(), encoding="utf-8")))
                             and data["version"] == 1 and data, "the new library file")
            check(saved["entries"][0]["note"]["text"] == NOTE, "the new library holds what was shown")
            wait_for(lambda: not [n for n in app.find_all(role="label") if "newer version" in (n.name or "")],
                     "the banner to go")
            check(True, "the banner goes")
            app.quit()
    finally:
        home.remove()


if __name__ == "__main__":
    run(main)
