"""Reaching what is further down an outcome page the way a reader does. The page makes widgets
only for the rows on screen, so an item below is not in the accessibility tree until the page
is scrolled to it: these helpers turn the mouse wheel over the page until it is."""

import subprocess

from harness import fail

WHEEL_DOWN = "5"
WHEEL_UP = "4"


# The page is a grid of one column (GtkGridView), which AT-SPI calls a table.
PAGE_ROLES = ("table", "list")


def page(app, title):
    """The rows of an outcome page, which are named after the outcome."""
    from harness import wait_for
    return wait_for(lambda: [node for node in app.find_all(name=title) if node.roleName in PAGE_ROLES],
                    f"the page {title!r}")[0]


def wheel(app, button, clicks=3):
    """Turns the mouse wheel over the outcome page: the right part of the main window, where
    the page is whether or not the sidebar is shown. (Where the window is, not the page's own
    extents: GTK stops answering for a list view's accessible once its rows are recycled.)"""
    from harness import wait_for
    x, y, width, height = wait_for(lambda: app.window.extents, "the window's place")
    subprocess.run(["xdotool", "mousemove", str(x + width * 3 // 4), str(y + height // 2)], check=True)
    subprocess.run(["xdotool", "click", "--repeat", str(clicks), "--delay", "40", button], check=True)


def scroll_to(app, page_node, find, what, down=True, steps=80):
    """Scrolls `page_node` until `find()` returns something, and returns it."""
    for _ in range(steps):
        try:
            found = find()
        except Exception:  # the tree changes while the page scrolls
            found = None
        if found:
            return found
        wheel(app, WHEEL_DOWN if down else WHEEL_UP)
        app.sync()
    fail(f"scrolling the page did not bring {what} on screen")


def page_scrolled(app):
    """How far down the outcome page is scrolled, in pixels: the value of the window's
    rightmost vertical scroll bar, which is the page's, the sidebar being on the left."""
    bars = [b for b in app.find_all(role="scroll bar") if b.extents[3] > b.extents[2]]
    if not bars:
        return None
    value = max(bars, key=lambda b: b.extents[0]).queryValue()
    return value.currentValue - value.minimumValue


def on_screen(app, node):
    """Whether `node` lies within the main window."""
    from harness import wait_for
    x, y, width, height = wait_for(lambda: app.window.extents, "the window's place")
    nx, ny, nwidth, nheight = node.extents
    return nheight > 0 and y <= ny and ny + nheight <= y + height + nheight // 2
