#!/usr/bin/env python3
"""Nothing from a content pack or a file name is read as markup: a pack whose title, revision,
outcome title, item titles and texts hold "&", "<b>", "<i>" and "<a href>" shows them as they are
written in the sidebar, on the page, in the Library, in search results, in the About dialog, in
the toast after opening it and in the export's toast for a file named so, and no link is made of
them. (A string that broke Pango markup would also print a warning, which fails the test.)"""

import os
import tempfile

from harness import SOURCE_DIR, App, check, run, wait_for

PACK = os.path.join(SOURCE_DIR, "tests", "data", "hostile", "markup.json")
PACK_TITLE = 'Pack <b>Bold</b> & <a href="file:///etc/passwd">link</a>'
REVISION = "7 <i>rev</i> &amp;"
SAFETY = 'Safety <b>&</b> <a href="https://evil.example/">trust</a>'
QUOTE = 'You have to <b>feel</b> able & <i>trust</i> <a href="file:///etc/passwd">here</a>'
RESOURCE = 'Beyond <b>Survival</b> & <a href="file:///etc/passwd">more</a>'
# A file name cannot hold "/", so its tags are left open, which Pango would refuse.
EXPORT_NAME = "notes <b>x & <i>y.md"


def no_links(app):
    return not app.node.findChildren(lambda n: n.roleName == "link", showingOnly=False)


def main():
    folder = tempfile.mkdtemp(prefix="mscos-markup-")
    with App("--content", PACK) as app:
        app.find(SAFETY, role="list item")
        check(True, "the sidebar shows the outcome's title as written")
        app.activate(app.find(SAFETY, role="list item"))
        app.find(SAFETY, role="heading")
        check(True, "the page's heading shows it as written")
        app.find_text(QUOTE)
        check(True, "a quotation's words show as written")
        resource = app.find_on_page(RESOURCE)
        check(True, "a resource's title shows as written")

        app.activate(app.find("Bookmark", role="toggle button", parent=resource))
        quote = app.find_on_page("Quote from Keith <i>K</i> &")
        app.activate(app.find("Bookmark", role="toggle button", parent=quote))
        app.activate(app.find("Bookmarks", role="list item"))
        bookmarks = app.find("Bookmarks", role="list")
        rows = wait_for(lambda: len(names := [r.name for r in app.find_all(role="list item", parent=bookmarks)]) == 2
                        and names, "the two bookmarks")
        check(RESOURCE in rows, f"the Library's rows show titles as written ({rows})")
        app.find_text(RESOURCE, parent=bookmarks)
        app.find_text("You have to <b>feel</b> able", parent=bookmarks)

        app.focus()
        app.keys("<Control>f")
        app.type("survivalword")
        results = app.find("Search results", role="list")
        app.find_text(RESOURCE, parent=results)
        app.find_text("A <i>summary</i> & <b>more</b>", parent=results)
        app.find(SAFETY, role="heading", parent=results)
        check(True, "search results show titles, words and the outcome as written")
        app.keys("Escape")

        app.focus()
        app.keys("<Control>o")
        app.open_file("Open Content Pack", PACK)
        app.find_text(f"Opened “{PACK_TITLE}”, revision {REVISION}", exact=True)
        check(True, "the toast after opening the pack shows its title and revision as written")

        app.activate(app.find(SAFETY, role="list item"))
        app.find(SAFETY, role="heading")
        export = os.path.join(folder, EXPORT_NAME)
        app.focus()
        app.keys("<Control>e")
        app.save_file("Export Library", export)
        app.find_text(f"Library exported to “{EXPORT_NAME}”", exact=True)
        check(os.path.exists(export), "the export's toast shows the file's name as written")

        app.focus()
        app.activate(app.find("Main menu", role="toggle button"))
        app.activate(app.find("About MSCOS Outcomes", role="menu item"))
        about = app.find("About", role="dialog")
        app.activate(app.find("Details", role="list item", parent=about))
        app.find_text(f"Content: {PACK_TITLE}, revision {REVISION} (2026-11-28).", parent=about)
        check(True, "the About dialog shows the pack's title and revision as written")
        check(no_links(app), "no link is made of the pack's words anywhere")
        app.keys("Escape")
        app.keys("Escape")


if __name__ == "__main__":
    run(main)
