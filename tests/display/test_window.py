#!/usr/bin/env python3
"""The first window: it appears with its split view, its menu opens the About dialog (which
names the content pack) and the shortcuts window, Ctrl+Q quits, and the window's size is
remembered."""

import subprocess

from harness import App, Home, check, load_pack, run, wait_for


def window_size(app):
    window = wait_for(app.window_id, "the X window")
    output = subprocess.run(["xdotool", "getwindowgeometry", window], capture_output=True,
                            text=True, check=True).stdout
    geometry = [line for line in output.splitlines() if "Geometry" in line][0]
    width, height = geometry.split()[-1].split("x")
    return int(width), int(height)


def main():
    pack = load_pack()
    home = Home()
    try:
        with App(home=home) as app:
            check(app.window.name.startswith("MSCOS Outcomes"), "the window is titled MSCOS Outcomes")
            sidebar = app.find("Outcomes", role="list")
            check(sidebar is not None, "the split view's sidebar lists the outcomes")
            first = pack["outcomes"][0]["title"]
            app.find(first, role="heading")
            check(True, "the content side of the split view shows an outcome page")

            app.find("Main menu", role="toggle button").click()
            app.activate(app.find("About MSCOS Outcomes", role="menu item"))
            about = app.find("About", role="dialog")
            check(about is not None, "the primary menu opens the About dialog")
            app.activate(app.find("Details", role="list item", parent=about))
            app.find_text(f"{pack['pack']['title']}, revision {pack['pack']['revision']}", parent=about)
            check(True, "the About dialog names the content pack and its revision")
            app.keys("Escape")
            app.activate(app.find("Credits", role="list item", parent=about))
            app.find_text("Helen Bamber Foundation", parent=about)
            check(True, "the About dialog credits the MSCOS study partners")
            app.keys("Escape")
            app.keys("Escape")

            # The menu is made the first time and kept: opened again, it shows the text size
            # now in use.
            app.focus()
            app.keys("<Control>plus")
            app.find("Main menu", role="toggle button").click()
            app.find_text("110%")
            check(True, "the primary menu, opened again, shows the text size now in use")
            app.keys("Escape")
            app.keys("<Control>0")

            app.keys("<Control><Shift>question")
            # GTK gives the shortcuts window no accessible name: it is the other top-level
            # window, the one that lists the shortcuts.
            shortcuts = wait_for(lambda: [w for w in app.node.children if w != app.window
                                          and app.has_text("Open Content Pack", parent=w)],
                                 "the shortcuts window")
            check(len(shortcuts) == 1, "Ctrl+? opens the keyboard shortcuts window")
            app.keys("Escape")

            app.resize(900, 650)
            size = window_size(app)
            app.quit()
            check(app.process.returncode == 0, "Ctrl+Q quits cleanly")

        with App(home=home) as app:
            restored = window_size(app)
            check(abs(restored[0] - size[0]) <= 2 and abs(restored[1] - size[1]) <= 2,
                  f"the window size is remembered ({size} → {restored})")
            last = pack["outcomes"][4]["title"]
            app.activate(app.find(last, role="list item"))
            app.find(last, role="heading")
            app.quit()

        with App(home=home) as app:
            app.find(pack["outcomes"][4]["title"], role="heading")
            check(True, "the last outcome read is shown again at start")
            app.quit()
    finally:
        home.remove()


if __name__ == "__main__":
    run(main)
