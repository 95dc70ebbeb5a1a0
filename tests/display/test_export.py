#!/usr/bin/env python3
"""Export, import and opening packs leave no trace and write what was asked for: the export's
format follows the filter chosen in the dialog, and the file's name follows the format
(choosing "JSON, to import elsewhere" with the suggested "….md" name writes "….json", which
imports); every export is private (0600); and no file exported, imported or opened enters
GTK's recent files (recently-used.xbel), which every file chooser and Files → Recent show."""

import datetime
import json
import os
import stat
import tempfile

from harness import SOURCE_DIR, App, Home, check, run, wait_for

EVERY_KIND = os.path.join(SOURCE_DIR, "tests", "data", "good", "every-kind.json")
SAFETY = "Safety from any trafficker or other abusers"


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def menu_item(app, name):
    """Chooses the primary menu's item `name`."""
    app.focus()
    app.activate(app.find("Main menu", role="toggle button"))
    app.activate(app.find(name, role="menu item"))


def choose_filter(app, dialog, name):
    """Chooses the second filter of the file chooser's list, `name`, with the keyboard: the
    list's pointer positions are not where AT-SPI places them in a dialog partly off screen."""
    combo = app.find(role="combo box", parent=dialog)
    combo.click()
    wait_for(lambda: app.find_all(name=name, parent=dialog), "the filters")
    app.keys("Down")
    app.keys("Return")
    wait_for(lambda: combo.name == name, f"the filter {name!r}")


def recent_files(home):
    path = os.path.join(home.data, "recently-used.xbel")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as file:
        return [line.strip() for line in file if "<bookmark " in line]


def main():
    home = Home()
    folder = tempfile.mkdtemp(prefix="mscos-export-")
    try:
        with App(home=home) as app:
            app.activate(app.find(SAFETY, role="list item"))
            quote = app.find_on_page("Quote from Victoria Marks")
            app.activate(app.find("Bookmark", role="toggle button", parent=quote))

            # The suggested name ends in .md; the JSON filter is chosen.
            suggested = f"MSCOS notes {datetime.date.today():%Y-%m-%d}"
            app.focus()
            app.keys("<Control>e")
            dialog = app._dialog("Export Library")
            entry = wait_for(lambda: app._focused_entry(dialog), "the name entry")
            check(entry.text == suggested + ".md", f"the dialog suggests {entry.text!r}")
            app.keys("<Control>a")
            app.type(os.path.join(folder, suggested + ".md"))
            choose_filter(app, dialog, "JSON, to import elsewhere")
            app.activate(app.find("Export", role="button", parent=dialog))
            exported = os.path.join(folder, suggested + ".json")
            wait_for(lambda: os.path.exists(exported) and os.path.getsize(exported) > 0, "the JSON export")
            with open(exported, encoding="utf-8") as file:
                data = json.load(file)
            check(data["format"] == "mscos-library" and data["entries"][0]["item"] == "safety.quote-victoria-marks",
                  "choosing the JSON filter writes JSON, whatever the name said")
            check(not os.path.exists(os.path.join(folder, suggested + ".md")),
                  "and the file's name ends in .json, not .md")
            check(mode(exported) == 0o600, f"the JSON export is private ({oct(mode(exported))})")

            markdown = os.path.join(folder, "for-a-colleague.md")
            app.focus()
            app.keys("<Control>e")
            app.save_file("Export Library", markdown)
            wait_for(lambda: os.path.exists(markdown) and os.path.getsize(markdown) > 0, "the Markdown export")
            check(open(markdown, encoding="utf-8").read().startswith("# "), "the Markdown filter writes Markdown")
            check(mode(markdown) == 0o600, f"the Markdown export is private ({oct(mode(markdown))})")

            menu_item(app, "Import Library…")
            app.open_file("Import Library", exported)
            app.find_text("Imported:")
            check(True, "the JSON export imports")

            app.focus()
            app.keys("<Control>o")
            app.open_file("Open Content Pack", EVERY_KIND)
            app.find("First outcome", role="list item")
            check(True, "a content pack opens")
            app.quit()

        check(recent_files(home) == [], "no file exported, imported or opened is in GTK's recent files"
              + (f": {recent_files(home)}" if recent_files(home) else ""))
    finally:
        home.remove()


if __name__ == "__main__":
    run(main)
