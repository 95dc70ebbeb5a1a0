#!/usr/bin/env python3
"""Preferences: Ctrl+, opens them; each is stored in GSettings and applied at once — the quick
exit button appears, the style turns dark, the text size changes, and turning off the memory of
the last outcome forgets it; a switch turns the results in GNOME Shell’s search off. Links opening in the browser is checked by test_viewer, which has
a stand-in browser."""

import subprocess

from harness import App, Home, check, run, wait_for


def header_luminance(app):
    """The brightness of the header bar's background, sampled from the screen."""
    x, y, width, _ = app.window.extents
    output = subprocess.run(["import", "-window", "root", "-crop", f"1x1+{x + width // 2}+{y + 8}",
                             "-format", "%[fx:luminance]", "info:"],
                            capture_output=True, text=True).stdout.strip()
    return float(output or "0")


def main():
    home = Home()
    try:
        with App(home=home) as app:
            app.activate(app.find("Safety from any trafficker or other abusers", role="list item"))
            title = app.find("Safety from any trafficker or other abusers", role="heading")
            check(home.get_setting("last-outcome") == "'safety'", "the last outcome is remembered")
            light = header_luminance(app)
            height = title.extents[3]

            app.focus()
            app.keys("<Control>comma")
            dialog = app.find("Preferences", role="dialog")
            check(dialog is not None, "Ctrl+, opens the preferences")

            app.activate(app.find("Show a Quick Exit Button", role="check box", parent=dialog))
            wait_for(lambda: app.find_all(name="Quick exit", role="button"), "the quick exit button")
            check(home.get_setting("show-quick-exit") == "true", "the quick exit button appears and is stored")

            # A combo row has no accessible action in libadwaita 1.7: it is clicked, like its choice.
            app.find("Style", role="combo box", parent=dialog).click()
            dark_choice = app.find("Dark", parent=app.node)
            app.wait_still(dark_choice, "the style choices to open")
            dark_choice.click()
            wait_for(lambda: home.get_setting("style-variant") == "'dark'", "the dark style to be stored")
            dark = wait_for(lambda: (value := header_luminance(app)) < light - 0.3 and value, "the dark style")
            check(dark < light, f"the style turns dark at once (header brightness {light:.2f} → {dark:.2f})")

            app.home.set_setting("text-scale", "1.5")
            wait_for(lambda: title.extents[3] > height, "the text to grow")
            check(True, "a text size change applies at once")

            shell = app.find("Show in Activities Search", role="check box", parent=dialog)
            check(home.get_setting("shell-search") == "true", "GNOME Shell's search is on at first")
            app.activate(shell)
            wait_for(lambda: home.get_setting("shell-search") == "false", "the switch to be stored")
            check(True, "a switch in Privacy turns the app's results in GNOME Shell's search off")

            app.activate(app.find("Remember the Last Outcome", role="check box", parent=dialog))
            wait_for(lambda: home.get_setting("remember-last-outcome") == "false", "the switch to be stored")
            check(home.get_setting("last-outcome") == "''", "turning it off forgets the last outcome")
            app.quit()
    finally:
        home.remove()


if __name__ == "__main__":
    run(main)
