#!/usr/bin/env python3
"""At the largest text size (300 %) in a 360 px window, as a reader with low vision may use the
app on a phone-sized window, nothing on an outcome page overlaps: every card of the small pack
of every kind of card, opened, is scrolled through from the top to the bottom, and at each step
no text or control on screen lies over another. The text is made larger with Ctrl+plus once
the page is shown, so that the rows made before take the new size as well as those made after.

A label that does not wrap, wider than the page, made its card ask for more width than the
page has; the card was then measured at that width, where its text takes fewer lines, and the
rows below were drawn over its end. So does a paragraph's least width if it does not follow
the text size."""

import json
import tempfile

from harness import App, Home, check, fail, run, wait_for
from page_scroll import WHEEL_DOWN, on_screen, page, page_scrolled, wheel
from test_cards import CARDS, write_pack

ROLES = ("label", "heading", "button", "toggle button")
# Neighbours' extents may cross by a few pixels: a toggle button's and the paragraph under it,
# by 5 px at every text size, as the page draws them apart. What the test looks for crossed by
# hundreds.
TOLERANCE = 8
# A recommendation long enough to be taken for a paragraph, in the set, where a text has the
# least room.
LONG_RECOMMENDATION = ("Give every survivor one named worker, who answers the phone, keeps in "
                       "touch between appointments and knows the whole of their case.")


def write_large_pack(folder):
    """The pack of every kind of card, with a paragraph-long recommendation in its set."""
    path = write_pack(folder)
    with open(path, encoding="utf-8") as file:
        pack = json.load(file)
    for item in pack["outcomes"][0]["sections"][0]["items"]:
        if item["kind"] == "recommendations":
            item["groups"][0]["items"].append({"id": item["id"] + ".long", "text": LONG_RECOMMENDATION})
    with open(path, "w", encoding="utf-8") as file:
        json.dump(pack, file)
    return path


def overlap(a, b):
    """Whether rectangles `a` and `b` (x, y, width, height) cross, one not holding the other
    (a button holds its label)."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    width = min(ax + aw, bx + bw) - max(ax, bx)
    height = min(ay + ah, by + bh) - max(ay, by)
    if width <= TOLERANCE or height <= TOLERANCE:
        return False

    def holds(outer, inner):
        ox, oy, ow, oh = outer
        ix, iy, iw, ih = inner
        return (ox - TOLERANCE <= ix and oy - TOLERANCE <= iy
                and ix + iw <= ox + ow + TOLERANCE and iy + ih <= oy + oh + TOLERANCE)
    return not holds(a, b) and not holds(b, a)


def shown(app, rows):
    """The texts and controls of the page on screen, with their extents."""
    nodes = []
    for role in ROLES:
        for node in app.find_all(role=role, parent=rows):
            try:
                extents = node.extents
                if node.showing and extents[2] > 0 and extents[3] > 0 and on_screen(app, node):
                    nodes.append((node.name or "", extents))
            except Exception:  # the row went while the page scrolled
                continue
    return nodes


def check_no_overlap(app, rows):
    nodes = shown(app, rows)
    for i, (name_a, a) in enumerate(nodes):
        for name_b, b in nodes[i + 1:]:
            if overlap(a, b):
                app.screenshot("large-text-overlap")
                fail(f"at 300 % text, {name_a[:40]!r} {a} lies over {name_b[:40]!r} {b}")
    return [name for name, _ in nodes]


def main():
    folder = tempfile.mkdtemp(prefix="mscos-large-text-")
    home = Home()
    home.set_setting("window-width", "360")
    try:
        with App("--content", write_large_pack(folder), home=home) as app:
            app.activate(app.find(CARDS, role="list item"))
            rows = page(app, CARDS)
            # Every card opened first: the page is short, so the view has made every row.
            app.keys("<Control><Shift>e")
            wait_for(lambda: app.find_all(name="Show less", role="toggle button"), "the cards to open")
            while app.home.get_setting("text-scale") != "3.0":
                before = app.home.get_setting("text-scale")
                app.keys("<Control>plus")
                wait_for(lambda: app.home.get_setting("text-scale") != before, "the text to grow")
            seen, still, scrolled = set(), 0, page_scrolled(app)
            # Down the page, a few turns of the wheel at a time, until it moves no more.
            for _ in range(400):
                seen.update(check_no_overlap(app, rows))
                wheel(app, WHEEL_DOWN, clicks=2)
                app.sync()
                before, scrolled = scrolled, page_scrolled(app)
                still = still + 1 if scrolled == before else 0
                if still == 3:
                    break
            else:
                fail("scrolling did not reach the end of the page")
            check(LONG_RECOMMENDATION in seen, "the long recommendation was on screen")
            check(True, f"at 300 % text in a 360 px window, nothing on the page lies over "
                  f"anything else ({len(seen)} texts and controls looked at, top to bottom)")
            app.screenshot("large-text-narrow")
            app.quit()
    finally:
        home.remove()


if __name__ == "__main__":
    run(main)
