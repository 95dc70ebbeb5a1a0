#!/usr/bin/env python3
"""GTK 4: AT-SPI extents leave out the CSS border and padding of the widget's ancestors.

A button sits in a box with 40 px of top padding, 30 px of left padding and a 6 px left
border, so it is drawn at (36, 40) in its window. The script runs that window in a child
process, asks it where GTK drew the button (gtk_widget_compute_bounds() relative to the
window) and asks AT-SPI for the button's extents in window coordinates, as a magnifier or
an accessible click would. It prints both and exits with 1 if they differ, 0 if they agree.

Run under a session with an accessibility bus (at-spi2-core), for example:

    python3 gtk-accessible-bounds.py

Needs PyGObject with GTK 4 and pyatspi."""

import os
import subprocess
import sys
import time

CSS = ".padded { padding: 40px 0 0 30px; border-left: 6px solid red; }"


def window():
    import gi
    gi.require_version("Gdk", "4.0")
    gi.require_version("Gtk", "4.0")
    from gi.repository import Gdk, GLib, Gtk

    provider = Gtk.CssProvider()
    provider.load_from_string(CSS)
    Gtk.StyleContext.add_provider_for_display(Gdk.Display.get_default(), provider,
                                              Gtk.STYLE_PROVIDER_PRIORITY_APPLICATION)
    win = Gtk.Window(title="gtk-accessible-bounds")
    box = Gtk.Box()
    box.add_css_class("padded")
    button = Gtk.Button(label="Target")
    box.append(button)
    win.set_child(box)
    win.set_default_size(300, 200)
    win.present()

    def report():
        ok, bounds = button.compute_bounds(win)
        if not ok:
            return True
        print(f"{bounds.origin.x:.0f} {bounds.origin.y:.0f} {bounds.size.width:.0f} "
              f"{bounds.size.height:.0f}", flush=True)
        return False
    GLib.timeout_add(500, report)
    GLib.MainLoop().run()


def find(node, name):
    if node.name == name:
        return node
    for child in node:
        found = find(child, name) if child is not None else None
        if found is not None:
            return found
    return None


def main():
    import pyatspi

    child = subprocess.Popen([sys.executable, __file__, "--window"], stdout=subprocess.PIPE,
                             text=True, env=dict(os.environ, GTK_A11Y="atspi"))
    try:
        drawn = tuple(int(v) for v in child.stdout.readline().split())
        target = None
        for _ in range(100):
            apps = [a for a in pyatspi.Registry.getDesktop(0)
                    if a is not None and a.get_process_id() == child.pid]
            target = find(apps[0], "Target") if apps else None
            if target is not None:
                break
            time.sleep(0.1)
        if target is None:
            sys.exit("the button did not appear on the accessibility bus")
        extents = target.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        reported = (extents.x, extents.y, extents.width, extents.height)
    finally:
        child.kill()

    print(f"drawn at (gtk_widget_compute_bounds): x={drawn[0]} y={drawn[1]} "
          f"w={drawn[2]} h={drawn[3]}")
    print(f"AT-SPI extents (WINDOW_COORDS):       x={reported[0]} y={reported[1]} "
          f"w={reported[2]} h={reported[3]}")
    if reported != drawn:
        print("BUG: the extents leave out the ancestors' border and padding")
        sys.exit(1)
    print("OK: the extents are where the button is drawn")


if __name__ == "__main__":
    if sys.argv[1:] == ["--window"]:
        window()
    else:
        main()
