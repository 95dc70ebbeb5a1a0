#!/usr/bin/env python3
"""Outcome pages of a thousand items and more, which show only the rows on screen: Expand All and
Collapse All open and close a set of three hundred recommendations; a jump from search to a
recommendation deep in the page opens its set and brings it on screen, marked; Tab goes from
the page's first control to the second item's Bookmark button, past a section heading, and
Shift+Tab back. Screenshots of a 10,000-item page scrolled to its middle and of the Safety page
after Expand All, light and dark, wide and 360 px narrow."""

import json
import os
import subprocess
import tempfile
import time

import pyatspi

from harness import SCREENSHOT_DIR, App, Home, check, run, wait_for
from page_scroll import WHEEL_DOWN, on_screen, page, scroll_to, wheel

PAGE = "A page of many items"
SAFETY = "Safety from any trafficker or other abusers"
BIG_SET = "The long list"
BIG_SET_SIZE = 300
DEEP_ITEM = 800
DEEP_WORDS = "The kestrel recommendation, deep in the page."
MIDDLE_WORDS = "The osprey quote, in the middle of the page."
WORDS = ("survivor safety housing support referral navigator advocate guidance statutory local "
         "authority community legal aid helpline compensation trauma-informed long-term").split()


def words(seed, n):
    return " ".join(WORDS[(seed * 7 + k * 3) % len(WORDS)] for k in range(n)).capitalize() + "."


def recommendations(set_id, n, special=None):
    return [{"id": f"{set_id}.{k}", "text": special if k == 7 and special else f"Recommendation {k + 1} of this "
             f"set: {words(k, 12)}"} for k in range(n)]


def item(index):
    item_id = f"page.item-{index}"
    if index == 2:
        return {"id": item_id, "kind": "recommendations", "title": BIG_SET,
                "groups": [{"style": "numbered", "items": recommendations(item_id, BIG_SET_SIZE)}]}
    if index % 3 == 0:
        text = MIDDLE_WORDS if index == 5001 else f"Quote {index}: {words(index, 40)}"
        return {"id": item_id, "kind": "quote", "text": text, "speaker": "Ada"}
    if index % 3 == 1:
        return {"id": item_id, "kind": "resource", "type": "report", "title": f"Report {index}",
                "summary": words(index, 30),
                "body": [{"type": "paragraph", "text": words(index + 1, 80)}],
                "links": [{"title": f"Report {index} on the web", "uri": f"https://example.org/{index}"}]}
    title = "The deep set" if index == DEEP_ITEM else f"Set {index}"
    return {"id": item_id, "kind": "recommendations", "title": title,
            "groups": [{"style": "numbered",
                        "items": recommendations(item_id, 10, DEEP_WORDS if index == DEEP_ITEM else None)}]}


def write_pack(folder, n_items):
    """One outcome page: a first section of one quote, then a section of every other item."""
    sections = [{"id": "page.first", "title": "The first section", "items": [item(0)]},
                {"id": "page.second", "title": "The second section", "items": [item(i) for i in range(1, n_items)]}]
    pack = {"format": "mscos-content-pack", "version": 1,
            "pack": {"id": "test.page-scale", "title": "Page scale", "revision": "1", "date": "2026-11-28",
                     "language": "en-GB"},
            "outcomes": [{"id": "page", "group": "core-outcome", "title": PAGE, "summary": "Many items.",
                          "descriptor": [{"type": "paragraph", "text": "A page for the tests."}],
                          "sections": sections}]}
    path = os.path.join(folder, f"page-{n_items}.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(pack, file)
    return path


def is_expanded(node):
    return node.getState().contains(pyatspi.STATE_EXPANDED)


def focused(app):
    return wait_for(lambda: app.window.findChild(lambda n: n.focused, retry=False, requireResult=False),
                    "the keyboard focus")


def card_of(node):
    """The item card a control is on: its nearest ancestor that is a named grouping."""
    while node is not None:
        if node.roleName == "grouping" and node.name:
            return node.name
        node = node.parent
    return None


def crop(x, y, width, height):
    """The pixels of a part of the screen, as bytes of RGB."""
    return subprocess.run(["import", "-window", "root", "-crop", f"{width}x{height}+{x}+{y}", "rgb:-"],
                          capture_output=True, check=True).stdout


def jump_to(app, query, words):
    """Searches for `query` and opens the best result, as a reader does."""
    app.focus()
    app.keys("<Control>f")
    app.type(query)
    results = app.find("Search results", role="list")
    wait_for(lambda: app.find_all(role="list item", parent=results), f"a result for {query}")
    app.keys("Return")
    label = app.find_text(words, parent=page(app, PAGE))
    wait_for(lambda: label.showing and on_screen(app, label), "the result on screen")
    return label


def test_expand_all(app):
    rows = page(app, PAGE)
    the_set = app.find(f"{BIG_SET}, {BIG_SET_SIZE} recommendations", role="toggle button")
    check(not is_expanded(the_set), "the big set starts closed")
    app.focus()
    app.keys("<Control><Shift>e")
    wait_for(lambda: is_expanded(the_set), "the set to say it is expanded")
    app.find("Show less", role="toggle button", parent=rows)
    check(True, "Expand All opens the resources")
    scroll_to(app, rows, lambda: app.has_text("Recommendation 1 of this set", parent=rows), "the set's first "
              "recommendation")
    check(True, f"and the set of {BIG_SET_SIZE} recommendations")
    last = f"Recommendation {BIG_SET_SIZE} of this set"
    found = scroll_to(app, rows, lambda: app.find_all(role="label", name=None, parent=rows) and
                      [n for n in app.find_all(role="label", parent=rows) if (n.name or "").startswith(last)],
                      "the set's last recommendation", steps=400)
    check(on_screen(app, found[0]), "scrolling reaches the last of its recommendations")

    app.keys("<Control><Shift>c")
    wait_for(lambda: not app.find_all(role="label", parent=rows) or
             not [n for n in app.find_all(role="label", parent=rows) if (n.name or "").startswith("Recommendation ")],
             "the recommendations to go")
    the_set = scroll_to(app, rows, lambda: app.find_all(name=f"{BIG_SET}, {BIG_SET_SIZE} recommendations",
                                                        role="toggle button"), "the set", down=False, steps=400)[0]
    check(not is_expanded(the_set), "Collapse All closes the set again")
    check(not app.find_all(name="Show less", role="toggle button", parent=rows), "and every resource")


def test_jump(app):
    label = jump_to(app, "kestrel", DEEP_WORDS)
    # The mark is an outline around the recommendation, which goes after a few seconds: the
    # band just around it changes between now and then.
    x, y, width, height = label.extents
    band = (x - 60, y - 12, width + 120, height + 24)
    marked = crop(*band)
    check(True, f"a jump to a recommendation of item {DEEP_ITEM}, in a closed set, opens the set and "
          "brings it on screen")
    time.sleep(4.5)
    unmarked = crop(*band)
    changed = sum(1 for a, b in zip(marked, unmarked) if abs(a - b) > 40)
    check(changed > 300, f"the recommendation is marked when jumped to, and the mark goes ({changed} values changed)")


def tab(app, combo="Tab"):
    """Presses a key as the keyboard does, and returns the control that then has the focus."""
    subprocess.run(["xdotool", "key", combo], check=True)
    time.sleep(0.3)
    node = focused(app)
    return node.name, card_of(node)


def test_tab(app):
    # From the list of outcomes, Tab goes on to the header bar and then into the page.
    app.focus()
    app.find(PAGE, role="list item").click()
    wait_for(lambda: focused(app).name == PAGE, "the focus on the outcome in the sidebar")
    for _ in range(6):
        if tab(app) == ("Copy with attribution", "Quote from Ada"):
            break
    check(focused(app).name == "Copy with attribution", "Tab reaches the page's first control")
    steps = [tab(app) for _ in range(3)]
    check(steps[0] == ("Bookmark", "Quote from Ada") and steps[1] == ("Add note", "Quote from Ada"),
          f"Tab goes through the first item's controls ({steps[:2]})")
    check(steps[2] == ("Bookmark", "Report 1"),
          f"Tab then goes past the section heading to the second item's Bookmark button ({steps[2]})")
    back = tab(app, "shift+Tab")
    check(back == ("Add note", "Quote from Ada"), f"Shift+Tab goes back to the first item's note button ({back})")


def screenshots(big_pack):
    for style in ("light", "dark"):
        home = Home()
        home.set_setting("style-variant", f"'{style}'")
        home.set_setting("quick-exit-tip-dismissed", "true")
        try:
            with App("--content", big_pack, home=home) as app:
                app.resize(1200, 800)
                jump_to(app, "osprey", MIDDLE_WORDS)
                app.keys("Escape")
                time.sleep(3.5)
                app.screenshot(f"page-10000-middle-{style}")
                app.resize(360, 640)
                app.screenshot(f"narrow-page-10000-middle-{style}")

            with App(home=home) as app:
                app.resize(1200, 800)
                app.activate(app.find(SAFETY, role="list item"))
                safety = page(app, SAFETY)
                app.focus()
                app.keys("<Control><Shift>e")
                app.screenshot(f"safety-expanded-top-{style}")
                scroll_to(app, safety, lambda: app.find_all(name="Show less", role="toggle button", parent=safety),
                          "an opened resource")
                app.screenshot(f"safety-expanded-{style}")
                wheel(app, WHEEL_DOWN, 40)
                app.screenshot(f"safety-expanded-scrolled-{style}")
                app.resize(360, 640)
                wheel(app, WHEEL_DOWN, 10)
                app.screenshot(f"narrow-safety-expanded-{style}")
        finally:
            home.remove()
    check(True, f"screenshots written to {SCREENSHOT_DIR}")


def main():
    folder = tempfile.mkdtemp(prefix="mscos-page-scale-")
    pack = write_pack(folder, 1000)
    home = Home()
    home.set_setting("quick-exit-tip-dismissed", "true")
    with App("--content", pack, home=home) as app:
        app.resize(1100, 760)
        app.find(PAGE, role="heading")
        test_tab(app)
        test_expand_all(app)
        test_jump(app)
    home.remove()
    screenshots(write_pack(folder, 10000))


if __name__ == "__main__":
    run(main)
