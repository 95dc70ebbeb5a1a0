#!/usr/bin/env python3
"""Screenshots of the main views in the pseudo-locale, left to right and right to left, at 360 px
and 1280 px wide, light style, for people to look at: clipped text loses its closing bracket,
text that was never marked for translation stays in plain English.

Run through build-aux/pseudo-locale, which makes the translation and sets the environment:

    MSCOS_SCREEN=1400x900x24 build-aux/dev exec --display build-aux/pseudo-locale tests/i18n/screenshots.py [ltr|rtl]

The pictures go to the pseudo-locale build folder's screenshots/i18n/; next to each, a .txt lists
the texts on screen that are neither pseudo-translated nor from the content pack (GTK's and
libadwaita's own strings are among them: they have no en_XA translation)."""

import gettext
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "display"))

import harness  # noqa: E402
from harness import App, Home, check, run, wait_for  # noqa: E402
from page_scroll import page, scroll_to  # noqa: E402

SAFETY = "Safety from any trafficker or other abusers"
RESOURCE = "Beyond Survival: Living free, not in survival mode, and being able to dream again"
OPENING_QUOTE = "Safety from any trafficker or other abuser is important becasue"
NOTE = "A note written in the pseudo-locale run."
SIZES = {"wide": (1280, 800), "narrow": (360, 800)}
OUT_DIR = os.path.join(harness.SCREENSHOT_DIR, "i18n")
harness.SCREENSHOT_DIR = OUT_DIR

locale = os.environ.get("MSCOS_PSEUDO_LOCALE")
if not locale:
    sys.exit("run this through build-aux/pseudo-locale (see the top of this file)")
catalog = gettext.translation("mscos-outcomes", os.environ["MSCOS_PSEUDO_LOCALEDIR"], languages=[locale])
# The letters podebug's "unicode" rewrite puts in place of A–Z and a–z.
PSEUDO_LETTERS = set("ȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑ")


def T(msgid, context=None):
    """What the app shows for `msgid` in the pseudo-locale, mnemonic underscores removed, as the
    accessibility tree names it."""
    text = catalog.pgettext(context, msgid) if context else catalog.gettext(msgid)
    return re.sub(r"_(?!_)", "", text)


def pack_strings():
    strings = set()

    def walk(value):
        if isinstance(value, str):
            strings.add(value)
        elif isinstance(value, list):
            for element in value:
                walk(element)
        elif isinstance(value, dict):
            for element in value.values():
                walk(element)
    walk(harness.load_pack())
    return strings


PACK_STRINGS = pack_strings()


def untranslated(app):
    """Texts and names on screen with no pseudo-translated letter that are not the content
    pack's words either."""
    found = []

    def visit(node, depth=0):
        if depth > 60:
            return
        try:
            if not node.showing:
                return
            texts = [node.name or ""]
            if node.roleName in ("label", "heading", "text", "static"):
                try:
                    texts.append(node.text or "")
                except Exception:
                    pass
            for text in texts:
                text = text.strip()
                if (len(re.findall(r"[A-Za-z]", text)) >= 2 and not PSEUDO_LETTERS & set(text)
                        and text != NOTE
                        and not any(text in s for s in PACK_STRINGS)):
                    entry = f"{node.roleName}: {text}"
                    if entry not in found:
                        found.append(entry)
            for child in node.children:
                visit(child, depth + 1)
        except Exception:
            pass
    for window in app.node.children:
        visit(window)
    return found


class PseudoApp(App):
    """The app whose window title is translated: the harness finds the window by its English
    title, this finds it by the pseudo-locale's."""

    whole_screen = False

    def window_id(self):
        if self.whole_screen:
            return None
        ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid)],
                             capture_output=True, text=True).stdout.split()
        for window in ids:
            name = subprocess.run(["xdotool", "getwindowname", window], capture_output=True,
                                  text=True).stdout.strip()
            if name.startswith(T("MSCOS Outcomes")) or name.startswith("MSCOS Outcomes"):
                return window
        return None

    def __exit__(self, exc_type, *exc):
        if exc_type is not None:
            # What the screen showed when a step failed, to see why.
            subprocess.run(["import", "-window", "root", os.path.join(OUT_DIR, "failed.png")], check=False)
        return super().__exit__(exc_type, *exc)

    def shot(self, name, whole_screen=False):
        """A screenshot of the main window, or of the whole screen for what GTK shows in
        windows of its own (a menu's popover)."""
        self.whole_screen = whole_screen
        try:
            path = self.screenshot(name)
        finally:
            self.whole_screen = False
        with open(os.path.splitext(path)[0] + ".txt", "w", encoding="utf-8") as listing:
            listing.write("\n".join(untranslated(self)) + "\n")
        return path


def to_sidebar(app, narrow):
    """Shows the sidebar: a narrow window shows either it or a page, with a Back button
    (libadwaita's, so in English)."""
    if not narrow:
        return
    back = app.find_all(role="button", name="Back")
    if back:
        app.activate(back[0])
        wait_for(lambda: not app.find_all(role="button", name="Back"), "the sidebar")


def first_start(home, env, prefix, narrow):
    with PseudoApp(home=home, env=env) as app:
        app.resize(*SIZES["narrow" if narrow else "wide"])
        if narrow:
            # The tip is on the content side, which a narrow window shows once a page is chosen.
            app.activate(app.find(SAFETY, role="list item"))
        app.find_text(T("Shift+Esc closes the app at once, if you need to leave quickly"))
        app.shot(f"{prefix}first-start")
        app.activate(app.find(T("_Got It"), role="button"))
        app.quit()


def views(home, env, prefix, narrow):
    with PseudoApp(home=home, env=env) as app:
        app.resize(*SIZES["narrow" if narrow else "wide"])
        to_sidebar(app, narrow)
        app.activate(app.find(SAFETY, role="list item"))
        app.find(SAFETY, role="heading")
        app.shot(f"{prefix}outcome-page")

        if not narrow:
            # The opening quote bookmarked and annotated, for the Library (the narrow run, with
            # the same home, finds them there). Its note editor is a popover on the card.
            node = app.find_text(OPENING_QUOTE)
            while node.roleName != "grouping":
                node = node.parent
            quote = node
            bookmark = wait_for(lambda: [n for n in app.find_all(role="toggle button", parent=quote)
                                         if (n.name or "").startswith(T("Bookmark"))], "the Bookmark button")[0]
            app.activate(bookmark)
            app.activate(wait_for(lambda: [n for n in app.find_all(parent=quote)
                                           if (n.name or "").startswith(T("Add note"))], "Add note")[0])
            app.find(T("Note"), role="text", parent=app.node)
            app.type(NOTE)
            app.keys("Escape")
            app.find_text(NOTE, parent=quote)
            app.shot(f"{prefix}outcome-page-note")

        # The page makes widgets only for the rows on screen, so the resource, and then what it
        # opens (rows under its card), are scrolled to as a reader would.
        safety = page(app, SAFETY)
        resource = scroll_to(app, safety, lambda: app.find_all(name=RESOURCE, role="grouping"),
                             "the resource")[0]
        app.activate(app.find(T("Find out more"), role="toggle button", parent=resource))
        # Named "<title>, 18 recommendations": found by the pseudo-locale's word for the count.
        word = catalog.ngettext("%u recommendation", "%u recommendations", 2).split("%u")[1].strip(" ]")
        recommendations = scroll_to(app, safety, lambda: [n for n in app.find_all(role="toggle button", parent=safety)
                                                          if word in (n.name or "")], "the recommendation set")[0]
        app.activate(recommendations)
        scroll_to(app, safety, lambda: app.has_text("Create localised multi-agency pathways", parent=safety),
                  "the nested recommendations")

        # A search, then its first result, which scrolls the page to it: a recommendation in
        # the set just opened.
        app.focus()
        app.keys("<Control>f")
        app.type("first responder")
        app.find(T("Search results"), role="list")
        app.shot(f"{prefix}search-results")
        app.keys("Return")
        app.find_text("First Responders: The position of First Responder")
        app.shot(f"{prefix}resource-expanded")
        app.focus()
        app.keys("<Control>f")

        to_sidebar(app, narrow)
        app.activate(app.find(T("Bookmarks"), role="list item"))
        app.find(T("Bookmarks"), role="list")
        app.shot(f"{prefix}library-bookmarks")
        to_sidebar(app, narrow)
        app.activate(app.find(T("Notes"), role="list item"))
        notes = app.find(T("Notes"), role="list")
        app.find_text(NOTE, parent=notes)
        app.shot(f"{prefix}library-notes")

        app.focus()
        app.keys("<Control>comma")
        app.find(T("Preferences"), role="dialog")
        app.shot(f"{prefix}preferences")
        app.keys("Escape")

        to_sidebar(app, narrow)
        app.focus()
        app.activate(app.find(T("Main menu"), role="toggle button"))
        items = wait_for(lambda: app.find_all(role="menu item"), "the primary menu")
        app.shot(f"{prefix}primary-menu", whole_screen=True)
        app.activate(items[-1])
        about = app.find("About", role="dialog")
        app.shot(f"{prefix}about")
        app.activate(app.find("Details", role="list item", parent=about))
        app.find_text(harness.load_pack()["pack"]["title"], parent=about)
        app.shot(f"{prefix}about-details")
        app.keys("Escape")
        app.keys("Escape")
        app.quit()


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    variants = {"": {}, "rtl-": {"GTK_DEBUG": "invert-text-dir"}}
    # "ltr" or "rtl" as the argument takes only that direction.
    if sys.argv[1:] == ["ltr"]:
        del variants["rtl-"]
    elif sys.argv[1:] == ["rtl"]:
        del variants[""]
    for direction, env in variants.items():
        home = Home()
        home.set_setting("style-variant", "'light'")
        try:
            for size in SIZES:
                prefix = f"{locale}-{direction}{size}-"
                home.set_setting("quick-exit-tip-dismissed", "false")
                first_start(home, env, prefix, size == "narrow")
                views(home, env, prefix, size == "narrow")
        finally:
            home.remove()
    check(True, f"screenshots written to {OUT_DIR}")


if __name__ == "__main__":
    run(main)
