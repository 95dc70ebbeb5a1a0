#!/usr/bin/env python3
"""What the cards of an outcome page say and where their buttons are, on a small pack whose
texts hold markup: a quotation the source attributes to nobody says so ("Quoted on the MSCOS
page, not attributed") on its card, in its accessible name, in what Copy with Attribution copies
and in search results, never "(null)" or a name; an attributed one says "— Speaker, role"; the
descriptor's heading says whose words it is; a telephone number is shown as selectable text
with a Copy Number button, which copies it, and no link; "Changed from the Source" in an
item's menu lists what the pack changed, as written; the buttons every card repeats name their
item; and each button is where the accessibility tree says it is: a click at the middle of its
accessible extents lands on it."""

import json
import os
import subprocess
import tempfile

import pyatspi

from harness import App, Home, atspi_tree, check, fail, run, wait_for
from page_scroll import on_screen, page, scroll_to

CARDS = "Cards <b>page</b>"
SUMMARY_PAGE = "Summarised page"
CREDIT = "Quoted on the MSCOS page, not attributed"
UNATTRIBUTED = "Words <b>kept</b> as said, becasue they were said so."
ATTRIBUTED = "Other words, said by someone the page names."
RESOURCE = "Helpline <b>one</b> & two"
RESOURCE_SUMMARY = "Open <i>all</i> day, in 200 languages."
PHONE_TITLE = "Helpline <b>one</b>"
NUMBER = "0800 000 0000"
ORIGINAL = "<b>Open</b> <i>all</i>"
CORRECTED = "Open <i>all</i>"
NOTE = "a stray <b>tag</b>"
TEXT_TITLE = "When you call"
TEXT_NUMBER = "+44 (0)20 7946 0000"
SET = "Things to do"
RECOMMENDATION = "Answer the phone <b>first</b>."
# WCAG 2.1, 1.4.11: what a control needs to be told apart from what is around it.
CONTROL_CONTRAST = 3.0


def write_pack(folder):
    items = [
        {"id": "cards.helpline", "kind": "resource", "type": "helpline", "title": RESOURCE,
         "summary": RESOURCE_SUMMARY, "phones": [{"title": PHONE_TITLE, "number": NUMBER}],
         "corrections": [{"original": ORIGINAL, "corrected": CORRECTED, "note": NOTE}],
         "body": [{"type": "paragraph", "text": "More about the helpline."}]},
        {"id": "cards.unattributed", "kind": "quote", "text": UNATTRIBUTED},
        {"id": "cards.attributed", "kind": "quote", "text": ATTRIBUTED, "speaker": "Ada <i>A</i>",
         "role": "Board & panel"},
        {"id": "cards.call", "kind": "text", "title": TEXT_TITLE,
         "body": [{"type": "paragraph", "text": "Say what you need."}],
         "phones": [{"title": "The other line", "number": TEXT_NUMBER}]},
        {"id": "cards.recs", "kind": "recommendations", "title": SET,
         "groups": [{"style": "numbered", "items": [{"id": "cards.recs.1", "text": RECOMMENDATION}]}]},
    ]
    pack = {"format": "mscos-content-pack", "version": 1,
            "pack": {"id": "test.cards", "title": "Cards", "revision": "1", "date": "2026-12-02",
                     "language": "en-GB"},
            "outcomes": [
                {"id": "cards", "group": "core-outcome", "title": CARDS, "summary": "Cards.",
                 "descriptor": [{"type": "paragraph", "text": "The study's own words."}],
                 "descriptor_source": "study",
                 "sections": [{"id": "cards.section", "title": "Cards", "items": items}]},
                {"id": "summarised", "group": "core-outcome", "title": SUMMARY_PAGE, "summary": "Summarised.",
                 "descriptor": [{"type": "paragraph", "text": "What the editors made of it."}],
                 "sections": []},
            ]}
    path = os.path.join(folder, "cards.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(pack, file)
    return path


def window_extents(node):
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return extents.x, extents.y, extents.width, extents.height


def x_window_origin(app):
    output = subprocess.run(["xdotool", "getwindowgeometry", app.window_id()], capture_output=True,
                            text=True, check=True).stdout
    position = output.split("Position:")[1].split()[0]
    return tuple(int(n) for n in position.split(","))


def focused(app):
    return app.window.findChild(lambda n: n.focused and n.showing, retry=False, requireResult=False)


def click_middle(app, node):
    """Clicks the middle of `node`'s accessible extents, as an assistive technology that clicks
    for its user does: the window's extents are where its X window is."""
    x, y, width, height = window_extents(node)
    frame_x, frame_y, _, _ = window_extents(app.window)
    origin_x, origin_y = x_window_origin(app)
    subprocess.run(["xdotool", "mousemove", str(origin_x + x - frame_x + width // 2),
                    str(origin_y + y - frame_y + height // 2), "click", "1"], check=True)
    app.sync()


def is_pressed(node):
    states = node.getState()
    return states.contains(pyatspi.STATE_PRESSED) or states.contains(pyatspi.STATE_CHECKED)


def pixels(path, x, y, width, height):
    """The pixels of a part of a screenshot, as (r, g, b) tuples, read from its binary PPM."""
    ppm = subprocess.run(["convert", path, "ppm:-"], capture_output=True, check=True).stdout
    fields, offset = [], 0
    while len(fields) < 4:  # "P6", width, height, the largest value, each after white space
        while ppm[offset:offset + 1].isspace():
            offset += 1
        end = offset
        while not ppm[end:end + 1].isspace():
            end += 1
        fields.append(ppm[offset:end])
        offset = end
    offset += 1
    image_width, image_height = int(fields[1]), int(fields[2])
    if x < 0 or y < 0 or x + width > image_width or y + height > image_height:
        fail(f"{width}×{height} at ({x}, {y}) is not within the {image_width}×{image_height} screenshot")
    rows = []
    for row in range(y, y + height):
        start = offset + (row * image_width + x) * 3
        rows.extend(tuple(ppm[i:i + 3]) for i in range(start, start + width * 3, 3))
    return rows


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def open_recommendation(app):
    """Opens the set at the end of the page and returns its recommendation's Bookmark button."""
    rows = page(app, CARDS)
    card = scroll_to(app, rows, lambda: app.find_all(name=SET, role="grouping"), "the set")[0]
    toggle = wait_for(lambda: [n for n in app.find_all(role="toggle button", parent=card)
                               if "recommendation" in (n.name or "")], "the set's toggle")[0]
    app.activate(toggle)

    def bookmark():
        found = [n for n in app.find_all(name="Bookmark", role="toggle button")
                 if (n.description or "").startswith("1. Answer the phone")]
        return found and on_screen(app, found[0]) and found[0]
    return scroll_to(app, rows, bookmark, "the recommendation's Bookmark button")


def check_recommendation_button(app, style):
    """The recommendation's Bookmark button stands out from its row at rest (not pointed at, not
    focused), and is drawn where the accessibility tree says."""
    subprocess.run(["xdotool", "mousemove", "0", "0"], check=True)
    button = open_recommendation(app)
    subprocess.run(["xdotool", "mousemove", "0", "0"], check=True)
    path = app.screenshot(f"cards-recommendation-{style}")
    frame_x, frame_y, _, _ = window_extents(app.window)
    note = [n for n in app.find_all(name="Add note") if n.description == button.description][0]
    ratios = {}
    for name, node in (("Bookmark", button), ("Add note", note)):
        x, y, width, height = window_extents(node)
        area = pixels(path, x - frame_x, y - frame_y, width, height)
        background = max(set(area), key=area.count)
        ratios[name] = max(contrast(pixel, background) for pixel in area)
    print(f"# contrast at rest ({style}): " + ", ".join(f"{k} {v:.1f}:1" for k, v in ratios.items()))
    for name, ratio in ratios.items():
        check(ratio >= CONTROL_CONTRAST,
              f"a recommendation's {name} button has {ratio:.1f}:1 contrast with its row at rest "
              f"({style}), at least {CONTROL_CONTRAST}:1")

    click_middle(app, button)
    wait_for(lambda: is_pressed(button), "the recommendation to be bookmarked")
    click_middle(app, button)
    wait_for(lambda: not is_pressed(button), "the recommendation's bookmark to be removed")
    check(True, f"a click at the middle of a recommendation's Bookmark extents lands on it ({style})")


def check_quote_credit(app):
    quote = app.find(CREDIT, role="grouping")
    check(True, "an unattributed quotation's card is named by the sentence that says so")
    app.find_text(CREDIT, exact=True, parent=quote)
    check(not app.has_text("(null)"), "no card shows “(null)”")
    check(not app.has_text(f"— {CREDIT}"), "the sentence is not given as a speaker (“— …”)")
    attributed = app.find("Quote from Ada <i>A</i>", role="grouping")
    app.find_text("— Ada <i>A</i>, Board & panel", exact=True, parent=attributed)
    check(True, "an attributed quotation says “— Speaker, role”, as written")

    app.activate(app.find("Copy with attribution", role="button", parent=quote))
    app.find_text("Quote copied with its attribution")
    check(True, "Copy with Attribution copies an unattributed quotation")
    return quote


def check_descriptor_headings(app):
    app.find("MSCOS Study Descriptor", role="heading")
    app.find("MSCOS study descriptor", role="grouping")
    check(True, "the study's own descriptor is headed “MSCOS Study Descriptor”")
    app.activate(app.find(SUMMARY_PAGE, role="list item"))
    app.find(SUMMARY_PAGE, role="heading")
    app.find("Summary by the editors of this pack", role="heading")
    check(not app.has_text("MSCOS Study Descriptor"),
          "a descriptor without a source is headed “Summary by the editors of this pack”, not as the study's")
    app.activate(app.find(CARDS, role="list item"))
    app.find(CARDS, role="heading")


def check_phones(app):
    resource = app.find(RESOURCE, role="grouping")
    app.find_text(PHONE_TITLE, exact=True, parent=resource)
    number = app.find_text(NUMBER, exact=True, parent=resource)
    check(number.getState().contains(pyatspi.STATE_SELECTABLE_TEXT) or "Text" in number.get_interfaces(),
          "the number is shown as text that can be selected")
    check(not app.node.findChildren(lambda n: n.roleName == "link", showingOnly=False),
          "no link is made of a telephone number")
    copy = app.find("Copy Number", role="button", parent=resource)
    check(copy.description == PHONE_TITLE, f"Copy Number says whose number it is ({copy.description!r})")
    app.activate(copy)
    app.find_text("Number copied", exact=True)
    check(True, "Copy Number says “Number copied”")

    text_card = scroll_to(app, page(app, CARDS), lambda: app.find_all(name=TEXT_TITLE, role="grouping"),
                          "the text card")[0]
    app.find_text(TEXT_NUMBER, exact=True, parent=text_card)
    check(True, "a text item shows its number too")


def check_descriptions(app, quote):
    resource = app.find(RESOURCE, role="grouping")
    for parent, name, item in ((quote, "Bookmark", "“Words <b>kept</b>"), (quote, "Add note", "“Words <b>kept</b>"),
                               (quote, "Copy with attribution", "“Words <b>kept</b>"),
                               (resource, "Bookmark", RESOURCE), (resource, "Find out more", RESOURCE)):
        button = app.find(name, parent=parent)
        check(button.description.startswith(item),
              f"{name} says which item it belongs to ({button.description!r})")


def check_corrections(app):
    quote = app.find(CREDIT, role="grouping")
    check(not app.find_all(name="More", parent=quote), "an item without corrections has no item menu")
    resource = app.find(RESOURCE, role="grouping")
    app.activate(app.find("More", parent=resource))
    # The item menu has the one item. (GTK 4.18 gives the items of a menu model no accessible
    # name; issue 18 has it named.)
    menu = app.find("More", role="menu", parent=app.node)
    item = wait_for(lambda: app.find_all(role="menu item", parent=menu), "the item menu's item")[0]
    app.activate(item)
    dialog = app.find("Changed from the Source", role="dialog", parent=app.node)
    for text in (RESOURCE, ORIGINAL, CORRECTED, NOTE):
        app.find_text(text, exact=True, parent=dialog)
    app.find_text("Nobody’s quoted words are ever corrected", parent=dialog)
    check(True, "“Changed from the Source” lists the words as on the page and as in the pack, "
          "with the note, as written, and says quoted words are never corrected")
    app.keys("Escape")
    wait_for(lambda: not app.find_all(role="dialog", name="Changed from the Source", parent=app.node),
             "the dialog to close")


def check_positions(app, quote):
    """Each button is drawn where its accessible extents are: clicked there, it takes the focus."""
    resource = app.find(RESOURCE, role="grouping")
    # Find Out More is named Show Less once it is pressed.
    for parent, name, pressed_name in ((quote, "Copy with attribution", None), (quote, "Bookmark", None),
                                       (resource, "Bookmark", None), (resource, "Find out more", "Show less")):
        button = app.find(name, parent=parent)
        before = is_pressed(button)
        click_middle(app, button)
        extents = window_extents(button)

        def landed():
            if pressed_name is not None:
                # Opening the card adds rows to the page, which may take the focus from it.
                return app.find_all(name=pressed_name, parent=parent)
            node = focused(app)
            return node is not None and node.name == name and node.description == button.description
        wait_for(landed, f"{name!r} to be clicked by a click at the middle of its accessible extents {extents}",
                 timeout=5)
        check(True, f"a click at the middle of {name!r}'s accessible extents lands on it")
        if name == "Bookmark":
            wait_for(lambda: is_pressed(button) != before, "the bookmark to change")
            click_middle(app, button)
            wait_for(lambda: is_pressed(button) == before, "the bookmark to change back")
        if pressed_name is not None:
            click_middle(app, app.find(pressed_name, parent=parent))
            app.find(name, parent=parent)
    app.keys("Escape")


def check_search(app):
    app.focus()
    app.keys("<Control>f")
    app.type("becasue")
    results = app.find("Search results", role="list")
    app.find_text(CREDIT, exact=True, parent=results)
    check(not app.has_text("(null)", parent=results), "a search result for an unattributed quotation is "
          "titled with the sentence that says so, not “(null)”")
    app.keys("Escape")


def main():
    folder = tempfile.mkdtemp(prefix="mscos-cards-")
    with App("--content", write_pack(folder)) as app:
        app.resize(1000, 780)
        app.activate(app.find(CARDS, role="list item"))
        app.find(CARDS, role="heading")
        quote = check_quote_credit(app)
        check_descriptor_headings(app)
        quote = app.find(CREDIT, role="grouping")
        check_descriptions(app, quote)
        check_positions(app, quote)
        check_corrections(app)
        check_phones(app)
        check_search(app)
        check_recommendation_button(app, "light")

    for style, env in (("dark", {}), ("high-contrast", {"ADW_DEBUG_HIGH_CONTRAST": "1"})):
        home = Home()
        if style == "dark":
            home.set_setting("style-variant", "'dark'")
        try:
            with App("--content", write_pack(folder), home=home, env=env) as app:
                app.resize(1000, 780)
                app.activate(app.find(CARDS, role="list item"))
                check_recommendation_button(app, style)
        finally:
            home.remove()


if __name__ == "__main__":
    run(main)
