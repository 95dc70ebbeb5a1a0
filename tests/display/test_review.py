#!/usr/bin/env python3
"""A committee member's review, walked as a user would: `--review` opens a revision of the
built-in pack (tests/data/review/make-revision.py's, made at build time); the banner says what
is reviewed against what; the Changes page gives the counts by type of change; a changed item
opens on its outcome page; a comment is added (the reviewer's name asked the first time, and
kept); the comments are exported as CSV (private, 0600) and the table holds the comment. The
review file is kept under the user data folder. Screenshots of the Changes page, a changed
item and the comment editor are written for people to look at."""

import csv
import json
import os
import stat
import tempfile

from harness import BUILD_DIR, SOURCE_DIR, App, Home, check, run, wait_for

REVISION = os.path.join(BUILD_DIR, "tests", "core", "mscos-revision.json")
EXPECTED = os.path.join(BUILD_DIR, "tests", "core", "mscos-revision-expected.json")
BASE = os.path.join(SOURCE_DIR, "resources", "content", "mscos.json")
TEAM = os.path.join(SOURCE_DIR, "tests", "data", "review", "review-team.jsonld")
SAFETY = "Safety from any trafficker or other abusers"
COMMENT = "Say which thresholds, and who sets them."
REVIEWER = "Ana Silva"


def revision_of(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)["pack"]["revision"]


def expected_summary():
    """What the Changes page must say: the changes of make-revision.py's edits by type, as the
    BNF gives them, the pack's own details apart."""
    with open(EXPECTED, encoding="utf-8") as file:
        entries = [entry for entry in json.load(file) if entry["id"] is not None]
    words = []
    for change in ("changed", "new", "removed", "moved"):
        n = sum(1 for entry in entries if entry["change"] == change)
        if n:
            words.append(f"{n} {change}")
    return ", ".join(words)


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def reviews_folder(home):
    app_id = os.environ.get("MSCOS_APP_ID", "uk.co.mscos.Outcomes.Devel")
    return os.path.join(home.data, app_id, "reviews")


def main():
    home = Home()
    folder = tempfile.mkdtemp(prefix="mscos-review-")
    title = f"Reviewing {revision_of(REVISION)} against {revision_of(BASE)}"
    summary = expected_summary()
    try:
        with App("--review", REVISION, home=home) as app:
            app.find_text(title)
            check(True, f"the banner says {title!r}")
            app.find_text(summary, exact=True)
            check(True, f"the Changes page counts {summary!r}")
            app.find("Changes", role="list item")
            check(True, "the sidebar has a Changes row")
            app.screenshot("review-changes-light")

            # A changed item opens on its outcome page.
            safety = app.find(SAFETY, role="list")
            rows = wait_for(lambda: app.find_all(role="list item", parent=safety), "the changes in Safety")
            # The row's button that opens the item has the row's name; the other comments.
            show = [b for b in app.find_all(role="button", parent=rows[0]) if b.name != "Add comment"]
            app.activate(show[0])
            wait_for(lambda: not app.has_text(summary), "the Changes page to give way")
            check(True, "a change's row opens its item")
            app.screenshot("review-changed-item-light")

            # A comment on it, from the Changes page.
            app.activate(app.find("Changes", role="list item"))
            safety = app.find(SAFETY, role="list")
            app.activate(app.find_all(name="Add comment", role="button", parent=safety)[0])
            dialog = app.find("Add Comment", role="dialog")
            entry = wait_for(lambda: app._focused_entry(dialog), "the name asked first")
            app.type(REVIEWER)
            wait_for(lambda: entry.text == REVIEWER, "the name typed")
            app.keys("Tab")
            app.type(COMMENT)
            app.screenshot("review-comment-editor-light")
            app.activate(app.find("Add", role="button", parent=dialog))
            app.find_text(COMMENT)
            check(True, "the comment is listed on the Changes page")
            check(home.get_setting("reviewer-name") == f"'{REVIEWER}'", "the reviewer's name is kept")

            saved = wait_for(lambda: [os.path.join(d, f) for d, _, files in os.walk(reviews_folder(home))
                                      for f in files if f.endswith(".jsonld")], "the review file")
            wait_for(lambda: COMMENT in open(saved[0], encoding="utf-8").read(), "the comment saved")
            check(mode(saved[0]) == 0o600, "the review file is private")

            # The consultation table.
            table = os.path.join(folder, "table.csv")
            app.focus()
            menu = app.find("Main menu", role="toggle button")
            app.activate(menu)
            items = wait_for(lambda: app.find_all(role="menu item"), "the primary menu")
            # Print… and Export as PDF… come first, then Review a New Revision…, Export
            # Comments…, Merge…, Stop Reviewing.
            app.activate(items[3])
            app.save_file("Export Comments", table)
            wait_for(lambda: os.path.exists(table) and os.path.getsize(table) > 0, "the CSV export")
            check(mode(table) == 0o600, f"the table is private ({oct(mode(table))})")
            with open(table, newline="", encoding="utf-8-sig") as file:
                rows = list(csv.reader(file))
            check(len(rows) == 2 and COMMENT in rows[1] and REVIEWER in rows[1],
                  f"the table holds the comment and its reviewer: {rows}")
            check(rows[1][0] == SAFETY, f"its outcome is named: {rows[1][0]!r}")
            app.quit()

        # The same user again: the comment is still there, and the name is not asked.
        with App("--review", REVISION, home=home) as app:
            app.find_text(COMMENT)
            check(True, "the comment is read again with the review")
            safety = app.find(SAFETY, role="list")
            app.activate(app.find_all(name="Add comment", role="button", parent=safety)[0])
            dialog = app.find("Add Comment", role="dialog")
            check(not app.find_all(name="Your name", parent=dialog), "the name is not asked again")
            app.keys("Escape")
            wait_for(lambda: not app.find_all(name="Add Comment", role="dialog"), "the editor to close")

            # Another reviewer's file merges in, and a toast says what was merged.
            app.activate(app.find("Main menu", role="toggle button"))
            items = wait_for(lambda: app.find_all(role="menu item"), "the primary menu")
            app.activate(items[4])
            app.open_file("Merge Reviewers", TEAM)
            app.find_text("Merged 1 file: 2 comments added")
            check(True, "merging a reviewer's file says what was merged")
            app.find_text("Bo Lindqvist")

            # Stopping: the banner and the Changes row go, the pack in use comes back.
            app.activate(app.find("Stop Reviewing", role="button"))
            wait_for(lambda: not app.has_text(title), "the banner to go")
            wait_for(lambda: not app.find_all(name="Changes", role="list item"), "the Changes row to go")
            wait_for(lambda: app.find_all(name="Bookmark", role="toggle button"), "an outcome page")
            check(True, "an outcome page of the pack in use shows again")
            app.quit()
    finally:
        home.remove()

    for style, width in (("dark", 1100), ("light", 360), ("dark", 360)):
        looks(style, width)


def looks(style, width):
    """The Changes page, a changed item and the comment editor, for people to look at."""
    home = Home()
    home.set_setting("style-variant", f"'{style}'")
    home.set_setting("window-width", str(width))
    home.set_setting("reviewer-name", f"'{REVIEWER}'")
    suffix = style + ("-narrow" if width < 600 else "")
    try:
        with App("--review", REVISION, home=home) as app:
            app.find_text(expected_summary(), exact=True)
            app.screenshot(f"review-changes-{suffix}")
            safety = app.find(SAFETY, role="list")
            rows = wait_for(lambda: app.find_all(role="list item", parent=safety), "the changes in Safety")
            app.activate(app.find_all(name="Add comment", role="button", parent=rows[0])[0])
            app.find("Add Comment", role="dialog")
            app.screenshot(f"review-comment-editor-{suffix}")
            app.keys("Escape")
            wait_for(lambda: not app.find_all(name="Add Comment", role="dialog"), "the editor to close")
            safety = app.find(SAFETY, role="list")
            show = wait_for(lambda: [b for b in app.find_all(role="button", parent=safety)
                                     if b.name != "Add comment"], "the rows' buttons")
            app.activate(show[0])
            wait_for(lambda: not app.has_text(expected_summary()), "the changed item")
            app.screenshot(f"review-changed-item-{suffix}")
            app.quit()
    finally:
        home.remove()


if __name__ == "__main__":
    run(main)
