#!/usr/bin/env python3
"""Takes the screenshots that the AppStream metadata lists (data/*.metainfo.xml.in.in) into
docs/screenshots/, the way the display suite takes its own (tests/display/test_screenshots.py):
the app under the virtual display, each view checked to be on screen before it is taken.

Flathub's quality guidelines ask for the default settings (so the light style), a window of
1000×700 or smaller, real content rather than empty states, and no development stripes: run it
on a build of the default profile, after a visible change to the interface and before tagging:

    build-aux/dev exec meson setup _build-screenshots -Dprofile=default
    MSCOS_BUILD_DIR=$PWD/_build-screenshots build-aux/dev exec --display \\
        python3 docs/screenshots/update.py

The metainfo points at these files by their address in the repository at the release tag, so
the pictures a release shows are the ones committed with it."""

import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "display"))

from harness import App, Home, check, run, wait_for  # noqa: E402

SAFETY = "Safety from any trafficker or other abusers"
RESOURCE = "Beyond Survival: Living free, not in survival mode, and being able to dream again"
NOTE = "Share with the new support workers at Thursday's training."
# The X window, frame included: Flathub's largest recommended size.
WIDTH, HEIGHT = 1000, 700
# Larger while acting, so that what is activated is on screen (the virtual screen is 1280×800).
ACTING_SIZE = (1200, 780)


def bookmark(app, card):
    """Presses the card's Bookmark button and waits until it shows as pressed."""
    import pyatspi
    button = app.find("Bookmark", role="toggle button", parent=card)
    app.activate(button)
    wait_for(lambda: button.getState().contains(pyatspi.STATE_CHECKED)
             or button.getState().contains(pyatspi.STATE_PRESSED), "the bookmark to be on")


def take(app, name, scroll_to_top=False):
    """Saves the main window, as a window screenshot tool would, to docs/screenshots/NAME.png."""
    app.resize(WIDTH - App.FRAME, HEIGHT - App.FRAME)
    window = wait_for(app.window_id, "the X window")
    if scroll_to_top:
        subprocess.run(["xdotool", "mousemove", "--window", window, "600", "300",
                        "click", "--repeat", "200", "--delay", "5", "4"], check=True)
    # The pointer off the window: no hover highlights.
    subprocess.run(["xdotool", "mousemove", str(WIDTH + 100), str(HEIGHT + 50)], check=True)
    time.sleep(0.8)  # as the display suite's screenshots do: the last frame drawn
    path = os.path.join(HERE, name + ".png")
    subprocess.run(["import", "-window", window, "-strip", path], check=True)
    size = subprocess.run(["identify", "-format", "%wx%h", path], check=True, capture_output=True,
                          text=True).stdout
    check(size == f"{WIDTH}x{HEIGHT}", f"{name}.png is {size} px")
    app.resize(*ACTING_SIZE)


def main():
    home = Home()
    try:
        home.set_setting("style-variant", "'light'")
        # GNOME's interface font, as a desktop session would set it (Xvfb has no settings daemon).
        os.makedirs(os.path.join(home.config, "gtk-4.0"))
        with open(os.path.join(home.config, "gtk-4.0", "settings.ini"), "w", encoding="utf-8") as file:
            file.write("[Settings]\ngtk-font-name=Cantarell 11\n")
        with App(home=home) as app:
            app.resize(*ACTING_SIZE)
            app.activate(app.find("Got It", role="button"))

            app.activate(app.find(SAFETY, role="list item"))
            quote = app.find("Quote from Keith", role="grouping")
            bookmark(app, quote)
            app.activate(app.find("Add note", parent=quote))
            app.find("Note", role="text", showing=True, parent=app.node)
            app.type(NOTE)
            app.keys("Escape")
            app.find_text(NOTE, parent=quote)

            # Search finds the note too: Return opens the quote it belongs to.
            app.focus()
            app.keys("<Control>f")
            app.type("Thursday")
            app.find("Search results", role="list")
            app.keys("Return")
            app.focus()
            app.keys("<Control>f")
            app.activate(app.find(SAFETY, role="list item"))
            take(app, "voices")

            resource = app.find(RESOURCE, role="grouping")
            bookmark(app, resource)
            app.activate(app.find("Find out more", role="toggle button", parent=resource))
            recommendations = wait_for(lambda: [n for n in app.find_all(role="toggle button", parent=resource)
                                                if "recommendations" in (n.name or "")], "the set")[0]
            app.activate(recommendations)
            app.find_text("Create localised multi-agency pathways", parent=resource)
            app.focus()
            app.keys("<Control>f")
            app.type("first responder")
            app.find("Search results", role="list")
            app.keys("Return")
            app.find_text("First Responders: The position of First Responder")
            take(app, "search")
            app.focus()
            app.keys("<Control>f")

            app.activate(app.find("Bookmarks", role="list item"))
            bookmarks = app.find("Bookmarks", role="list")
            wait_for(lambda: len(app.find_all(role="list item", parent=bookmarks)) >= 2, "both bookmarks")
            take(app, "library")

            app.activate(app.find(SAFETY, role="list item"))
            app.find(SAFETY, role="heading")
            take(app, "outcome-page", scroll_to_top=True)
            app.quit()
    finally:
        home.remove()


if __name__ == "__main__":
    run(main)
