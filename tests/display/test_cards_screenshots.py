#!/usr/bin/env python3
"""Screenshots of the Safety page's cards for people to look at, in the build folder's look/:
the opening quotation, which the page attributes to nobody; an audio card with the page where
its clip plays; the helpline with its number; and the helpline's "Changed from the Source".
Light and dark, wide and 360 px narrow. Each card is checked to be on screen before it is
taken."""

import os

import harness
from harness import App, Home, check, run, wait_for
from page_scroll import page, scroll_to

SAFETY = "Safety from any trafficker or other abusers"
CREDIT = "Quoted on the MSCOS page, not attributed"
AUDIO = "Safety - Keith"
AUDIO_PAGE = "The MSCOS page where this clip plays"
HELPLINE = "UK Modern Slavery & Exploitation Helpline"
NUMBER = "08000 121 700"

harness.SCREENSHOT_DIR = os.path.join(harness.BUILD_DIR, "look")


def wholly_on_screen(app, node):
    x, y, width, height = app.window.extents
    nx, ny, nwidth, nheight = node.extents
    return nheight > 0 and y + 40 <= ny and ny + nheight <= y + height


def bring_on_screen(app, rows, name, role="grouping"):
    """Scrolls until the card named `name` is wholly in the window."""
    def find():
        found = [n for n in app.find_all(name=name, role=role) if wholly_on_screen(app, n)]
        return found and found[0]
    node = scroll_to(app, rows, find, repr(name))
    app.wait_still(node)
    return node


def views(app, suffix):
    app.activate(app.find(SAFETY, role="list item"))
    app.find(SAFETY, role="heading")
    rows = page(app, SAFETY)

    quote = bring_on_screen(app, rows, CREDIT)
    app.find_text(CREDIT, exact=True, parent=quote)
    app.screenshot(f"quote-unattributed-{suffix}")

    audio = bring_on_screen(app, rows, AUDIO)
    app.find(AUDIO_PAGE, parent=audio)
    app.screenshot(f"audio-page-source-{suffix}")

    helpline = bring_on_screen(app, rows, HELPLINE)
    app.find_text(NUMBER, exact=True, parent=helpline)
    app.find("Copy Number", role="button", parent=helpline)
    app.screenshot(f"helpline-number-{suffix}")

    app.activate(app.find("More", parent=helpline))
    menu = app.find("More", role="menu", parent=app.node)
    app.activate(wait_for(lambda: app.find_all(role="menu item", parent=menu), "the item menu's item")[0])
    dialog = app.find("Changed from the Source", role="dialog", parent=app.node)
    app.find_text("available in 200 language.", exact=True, parent=dialog)
    app.wait_still(dialog)
    app.screenshot(f"changed-from-the-source-{suffix}")
    app.keys("Escape")
    wait_for(lambda: not app.find_all(role="dialog", name="Changed from the Source", parent=app.node),
             "the dialog to close")
    check(True, f"the cards are on screen for their screenshots ({suffix})")


def main():
    for style in ("light", "dark"):
        home = Home()
        home.set_setting("style-variant", f"'{style}'")
        try:
            for width, height, name in ((1100, 780, "wide"), (360, 640, "narrow")):
                with App(home=home) as app:
                    app.resize(width, height)
                    banner = app.find_all(name="Got It", role="button")
                    if banner:
                        app.activate(banner[0])
                    views(app, f"{style}-{name}")
        finally:
            home.remove()


if __name__ == "__main__":
    run(main)
