#!/usr/bin/env python3
"""An outcome page while a revision is reviewed (tests/data/review/make-revision.py's edits of
the built-in pack): the removed resource is shown where it was, marked Removed; the quote
whose attribution changed is marked Changed and its attribution's label tells a screen reader
which words were added; the reworded recommendation says which words were removed and which
added, and a renumbered one its old number; the new quote of another outcome is marked New,
in its card's accessible description too; a renumbered recommendation says its old number and
a moved item where it came from. Show Only Changes hides what did not change, and brings it
back. A note written on the base revision, on an item this one changed, says the item changed
since the note, and the item shows what changed. In a 360 px window a recommendation's
buttons are under its text, which has a line of some 30 letters; in a wide one beside it.
Screenshots of a changed item and a removed one, light and dark, wide and narrow, are written
for people to look at."""

import json
import os
import shutil
import tempfile

from harness import BUILD_DIR, App, Home, check, fail, find_item, run, wait_for
from page_scroll import WHEEL_DOWN, WHEEL_UP, on_screen, page, page_scrolled, scroll_to, wheel

REVISION = os.path.join(BUILD_DIR, "tests", "core", "mscos-revision.json")
SAFETY = "Safety from any trafficker or other abusers"


def load_revision():
    with open(REVISION, encoding="utf-8") as file:
        return json.load(file)


def open_outcome(app, title):
    sidebar = app.find("Outcomes", role="list")
    row = wait_for(lambda: [r for r in app.find_all(role="list item", parent=sidebar)
                            if r.name.startswith(title)], f"the sidebar's row of {title!r}")[0]
    app.activate(row)
    app.find(title, role="heading")
    return page(app, title)


def pressed(toggle):
    import pyatspi
    states = toggle.getState()
    return states.contains(pyatspi.STATE_PRESSED) or states.contains(pyatspi.STATE_CHECKED)


def labels_described(app, start):
    return [n for n in app.find_all(role="label") if (n.description or "").startswith(start)]


def scroll_to_top(app):
    """Scrolls the outcome page up to its top, where its Show Only Changes is. (The view keeps
    rows around what it shows: the toggle may be there while the page shows rows far below.)"""
    for _ in range(40):
        if page_scrolled(app) == 0 and app.find_all(name="Show Only Changes", role="toggle button"):
            return
        wheel(app, WHEEL_UP, clicks=10)
        app.sync()
    fail("scrolling up did not bring the page's top on screen")


def show_only_changes(app):
    """Turns Show Only Changes on from the top of the page, and returns once it is on, the top
    of the page in view again: the rows taken out above what was in view move the page, and
    the toggle with them."""
    scroll_to_top(app)
    app.activate(app.find("Show Only Changes", role="toggle button"))

    def on():
        scroll_to_top(app)
        toggles = app.find_all(name="Show Only Changes", role="toggle button")
        return toggles and pressed(toggles[0])
    wait_for(on, "Show Only Changes on")


def test_safety(app, revision):
    rows = open_outcome(app, SAFETY)

    # The quote whose attribution changed: marked, and its words said.
    quote = find_item(revision, "safety.quote-victoria-marks")
    added = scroll_to(app, rows, lambda: labels_described(app, "added: (former member)"),
                      "the changed attribution")
    check(added[0].name.endswith("(former member)"),
          f"the attribution shows the added words in place ({added[0].name!r})")
    check(app.find_all(name="Changed", role="label"), "the changed quote is marked Changed")
    app.screenshot("review-changed-quote-light")

    # The reworded recommendation of the set: its old and new words, said as such.
    reworded = find_item(revision, "safety.rab-recs.1")
    scroll_to_top(app)
    set_button = scroll_to(app, rows, lambda: [b for b in app.find_all(role="toggle button")
                                               if b.name.startswith("The MSCOS Research Advisory Board")],
                           "the set's button")[0]
    app.activate(set_button)
    said = scroll_to(app, rows, lambda: labels_described(app, "removed: "), "the reworded recommendation")
    words = reworded["text"].split(" ")
    check("added: all" in said[0].description,
          f"the reworded recommendation says what was removed and added ({said[0].description!r})")
    check(all(word in said[0].name for word in words),
          "the recommendation shows the new words among the old")
    app.screenshot("review-changed-recommendation-light")

    # Show Only Changes: the opening quote, which did not change, goes; the removed resource,
    # far down the page, comes on screen.
    scroll_to_top(app)
    opening = find_item(revision, "safety.opening-quote")["text"]
    wait_for(lambda: app.has_text(opening), "the opening quote")
    app.activate(app.find("Show Only Changes", role="toggle button"))
    wait_for(lambda: pressed(app.find("Show Only Changes", role="toggle button")), "Show Only Changes on")
    wait_for(lambda: not app.has_text(opening), "the unchanged opening quote to be hidden")
    check(True, "Show Only Changes hides the unchanged items")
    removed = scroll_to(app, rows, lambda: app.find_all(name="Removed", role="label"), "the removed resource")
    check(removed, "the removed resource is shown, marked Removed")
    gone = find_item(load_base(), "safety.ireland-second-evaluation")["title"]
    check(app.has_text(gone), "the removed resource shows its title")
    check(not [b for b in app.find_all(role="toggle button") if b.name == "Bookmark"
               and (b.description or "").startswith(gone)],
          "a removed resource has nothing to bookmark")
    wheel(app, WHEEL_DOWN, clicks=2)
    app.screenshot("review-removed-item-light")
    scroll_to_top(app)
    app.activate(app.find("Show Only Changes", role="toggle button"))
    scroll_to_top(app)
    check(not pressed(app.find("Show Only Changes", role="toggle button")), "Show Only Changes is off")
    wait_for(lambda: app.has_text(opening), "the unchanged items to come back")
    above = find_item(revision, "safety.shandra-woworuntu")["name"]
    scroll_to(app, rows, lambda: app.has_text(above), "the unchanged profile above the set")
    scroll_to_top(app)
    check(True, "turning Show Only Changes off brings them back")


def test_renumbered(app, revision):
    """The set nested in a resource whose recommendations were renumbered, a new one first."""
    rows = page(app, SAFETY)
    title = find_item(revision, "safety.devolved-pilot-evaluation")["title"]
    resource = scroll_to(app, rows, lambda: app.find_all(name=title, role="grouping"),
                         "the resource that holds the renumbered set")[0]
    app.activate(app.find("Find out more", role="toggle button", parent=resource))
    nested = find_item(revision, "safety.devolved-pilot-evaluation.recs")["title"]
    set_button = scroll_to(app, rows, lambda: [b for b in app.find_all(role="toggle button")
                                               if b.name.startswith(nested)], "the renumbered set")[0]
    app.activate(set_button)
    first = find_item(revision, "safety.devolved-pilot-evaluation.recs.review-new-first")["text"]
    scroll_to(app, rows, lambda: app.has_text(first), "the new first recommendation")
    check(app.find_all(name="New", role="label"), "the new recommendation is marked New")
    was = scroll_to(app, rows, lambda: app.find_all(name="was 1.", role="label"), "the old number")
    check(was, "a renumbered recommendation says its old number: 'was 1.'")
    app.screenshot("review-renumbered-light")


def test_moved(app, base):
    outcome = [o for o in base["outcomes"] if o["id"] == "working-with-the-set"][0]
    section = [s for s in outcome["sections"] if s["id"] == "working-with-the-set.study"][0]
    rows = open_outcome(app, "Corporate responsibility and finance")
    where = f"from {outcome['title']}: {section['title']}"
    scroll_to(app, rows, lambda: app.find_all(name=where, role="label"), "where the moved item came from")
    check(app.find_all(name="Moved", role="label"), f"the moved item says it moved, {where!r}")


def test_note(home, base):
    """A note written on the base revision, on the quote whose attribution this revision
    changed: the note says the item changed since, and the quote shows what changed."""
    quote = find_item(base, "safety.quote-victoria-marks")
    name = f"Quote from {quote['speaker']}"
    with App(home=home) as app:
        rows = open_outcome(app, SAFETY)
        card = scroll_to(app, rows, lambda: app.find_all(name=name, role="grouping"), "the quote")[0]
        app.activate(app.find("Add note", parent=card))
        app.find("Note", role="text", showing=True, parent=app.node)
        app.type("Ask who she speaks for now.")
        app.keys("Escape")
        app.find_text("Ask who she speaks for now.", parent=card)
        wait_for(lambda: os.path.exists(home.library_path())
                 and "Ask who she speaks for now." in open(home.library_path(), encoding="utf-8").read(),
                 "the note to be saved")
        app.quit()

    with App("--review", REVISION, home=home) as app:
        rows = open_outcome(app, SAFETY)
        card = scroll_to(app, rows, lambda: app.find_all(name=name, role="grouping"), "the quote")[0]
        app.find_text("changed since your note", parent=card)
        check(True, "the note says its item changed since it was written")
        check([n for n in app.find_all(role="label", parent=card)
               if (n.description or "").startswith("added: (former member)")],
              "the item shows what changed, as every changed item does")
        app.quit()


def load_base():
    from test_review import BASE
    with open(BASE, encoding="utf-8") as file:
        return json.load(file)


def test_new_quote(app, revision):
    outcome = [o for o in revision["outcomes"] if o["id"] == "working-with-the-set"][0]
    rows = open_outcome(app, outcome["title"])
    new = find_item(revision, "working-with-the-set.study.review-new-quote")
    scroll_to(app, rows, lambda: app.find_all(name="New", role="label"), "the new quote's mark")
    check(app.has_text(new["text"]), "the new quote is shown, marked New")
    described = [n for n in app.find_all() if n.description == "New"]
    check(described, "the new quote's card says New to a screen reader")


# At 360 px a recommendation's text gets a line of at least this many pixels: some 30 letters
# of body text at the default size, 7.4 px a letter (beside the three buttons shown while
# reviewing it had 146 px, 18 letters a line).
MIN_NARROW_LINE_PX = 220
REVIEW_BUTTONS = ("Bookmark", "Remove Bookmark", "Add note", "Edit note", "Add comment")


def check_buttons_place(app, text, words, narrow, what):
    """The three buttons of an item (described by its `words`) while reviewing: under its
    `text` in a narrow window, which leaves the text a line of a reasonable length; beside it
    in a wide one."""
    # A menu button's own button is a toggle button of the same name, in the same place.
    buttons = {tuple(b.extents) for b in app.find_all() if b.name in REVIEW_BUTTONS
               and (b.description or "").startswith(words)}
    check(len(buttons) == 3, f"the {what} has its three buttons ({len(buttons)})")
    x, y, width, height = app.wait_still(text, f"the {what} to come to rest")
    below = [button_y >= y + height for _, button_y, _, _ in buttons]
    if narrow:
        check(width >= MIN_NARROW_LINE_PX,
              f"at 360 px the {what}'s text has {width} px a line, at least {MIN_NARROW_LINE_PX}")
        check(all(below), f"at 360 px the {what}'s buttons are under its text, not beside it")
    else:
        check(not any(below), f"in a wide window the {what}'s buttons are beside its text")


def check_recommendation_line(app, narrow):
    """The reworded recommendation's buttons, and those of the set it is in, whose heading is
    above it."""
    text = labels_described(app, "removed: ")[0]
    words = find_item(load_revision(), "safety.rab-recs.1")["text"][:20]
    check_buttons_place(app, text, words, narrow, "recommendation")
    title = find_item(load_revision(), "safety.rab-recs")["title"]
    heading = wait_for(lambda: [n for n in app.find_all(role="toggle button")
                                if n.name.startswith(title)], "the set's heading")[0]
    check_buttons_place(app, heading, title[:20], narrow, "set")


def looks(style, width):
    """A changed recommendation and a removed resource, for people to look at."""
    home = Home()
    home.set_setting("style-variant", f"'{style}'")
    home.set_setting("window-width", str(width))
    suffix = style + ("-narrow" if width < 600 else "")
    try:
        with App("--review", REVISION, home=home) as app:
            # The first change of Safety on the Changes page is the reworded recommendation:
            # its row opens it in its set, in the narrow window too.
            safety = app.find(SAFETY, role="list")
            show = wait_for(lambda: [b for b in app.find_all(role="button", parent=safety)
                                     if b.name != "Add comment"], "the rows' buttons")
            app.activate(show[0])
            rows = page(app, SAFETY)
            scroll_to(app, rows, lambda: labels_described(app, "removed: "), "the reworded recommendation")
            check_recommendation_line(app, width < 600)
            app.screenshot(f"review-changed-recommendation-{suffix}")
            show_only_changes(app)
            scroll_to(app, rows, lambda: app.find_all(name="Removed", role="label"), "the removed resource")
            wheel(app, WHEEL_DOWN, clicks=2)
            app.screenshot(f"review-removed-item-{suffix}")
            app.quit()
    finally:
        home.remove()


# A revision of the built-in pack's texts and sections, made here from the pack itself: a
# section's heading reworded; the list of the text card under it with an entry taken out and
# one reworded; the next section removed with its resources; in a resource's full text a
# paragraph reworded, one taken out and one put in.
HEADING_SECTION = "safety.practice-models"
CONTENTS = "safety.practice-models.contents"
GONE_SECTION = "safety.systematic-support"
FULL_TEXT = "safety.shiva-licensing-report"
ADDED_PARAGRAPH = "Councils can ask Shiva Foundation for the scorecard."


def make_texts_revision(path):
    pack = load_base()
    pack["pack"]["revision"] += ".texts"
    safety = [o for o in pack["outcomes"] if o["title"] == SAFETY][0]
    sections = {section["id"]: section for section in safety["sections"]}
    heading = sections[HEADING_SECTION]
    check(heading["title"].startswith("Relevant "), "the section to reword starts 'Relevant'")
    heading["title"] = "Current " + heading["title"][len("Relevant "):]
    entries = find_item(pack, CONTENTS)["body"][0]["items"]
    gone = sections[GONE_SECTION]
    entries.remove(gone["title"])
    entries[entries.index("Legal Support")] = "Legal Support and Advice"
    safety["sections"].remove(gone)
    body = find_item(pack, FULL_TEXT)["body"]
    check("latest report" in body[1]["text"], "the paragraph to reword says 'latest report'")
    body[1]["text"] = body[1]["text"].replace("latest report", "newest report")
    removed = body.pop(2)["text"]
    body.append({"type": "paragraph", "text": ADDED_PARAGRAPH})
    with open(path, "w", encoding="utf-8") as file:
        json.dump(pack, file, ensure_ascii=False)
    return gone, removed


def described(app, start, role=None):
    return [n for n in app.find_all(role=role) if (n.description or "").startswith(start)]


def open_full_text(app, rows):
    title = find_item(load_base(), FULL_TEXT)["title"]
    resource = scroll_to(app, rows, lambda: app.find_all(name=title, role="grouping"),
                         "the resource whose full text changed")[0]
    app.activate(app.find("Find out more", role="toggle button", parent=resource))


def press_change_row(app, title):
    """Presses the button of the row @title on the Changes page that opens what it names;
    returns the outcome page."""
    safety = app.find(SAFETY, role="list")
    row = wait_for(lambda: [r for r in app.find_all(role="list item", parent=safety)
                            if r.name.startswith(title)], f"the change of {title!r}")[0]
    # The row's button that opens it has the row's name; the other, if any, adds a comment.
    app.activate(wait_for(lambda: [b for b in app.find_all(role="button", parent=row)
                                   if b.name != "Add comment"], "the row's button that opens it")[0])
    # The outcome page (a table), not the Changes page's list of the outcome's changes.
    return wait_for(lambda: app.find_all(name=SAFETY, role="table"), "the outcome page")[0]


def open_from_changes(app, title):
    """Opens the item @title from its row on the Changes page; returns its outcome page."""
    rows = press_change_row(app, title)
    wait_for(lambda: app.has_text(title, parent=rows), f"{title!r} on its page")
    return rows


def open_section_from_changes(app, title, words):
    """Opens the section @title from its row on the Changes page, and waits for its heading,
    which has @words, to be on screen."""
    app.activate(app.find("Changes", role="list item"))
    rows = press_change_row(app, title)
    wait_for(lambda: [h for h in app.find_all(role="heading", parent=rows)
                      if words in h.name and on_screen(app, h)], f"the heading {title!r} on screen")


def test_texts(home, path):
    """A changed section heading, list and full text show their words' difference in place; a
    removed section is shown where it was; a removed item opens from the Changes page."""
    gone, removed = make_texts_revision(path)
    from test_review import BASE
    with App("--review", path, "--base", BASE, home=home) as app:
        # From the Changes page, a resource of the removed section opens where it was.
        first = gone["items"][0]["title"]
        rows = open_from_changes(app, first)
        check(True, "a removed item opens on its page, where it was")
        check(app.find_all(name=gone["title"], role="heading"),
              "its section, removed too, is shown where it was")
        check(len(app.find_all(name="Removed", role="label")) >= 2,
              "the removed section and its resources are marked Removed")
        app.screenshot("review-removed-section-light")

        scroll_to_top(app)
        app.activate(app.find("Show Only Changes", role="toggle button"))
        wait_for(lambda: pressed(app.find("Show Only Changes", role="toggle button")),
                 "Show Only Changes on")
        heading = scroll_to(app, rows, lambda: described(app, "removed: Relevant, added: Current"),
                            "the reworded section heading")[0]
        check("Relevant" in heading.name and "Current" in heading.name,
              f"the heading shows its old and new words ({heading.name!r})")
        scroll_to(app, rows, lambda: described(app, "removed: " + gone["title"]),
                  "the list entry taken out")
        check(True, "the list entry taken out is marked removed")
        scroll_to(app, rows, lambda: described(app, "added: and Advice"), "the reworded list entry")
        check(True, "the reworded list entry shows the words put in")
        scroll_to_top(app)
        app.screenshot("review-changed-heading-light")

        open_full_text(app, rows)
        scroll_to(app, rows, lambda: described(app, "removed: latest, added: newest"),
                  "the reworded paragraph")
        check(True, "a reworded paragraph of a full text shows its words' difference")
        scroll_to(app, rows, lambda: described(app, "removed: " + removed[:20]),
                  "the paragraph taken out")
        check(True, "a paragraph taken out is shown, marked removed")
        scroll_to(app, rows, lambda: described(app, "added: " + ADDED_PARAGRAPH),
                  "the paragraph put in")
        check(True, "a paragraph put in is marked added")
        app.screenshot("review-changed-full-text-light")

        # From the Changes page a section opens at its heading: the removed one where it was,
        # the reworded one with its old and new words.
        reworded = [s for o in load_base()["outcomes"] for s in o["sections"] if s["id"] == HEADING_SECTION][0]
        open_section_from_changes(app, gone["title"], gone["title"])
        check(True, "a removed section opens from the Changes page at its heading")
        open_section_from_changes(app, "Current " + reworded["title"][len("Relevant "):], "Practice Models")
        check(True, "a reworded section opens from the Changes page at its heading")
        app.quit()


def looks_texts(path, style, width):
    """The changed heading, full text and removed section, for people to look at."""
    home = Home()
    home.set_setting("style-variant", f"'{style}'")
    home.set_setting("window-width", str(width))
    suffix = style + ("-narrow" if width < 600 else "")
    from test_review import BASE
    try:
        with App("--review", path, "--base", BASE, home=home) as app:
            gone = [s for o in load_base()["outcomes"] for s in o["sections"] if s["id"] == GONE_SECTION][0]
            rows = open_from_changes(app, gone["items"][0]["title"])
            show_only_changes(app)
            scroll_to(app, rows, lambda: described(app, "removed: Relevant"), "the reworded heading")
            app.screenshot(f"review-changed-heading-{suffix}")
            scroll_to(app, rows, lambda: app.find_all(name="Removed", role="label"),
                      "the removed section")
            app.screenshot(f"review-removed-section-{suffix}")
            open_full_text(app, rows)
            # The paragraph put in is the last: those reworded and taken out are above it.
            scroll_to(app, rows, lambda: described(app, "added: " + ADDED_PARAGRAPH),
                      "the paragraph put in")
            wheel(app, WHEEL_DOWN, clicks=1)
            app.screenshot(f"review-changed-full-text-{suffix}")
            app.quit()
    finally:
        home.remove()


def main():
    folder = tempfile.mkdtemp(prefix="mscos-texts-")
    texts = os.path.join(folder, "mscos-texts-revision.json")
    home = Home()
    try:
        test_texts(home, texts)
    finally:
        home.remove()

    home = Home()
    revision = load_revision()
    try:
        with App("--review", REVISION, home=home) as app:
            app.find("Changes", role="list item")
            test_safety(app, revision)
            test_renumbered(app, revision)
            test_new_quote(app, revision)
            test_moved(app, load_base())
            app.quit()
    finally:
        home.remove()

    home = Home()
    try:
        test_note(home, load_base())
    finally:
        home.remove()

    if os.environ.get("MSCOS_SKIP_LOOKS") != "1":
        for style, width in (("dark", 1100), ("light", 360), ("dark", 360)):
            looks(style, width)
            looks_texts(texts, style, width)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    run(main)
