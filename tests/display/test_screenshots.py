#!/usr/bin/env python3
"""Screenshots of the main views for people to look at, in the build folder's screenshots/:
light and dark, wide and 360 px narrow, the first start with its quick-exit tip, a resource
opened, search, the Library and the preferences. Each view is checked to be on screen before it is taken."""

from page_scroll import scroll_to
from harness import SCREENSHOT_DIR, App, Home, check, run, wait_for

SAFETY = "Safety from any trafficker or other abusers"


def views(app, suffix):
    app.activate(app.find(SAFETY, role="list item"))
    app.find(SAFETY, role="heading")
    app.screenshot(f"safety-{suffix}")

    resource = app.find_on_page(
        "Beyond Survival: Living free, not in survival mode, and being able to dream again")
    app.activate(app.find("Find out more", role="toggle button", parent=resource))
    page = app.find(SAFETY, role="table")
    recommendations = scroll_to(app, page, lambda: [n for n in app.find_all(role="toggle button")
                                                    if "recommendations" in (n.name or "")],
                                "the resource's recommendation set")[0]
    app.activate(recommendations)
    scroll_to(app, page, lambda: app.has_text("Create localised multi-agency pathways"),
              "the set's first recommendation")
    app.focus()
    app.keys("<Control>f")
    app.type("first responder")
    app.find("Search results", role="list")
    app.keys("Return")
    app.find_text("First Responders: The position of First Responder")
    app.screenshot(f"resource-expanded-{suffix}")
    app.focus()
    app.keys("<Control>f")

    app.activate(app.find("Bookmarks", role="list item"))
    app.find("No Bookmarks Yet")
    app.screenshot(f"library-empty-{suffix}")

    app.focus()
    app.keys("<Control>comma")
    app.find("Preferences", role="dialog")
    app.screenshot(f"preferences-{suffix}")
    app.keys("Escape")


def main():
    for style in ("light", "dark"):
        home = Home()
        home.set_setting("style-variant", f"'{style}'")
        try:
            with App(home=home) as app:
                app.resize(1200, 800)
                app.find_text("Shift+Esc closes the app at once")
                app.screenshot(f"first-start-{style}")
                app.resize(360, 640)
                app.activate(app.find(SAFETY, role="list item"))
                app.find_text("Shift+Esc closes the app at once")
                app.screenshot(f"narrow-first-start-{style}")
                app.activate(app.find("Got It", role="button"))
                app.quit()

            with App(home=home) as app:
                app.resize(1200, 800)
                views(app, style)
                app.resize(360, 640)
                app.activate(app.find("Back", role="button"))
                app.find("Outcomes", role="list")
                app.screenshot(f"narrow-sidebar-{style}")
                app.activate(app.find(SAFETY, role="list item"))
                app.find(SAFETY, role="table")
                app.screenshot(f"narrow-page-{style}")
                app.quit()
        finally:
            home.remove()
    check(True, f"screenshots written to {SCREENSHOT_DIR}")


if __name__ == "__main__":
    run(main)
