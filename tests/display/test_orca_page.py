#!/usr/bin/env python3
"""What Orca says as a blind user goes through the Safety page with Tab, in reading order: a
quotation that its source attributes to nobody, read with its words and "Quoted on the MSCOS
page, not attributed"; its Bookmark button, named with the item it belongs to, and its pressed
state as it is toggled, and its Add note button; a recommendation set with its count,
collapsed and expanded; a quotation read with "— speaker"; and a resource's Find out more,
named with the resource. Then the primary menu and the page menu, opened on this page, by the
keyboard.

Some of this waits for work not merged yet: the checks say which (PENDING below, and
screen_reader.Pending). The test is skipped, with the reason, if Orca cannot run in this
root."""

import re

from harness import App, Home, check, load_pack, run
from screen_reader import Orca, Pending, opening, said, wait_for_first_page

SAFETY = "Safety from any trafficker or other abusers"
UNATTRIBUTED = "Quoted on the MSCOS page, not attributed"
PAGE_MENU_ITEMS = ["Expand All", "Collapse All"]
MENU_ITEMS = ["Print…", "Export as PDF…", "Open Content Pack…", "Export Library…",
              "Import Library…", "Preferences", "Keyboard Shortcuts", "About MSCOS Outcomes"]

# Checks that wait for work not merged yet, by reason: take a reason out once that work is
# in, and its checks must pass (the test fails, naming it, as soon as they do).
PENDING = {
    "scalefin": "the scalefin branch: Tab reaches every control of the page, also of the rows "
                "not yet on screen (today Tab goes from the last row built back to the window's "
                "first control)",
}


def safety_items(pack):
    """The Safety page's items in reading order, with the items inside them."""
    outcome = next(o for o in pack["outcomes"] if o["title"] == SAFETY)

    def walk(items):
        for item in items:
            yield item
            yield from walk(item.get("items", []))
    return list(walk(item for section in outcome["sections"] for item in section["items"]))


def open_safety_by_keyboard(app, orca):
    """Tab to the outcomes, Down to the Safety page's entry and Return, as a keyboard user."""
    orca.press("Tab", r"^Main menu toggle button")
    orca.press("Tab", r"^Outcomes List with")
    orca.press("Down", said("Secure and suitable housing"))
    orca.press("Down", said(SAFETY))
    orca.keys("Return")
    app.find(SAFETY, role="heading")


def quote_words(quote):
    """A pattern for the beginning of a quotation, long enough to tell it from the page's title,
    which the Safety page's quotations begin with."""
    return opening(quote["text"], 12)


def unattributed_quote(orca, pending, quote):
    spoken = orca.tab_until(quote_words(quote))
    check(True, "Tab reaches the first quotation, and Orca reads its words")
    pending.check(UNATTRIBUTED in spoken, f"with {UNATTRIBUTED!r}: {spoken!r}", waits_for="cards")


def bookmark(orca, pending, quote):
    spoken = orca.tab_until(r"^Bookmark")
    pending.check(re.search(opening(quote["text"], 5), spoken),
                  f"its Bookmark button names the item it belongs to: {spoken!r}",
                  waits_for="cards")
    check("not pressed" in spoken, f"and says it is not pressed: {spoken!r}")
    spoken = " ".join(orca.listen("space"))
    check("pressed" in spoken and "not pressed" not in spoken,
          f"Space bookmarks the quotation, and Orca says the button is pressed: {spoken!r}")
    spoken = " ".join(orca.listen("space"))
    check("not pressed" in spoken, f"Space again removes the bookmark: {spoken!r}")
    spoken = " ".join(orca.listen("Tab"))
    check(spoken.startswith("Add note"), f"Tab goes on to its Add note button: {spoken!r}")
    pending.check(re.search(opening(quote["text"], 5), spoken),
                  f"which names the item too: {spoken!r}", waits_for="cards")


def recommendation_set(orca, recommendations):
    count = sum(1 for group in recommendations["groups"] for _ in group["items"])
    spoken = orca.tab_until(rf"\b{count} recommendations")
    check("collapsed" in spoken,
          f"a recommendation set is read with its count, {count}, and as collapsed: {spoken!r}")
    spoken = " ".join(orca.listen("space"))
    check("expanded" in spoken, f"Space opens it, and Orca says it is expanded: {spoken!r}")
    spoken = " ".join(orca.listen("space"))
    check("collapsed" in spoken, f"Space closes it again: {spoken!r}")


def attributed_quote(orca, quote):
    spoken = orca.tab_until(quote_words(quote))
    check("— " + quote["speaker"] in spoken,
          f"a quotation is read with its words and “— {quote['speaker']}”: {spoken!r}")


def find_out_more(orca, pending, resource):
    spoken = orca.tab_until(r"^Find out more", limit=60)
    pending.check(re.search(opening(resource["title"], 3), spoken),
                  f"a resource's Find out more names the resource, {resource['title']!r}: "
                  f"{spoken!r}", waits_for="cards")


def primary_menu(orca):
    """Tab goes through every item of the primary menu with the page shown, as it does before
    a page is opened (test_orca.py)."""
    spoken = orca.listen("F10")
    check("menu" in spoken, f"F10 opens the primary menu on the page: {spoken}")
    heard = []
    for _ in range(12):
        heard += orca.listen("Tab")
        if any(re.match(said(MENU_ITEMS[-1]), text) for text in heard):
            break
    missing = [item for item in MENU_ITEMS if not any(re.match(said(item), text) for text in heard)]
    check(not missing, f"Tab reaches every item of the menu (missing: {missing})")
    orca.press("Escape", r"^Main menu toggle button not pressed")


def page_menu(app, orca):
    """The page menu's items have their names in the accessibility tree, and Orca reads them."""
    orca.tab_until(r"^Page menu toggle button", limit=3)
    spoken = " ".join(orca.listen("space"))
    check("menu" in spoken and PAGE_MENU_ITEMS[0] in spoken,
          f"Space opens the page menu, and Orca reads its first item: {spoken!r}")
    names = [item.name for item in app.find_all(role="menu item")]
    check(names == PAGE_MENU_ITEMS,
          f"its items have their names in the accessibility tree: {names}")
    orca.press("Escape", r"^Page menu toggle button")


def main():
    pack = load_pack()
    items = safety_items(pack)
    quotes = [item for item in items if item.get("kind") == "quote"]
    unattributed = next(q for q in quotes if not q.get("speaker"))
    attributed = next(q for q in quotes if q.get("speaker"))
    recommendations = next(item for item in items if item.get("kind") == "recommendations")
    resource = next(item for item in items if item.get("kind") == "resource")
    pending = Pending(PENDING)

    home = Home()
    # The quick-exit tip's banner would be one more Tab stop on the page.
    home.set_setting("quick-exit-tip-dismissed", "true")
    try:
        with App(home=home) as app:
            app.focus()
            wait_for_first_page(app, pack)
            with Orca() as orca:
                orca.wait_for_speech(r"^Search toggle button")
                open_safety_by_keyboard(app, orca)
                unattributed_quote(orca, pending, unattributed)
                bookmark(orca, pending, unattributed)
                recommendation_set(orca, recommendations)
                attributed_quote(orca, attributed)
                with pending.step("Tab reaches a resource's Find out more", waits_for="scalefin"):
                    find_out_more(orca, pending, resource)
                primary_menu(orca)
                page_menu(app, orca)
    finally:
        home.remove()
    pending.finish()


if __name__ == "__main__":
    run(main)
