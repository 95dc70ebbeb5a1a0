#!/usr/bin/env python3
"""Review comments from the items themselves: while a revision is reviewed, every item card and
every single recommendation has an Add Comment button that names its item, and outside a
review there is none. Pressed from the keyboard (Tab, then Return), the comment editor opens on
that item with its text field focused, so that what is typed goes in it, wide and at 360 px;
the comment saved is on that item (its annotation's target) and carries the reviewer's name.
The name, asked once, is changed in Preferences, and the next comment carries the new one.
Words selected with the pointer across a word the revision deleted (shown struck through among
its words) are quoted as the revision has them, without the deleted word.
Screenshots of an outcome page in review, with the buttons, light and dark, wide and 360 px,
and of Preferences at 360 px, are written for people to look at."""

import json
import os
import subprocess

import pyatspi

from harness import BUILD_DIR, App, Home, check, fail, run, wait_for
import atspi_tree  # noqa: E402  (put on the path by harness)
from page_scroll import on_screen, page, scroll_to
from test_page_scale import Keyboard, is_expanded

REVISION = os.path.join(BUILD_DIR, "tests", "core", "mscos-revision.json")
SAFETY = "Safety from any trafficker or other abusers"
REVIEWER = "Ana Silva"
RENAMED = "Ana Silva-Okafor"
PROFILE = "Shandra Woworuntu"
# The first recommendation of Safety's first set, as the revision words it, and as its label
# shows it while reviewing: "the" deleted, "all" inserted.
REWORDED = "Expansion of all Victim Navigators pilot to apply to all police forces."
SHOWN = "Expansion of the all Victim Navigators pilot to apply to all police forces."


def load_items(path):
    """Every item of the pack by id, the recommendations inside their sets with them."""
    with open(path, encoding="utf-8") as file:
        pack = json.load(file)
    items = {}

    def add(item):
        items[item["id"]] = item
        for group in item.get("groups", []):
            for recommendation in group["items"]:
                recommendation.setdefault("kind", "recommendation")
                add(recommendation)
    for outcome in pack["outcomes"]:
        for section in outcome["sections"]:
            for item in section["items"]:
                add(item)
    return items


def names_item(description, item):
    """Whether a button's description (the item's display title) is of `item`: its title, or
    the first words of its text."""
    if item.get("title"):
        return description == item["title"]
    words = " ".join((item.get("text") or "").split()[:3])
    return bool(words) and words in description


def reviews_folder(home):
    app_id = os.environ.get("MSCOS_APP_ID", "uk.co.mscos.Outcomes.Devel")
    return os.path.join(home.data, app_id, "reviews")


def saved_annotations(home):
    annotations = []
    for folder, _, files in os.walk(reviews_folder(home)):
        for name in files:
            if name.endswith(".jsonld"):
                with open(os.path.join(folder, name), encoding="utf-8") as file:
                    try:
                        annotations += json.load(file)["first"]["items"]
                    except (ValueError, KeyError):
                        pass  # being written
    return annotations


def saved_comment(home, text):
    """The annotation saved with `text` as its body, once the review file has it."""
    def find():
        found = [a for a in saved_annotations(home) if a["body"]["value"] == text]
        return found and found[0]
    return wait_for(find, f"the comment {text!r} in the review file")


def target_id(annotation):
    return annotation["target"]["source"].rsplit("/", 1)[1]


def open_safety(app):
    """Shows the Safety page from the sidebar (a pointer click, which gives the sidebar the
    keyboard focus)."""
    app.focus()
    app.find(SAFETY, role="list item").click()
    app.find(SAFETY, role="heading")
    return page(app, SAFETY)


def open_changed_item(app):
    """Shows the Safety page at its first changed item, from the Changes page, which a narrow
    window opens on, without its sidebar."""
    changes = app.find(SAFETY, role="list")
    rows = wait_for(lambda: app.find_all(role="list item", parent=changes), "the changes in Safety")
    show = [b for b in app.find_all(role="button", parent=rows[0]) if b.name != "Add comment"]
    app.activate(show[0])
    return page(app, SAFETY)


def editor_text(app, dialog):
    """The text field of the comment editor (named "Comment"), which must have the keyboard
    focus."""
    def focused():
        field = app._focused_entry(dialog)
        return field and field.name == "Comment" and field
    return wait_for(focused, "the comment editor's text field to have the focus")


def write_comment(app, description, text):
    """Types `text` in the comment editor opened for the item `description` names, and adds it."""
    dialog = app.find("Add Comment", role="dialog")
    app.find_text(description, parent=dialog)
    check(True, f"the editor says what the comment is on ({description!r})")
    check(not app.find_all(name="Your name", parent=dialog), "the name, given before, is not asked")
    field = editor_text(app, dialog)
    app.type(text)
    wait_for(lambda: field.text == text, "the words typed to arrive in the comment's text field")
    check(True, "the editor's text field has the focus: the words typed arrive in it")
    return dialog


def check_on_item(home, text, items, description, name=REVIEWER):
    annotation = saved_comment(home, text)
    item = items.get(target_id(annotation))
    check(item is not None and names_item(description, item),
          f"the comment is on the item whose button was pressed ({target_id(annotation)!r}, "
          f"{description!r})")
    check(annotation["creator"]["name"] == name, f"it carries the reviewer's name ({annotation['creator']})")
    return item


def tab_to_add_comment(keyboard):
    """Presses Tab from the sidebar until an item's Add Comment button has the focus."""
    for _ in range(60):
        node = keyboard.press()
        if node.name == "Add comment" and node.description:
            return node
    fail("Tab did not reach an item's Add Comment button")


def not_reviewing(home):
    """Outside a review the items have their Bookmark and Add note buttons, and no Add Comment."""
    with App(home=home) as app:
        open_safety(app)
        wait_for(lambda: app.find_all(name="Bookmark", role="toggle button"), "the items' buttons")
        check(not app.find_all(name="Add comment", showing=False),
              "outside a review the items have no Add Comment button")
        app.quit()


def reviewing(home, items):
    with App("--review", REVISION, home=home) as app:
        safety = open_safety(app)
        keyboard = Keyboard()

        # An item card's button, by the keyboard.
        button = tab_to_add_comment(keyboard)
        description = button.description
        buttons = [b for b in app.find_all(role="button") if b.name == "Add comment" and b.description]
        check(len({b.description for b in buttons}) == len(buttons) > 1,
              f"each item's Add Comment button names its item ({len(buttons)} on screen)")
        keyboard.press("Return")
        write_comment(app, description, "Say who the speaker is.")
        app.activate(app.find("Add", role="button", parent=app.find("Add Comment", role="dialog")))
        wait_for(lambda: not app.find_all(name="Add Comment", role="dialog"), "the editor to close")
        check_on_item(home, "Say who the speaker is.", items, description)

        # A single recommendation's, inside its opened set.
        button = open_first_recommendation(app, safety, items)
        description = button.description
        app.activate(button)
        write_comment(app, description, "Which pilot, and where?")
        app.activate(app.find("Add", role="button", parent=app.find("Add Comment", role="dialog")))
        wait_for(lambda: not app.find_all(name="Add Comment", role="dialog"), "the editor to close")
        item = check_on_item(home, "Which pilot, and where?", items, description)
        check(item["kind"] == "recommendation", "a recommendation's own button comments on it, not its set")
        quote_across_deleted_word(app, home, safety, button)

        # The name is changed in Preferences, and the next comment carries it.
        app.focus()
        app.keys("<Control>comma")
        preferences = app.find("Preferences", role="dialog")
        entry = app.find("Your Name in Reviews", role="text", parent=preferences)
        check(entry.text == REVIEWER, f"Preferences show the reviewer's name ({entry.text!r})")
        # Its mnemonic, as the row's title shows it, takes the keyboard there.
        app.keys("<Alt>n")
        wait_for(lambda: entry.focused, "the name's entry to have the focus")
        app.keys("<Control>a")
        app.type(RENAMED)
        wait_for(lambda: home.get_setting("reviewer-name") == f"'{RENAMED}'", "the new name to be stored")
        check(True, "the reviewer's name is changed in Preferences")
        app.keys("Escape")
        wait_for(lambda: not app.find_all(name="Preferences", role="dialog"), "Preferences to close")
        app.activate(button)
        write_comment(app, description, "And for how long?")
        app.activate(app.find("Add", role="button", parent=app.find("Add Comment", role="dialog")))
        check_on_item(home, "And for how long?", items, description, name=RENAMED)
        app.screenshot("review-comments-recommendation-light")
        app.quit()


def window_extents(node):
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return extents.x, extents.y, extents.width, extents.height


def to_screen(app, extents, offset):
    """Extents in the window's accessible coordinates, moved by `offset`, on the screen: the
    window's own are where its X window is."""
    x, y, width, height = extents
    frame_x, frame_y, _, _ = window_extents(app.window)
    output = subprocess.run(["xdotool", "getwindowgeometry", app.window_id()], capture_output=True,
                            text=True, check=True).stdout
    origin_x, origin_y = (int(n) for n in output.split("Position:")[1].split()[0].split(","))
    return origin_x + x + offset[0] - frame_x, origin_y + y + offset[1] - frame_y, width, height


def label_offset(actions):
    """How far from where GTK reports them a recommendation's text and its letters are drawn.
    GTK leaves the page's card frames' CSS padding out of the accessible positions of what is
    inside them (see HACKING.md); the row's buttons (`actions`) report where they are drawn,
    at the top and the end of the row that holds the text, so the row's own report, and its
    text's, are off by as much as the row's is from them."""
    row = actions.parent
    x, y, width, _ = window_extents(actions)
    row_x, row_y, row_width, _ = window_extents(row)
    return x + width - (row_x + row_width), y - row_y


def select_words(app, label, actions, words):
    """Selects `words` of `label` with the pointer, pressed on their first letter and released
    after their last, as a reader does."""
    text = label.queryText()
    shown = text.getText(0, -1)
    start = shown.index(words)
    end = start + len(words)
    offset = label_offset(actions)
    x0, y0, _, h0 = to_screen(app, text.getCharacterExtents(start, pyatspi.WINDOW_COORDS), offset)
    x1, y1, w1, h1 = to_screen(app, text.getCharacterExtents(end - 1, pyatspi.WINDOW_COORDS), offset)
    for args in (["mousemove", str(x0 + 1), str(y0 + h0 // 2)], ["mousedown", "1"],
                 ["mousemove", str(x0 + 8), str(y0 + h0 // 2)],
                 ["mousemove", str(x1 + w1 - 1), str(y1 + h1 // 2)], ["mouseup", "1"]):
        subprocess.run(["xdotool"] + args, check=True)
    app.sync()

    def selected():
        return text.getNSelections() > 0 and tuple(text.getSelection(0))[:2] == (start, end)
    wait_for(selected, f"{words!r} to be selected (selected: "
             f"{[tuple(text.getSelection(i)) for i in range(text.getNSelections())]})")


def quote_across_deleted_word(app, home, safety, button):
    """Words selected across the deleted "the" and the inserted "all" of the first
    recommendation, then Add Comment: the comment quotes the revision's words."""
    label = scroll_to(app, safety, lambda: [n for n in app.find_all(role="label")
                                            if n.name == SHOWN and on_screen(app, n)],
                      "the reworded recommendation's text")[0]
    app.wait_still(label)
    select_words(app, label, button.parent, "of the all Victim")
    app.activate(button)
    dialog = write_comment(app, button.description, "Which forces?")
    shown = atspi_tree.node_text(app.find_text("Quoting “", parent=dialog))
    check(shown == "Quoting “of all Victim”",
          f"the editor quotes the revision's words, without the deleted one ({shown!r})")
    app.activate(app.find("Add", role="button", parent=dialog))
    wait_for(lambda: not app.find_all(name="Add Comment", role="dialog"), "the editor to close")
    selector = saved_comment(home, "Which forces?")["target"].get("selector") or {}
    check(selector.get("exact") == "of all Victim",
          f"the saved quote is the revision's words ({selector.get('exact')!r})")
    prefix, suffix = selector.get("prefix", ""), selector.get("suffix", "")
    check(prefix + selector.get("exact", "") + suffix in REWORDED,
          f"with the text before and after as the revision has it ({prefix!r}, {suffix!r})")


def open_first_recommendation(app, safety, items):
    """Opens Safety's first set and returns its first recommendation's Add Comment button, on
    screen."""
    toggle = scroll_to(app, safety, lambda: [n for n in app.find_all(role="toggle button")
                                             if "recommendation" in (n.name or "")], "a set's toggle")[0]
    # A changed recommendation opens its set when the Changes page shows it.
    if not is_expanded(toggle):
        app.activate(toggle)

    def button():
        found = [n for n in app.find_all(name="Add comment", role="button")
                 if n.description and names_item(n.description, items["safety.rab-recs.1"])]
        return found and on_screen(app, found[0]) and found[0]
    return scroll_to(app, safety, button, "the first recommendation's Add Comment")


def looks(style, width, items):
    """At `width` px the buttons of an item and of a recommendation, and the editor, a bottom
    sheet when narrow, which still focuses its text field."""
    home = Home()
    home.set_setting("style-variant", f"'{style}'")
    home.set_setting("window-width", str(width))
    home.set_setting("reviewer-name", f"'{REVIEWER}'")
    suffix = style + ("-narrow" if width < 600 else "")
    try:
        with App("--review", REVISION, home=home) as app:
            safety = open_changed_item(app)
            wait_for(lambda: [n for n in app.find_all(name="Add comment", role="button") if n.description],
                     "an item's Add Comment")
            app.screenshot(f"review-comments-page-{suffix}")
            button = open_first_recommendation(app, safety, items)
            app.wait_still(button)
            app.screenshot(f"review-comments-recommendation-{suffix}")
            description = button.description
            app.activate(button)
            text = f"Typed at {width} px."
            write_comment(app, description, text)
            app.screenshot(f"review-comments-editor-{suffix}")
            app.activate(app.find("Add", role="button", parent=app.find("Add Comment", role="dialog")))
            check_on_item(home, text, items, description)
            # A card's buttons, further up.
            card = scroll_to(app, safety, lambda: [n for n in app.find_all(name=PROFILE, role="grouping")
                                                   if on_screen(app, n)], "a profile's card", down=False)[0]
            app.wait_still(card)
            app.screenshot(f"review-comments-card-{suffix}")
            app.quit()
    finally:
        home.remove()


def main():
    items = load_items(REVISION)
    home = Home()
    home.set_setting("reviewer-name", f"'{REVIEWER}'")
    try:
        not_reviewing(home)
        reviewing(home, items)
    finally:
        home.remove()
    for style, width in (("light", 360), ("dark", 360), ("dark", 1100)):
        looks(style, width, items)


if __name__ == "__main__":
    run(main)
