#!/usr/bin/env python3
"""A jump to a recommendation inside a closed set, inside a closed resource, near the end of the
Safety page (a list view, which makes widgets only for the rows on screen): from the Library's
Bookmarks and from GNOME Shell's search results, the page opens what holds the recommendation
and scrolls it into view."""

import json
import os

from harness import Home, App, check, run, wait_for
from test_search_provider import call

ITEM = "safety.defendants-as-victims.recs.20"
TEXT = "Reversing criminal legal aid cuts to increase defence capacities."


def write_bookmark(home):
    path = home.library_path()
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    # As the app writes it: with what the item was, for the Library to show.
    entry = {"pack": "uk.co.mscos.content", "item": ITEM, "outcome": "safety", "kind": "recommendation",
             "title": TEXT, "excerpt": TEXT, "bookmark": {"created": "2026-01-01T00:00:00Z"}}
    with open(path, "w", encoding="utf-8") as file:
        json.dump({"format": "mscos-library", "version": 1, "entries": [entry]}, file)


def on_screen(app):
    """The recommendation's words, once they are shown inside the window."""
    def shown():
        if not app.has_text(TEXT):
            return None
        label = app.find_text(TEXT, timeout=1)
        x, y, width, height = app.window.extents
        top = label.extents[1]
        return label.showing and y <= top and top + label.extents[3] <= y + height and label
    return wait_for(shown, "the recommendation on screen")


def main():
    home = Home()
    write_bookmark(home)
    try:
        with App(home=home) as app:
            app.activate(app.find("Bookmarks", role="list item"))
            bookmarks = app.find("Bookmarks", role="list")
            # The library's one entry.
            row = wait_for(lambda: app.find_all(role="list item", parent=bookmarks), "the bookmark in the Library")[0]
            app.activate(row)
            on_screen(app)
            check(True, "a bookmark on a recommendation in a closed set opens its page, opens the set "
                  "and scrolls the recommendation into view")
            app.quit()

        with App(home=home) as app:
            app.find("Outcomes", role="list")
            check(not app.has_text(TEXT), "the app starts with the recommendation's set closed")
            call("ActivateResult", f"'{ITEM}'", "['legal', 'aid']", "0")
            on_screen(app)
            check(True, "a Shell search result inside a closed set opens its page, opens the set "
                  "and scrolls the recommendation into view")
            app.quit()
    finally:
        home.remove()


if __name__ == "__main__":
    run(main)
