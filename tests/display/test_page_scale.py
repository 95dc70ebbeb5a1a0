#!/usr/bin/env python3
"""Outcome pages of a thousand items and more, which show only the rows on screen: Expand All and
Collapse All open and close a set of three hundred recommendations; a jump to a recommendation
deep in the page from search opens its set and brings it on screen, marked; Tab goes from the page's first control to the second item's
Bookmark button, past a section heading, and Shift+Tab back.

With --keyboard, on the Safety page, with the keys a keyboard user presses: Tab goes from the sidebar through the
header bar and the banner's Got It to every control of the page, card by card in the order of
the page and each card's controls in reading order, as many as the page shows, and on out of
the page; Shift+Tab from the header bar goes back through them all to Got It; once Got It is
pressed Tab goes on into the page; F6 moves between the sidebar and the page, back to where it was.

With --screenshots: a 10,000-item page scrolled to its middle and the Safety page after Expand
All, light and dark, wide and 360 px narrow."""

import json
import os
import subprocess
import sys
import tempfile

import pyatspi
from gi.repository import GLib

from harness import SCREENSHOT_DIR, App, Home, check, fail, load_pack, run, wait_for
from page_scroll import WHEEL_DOWN, on_screen, page, scroll_to, wheel

PAGE = "A page of many items"
SAFETY = "Safety from any trafficker or other abusers"
BIG_SET = "The long list"
BIG_SET_SIZE = 300
DEEP_ITEM = 800
CONTROL_ROLES = ("button", "push button", "toggle button", "check box", "link", "menu button")
DEEP_WORDS = "The kestrel recommendation, deep in the page."
MIDDLE_WORDS = "The osprey quote, in the middle of the page."
WORDS = ("survivor safety housing support referral navigator advocate guidance statutory local "
         "authority community legal aid helpline compensation trauma-informed long-term").split()


def words(seed, n):
    return " ".join(WORDS[(seed * 7 + k * 3) % len(WORDS)] for k in range(n)).capitalize() + "."


def recommendations(set_id, n, special=None):
    return [{"id": f"{set_id}.{k}", "text": special if k == 7 and special else f"Recommendation {k + 1} of this "
             f"set: {words(k, 12)}"} for k in range(n)]


def item(index):
    item_id = f"page.item-{index}"
    if index == 2:
        return {"id": item_id, "kind": "recommendations", "title": BIG_SET,
                "groups": [{"style": "numbered", "items": recommendations(item_id, BIG_SET_SIZE)}]}
    if index % 3 == 0:
        text = MIDDLE_WORDS if index == 5001 else f"Quote {index}: {words(index, 40)}"
        return {"id": item_id, "kind": "quote", "text": text, "speaker": "Ada"}
    if index % 3 == 1:
        return {"id": item_id, "kind": "resource", "type": "report", "title": f"Report {index}",
                "summary": words(index, 30),
                "body": [{"type": "paragraph", "text": words(index + 1, 80)}],
                "links": [{"title": f"Report {index} on the web", "uri": f"https://example.org/{index}"}]}
    title = "The deep set" if index == DEEP_ITEM else f"Set {index}"
    return {"id": item_id, "kind": "recommendations", "title": title,
            "groups": [{"style": "numbered",
                        "items": recommendations(item_id, 10, DEEP_WORDS if index == DEEP_ITEM else None)}]}


def write_pack(folder, n_items):
    """One outcome page: a first section of one quote, then a section of every other item."""
    sections = [{"id": "page.first", "title": "The first section", "items": [item(0)]},
                {"id": "page.second", "title": "The second section", "items": [item(i) for i in range(1, n_items)]}]
    pack = {"format": "mscos-content-pack", "version": 1,
            "pack": {"id": "test.page-scale", "title": "Page scale", "revision": "1", "date": "2026-11-28",
                     "language": "en-GB"},
            "outcomes": [{"id": "page", "group": "core-outcome", "title": PAGE, "summary": "Many items.",
                          "descriptor": [{"type": "paragraph", "text": "A page for the tests."}],
                          "sections": sections}]}
    path = os.path.join(folder, f"page-{n_items}.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(pack, file)
    return path


def is_expanded(node):
    return node.getState().contains(pyatspi.STATE_EXPANDED)


class Keyboard:
    """Presses keys as the keyboard does (xdotool), and follows the keyboard focus through the
    accessibility bus's focus events: a row that comes on screen comes into the tree, and the
    focus may reach a control before a look through the tree would find it."""

    def __init__(self):
        self.events = []
        pyatspi.Registry.registerEventListener(self._focused, "object:state-changed:focused")
        self.node = None

    def _focused(self, event):
        if event.detail1:
            self.events.append(event.source)

    def _pump(self):
        context = GLib.MainContext.default()
        while context.iteration(False):
            pass

    def press(self, combo="Tab"):
        """Presses `combo` and returns the control that then has the focus."""
        self._pump()
        self.events.clear()
        subprocess.run(["xdotool", "key", combo], check=True)

        def moved():
            self._pump()
            # A control that gets the focus before it is on screen is announced again once it is.
            fresh = [node for node in self.events if node != self.node]
            return fresh and fresh[-1]
        self.node = wait_for(moved, f"the focus to move on {combo}", timeout=30, interval=0.02)
        return self.node

    def wait_focus(self, what, predicate):
        """Waits for a focus event on a node `predicate` accepts, and returns it."""
        def found():
            self._pump()
            return next((node for node in reversed(self.events) if predicate(node)), None)
        self.node = wait_for(found, what, interval=0.05)
        return self.node


def ask(question, what):
    """The answer to `question()`, asked again while the app is too busy to answer the
    accessibility bus in time."""
    return wait_for(lambda: (question(),), what)[0]


def settled(question, what):
    """The answer to `question()` once it is the same twice in a row: a row that has just come
    on screen shows its pieces over a frame or two."""
    last = [None]

    def same():
        answer = question()
        settled = answer == last[0]
        last[0] = answer
        return settled and (answer,)
    return wait_for(same, what, interval=0.2)[0]


def is_under(node, ancestor):
    while node is not None:
        if node == ancestor:
            return True
        node = node.parent
    return False


def card_node(node):
    """The item card a control is on: its nearest ancestor that is a named grouping."""
    while node is not None:
        if node.roleName == "grouping" and node.name:
            return node
        node = node.parent
    return None


def card_of(node):
    card = card_node(node)
    return card.name if card is not None else None


def crop(x, y, width, height):
    """The pixels of a part of the screen, as bytes of RGB."""
    return subprocess.run(["import", "-window", "root", "-crop", f"{width}x{height}+{x}+{y}", "rgb:-"],
                          capture_output=True, check=True).stdout


def deep_label(app):
    found = app.find_all(role="label", parent=page(app, PAGE))
    return next((node for node in found if node.name == DEEP_WORDS and node.showing and on_screen(app, node)), None)


def check_landed(app, how, marked=False):
    """The deep recommendation is on screen, its set opened; with `marked`, it is marked for a
    few seconds: the mark is an outline around it, so the band just around it changes when the
    mark goes. (All jumps go through the page's reveal, which the mark is part of.)"""
    label = wait_for(lambda: deep_label(app), f"the recommendation on screen after a jump from {how}")
    check(True, f"a jump from {how} to a recommendation of item {DEEP_ITEM}, in a closed set, opens the set "
          "and brings it on screen")
    if marked:
        wait_unmarked(label)
        check(True, f"after a jump from {how} the recommendation is marked, and the mark goes")
    return label


def wait_unmarked(label):
    """Waits for the mark around an item just jumped to to go: the band just around it
    changes."""
    x, y, width, height = label.extents
    band = (x - 60, y - 12, width + 120, height + 24)
    marked = crop(*band)

    def unmarked():
        pixels = crop(*band)
        return sum(1 for a, b in zip(marked, pixels) if abs(a - b) > 40) > 300
    wait_for(unmarked, "the mark to go", timeout=10, interval=0.3)


def jump_to(app, query, words):
    """Searches for `query` and opens the best result, as a reader does."""
    app.focus()
    app.keys("<Control>f")
    app.type(query)
    results = app.find("Search results", role="list")
    wait_for(lambda: app.find_all(role="list item", parent=results), f"a result for {query}")
    app.keys("Return")
    label = app.find_text(words, parent=page(app, PAGE))
    wait_for(lambda: label.showing and on_screen(app, label), "the result on screen")
    return label


def test_expand_all(app):
    rows = page(app, PAGE)
    the_set = app.find(f"{BIG_SET}, {BIG_SET_SIZE} recommendations", role="toggle button")
    check(not is_expanded(the_set), "the big set starts closed")
    app.focus()
    app.keys("<Control><Shift>e")
    wait_for(lambda: is_expanded(the_set), "the set to say it is expanded")
    app.find("Show less", role="toggle button", parent=rows)
    check(True, "Expand All opens the resources")
    scroll_to(app, rows, lambda: app.has_text("Recommendation 1 of this set", parent=rows), "the set's first "
              "recommendation")
    check(True, f"and the set of {BIG_SET_SIZE} recommendations")
    last = f"Recommendation {BIG_SET_SIZE} of this set"
    found = scroll_to(app, rows, lambda: app.find_all(role="label", name=None, parent=rows) and
                      [n for n in app.find_all(role="label", parent=rows) if (n.name or "").startswith(last)],
                      "the set's last recommendation", steps=400)
    check(on_screen(app, found[0]), "scrolling reaches the last of its recommendations")

    app.keys("<Control><Shift>c")
    wait_for(lambda: not app.find_all(role="label", parent=rows) or
             not [n for n in app.find_all(role="label", parent=rows) if (n.name or "").startswith("Recommendation ")],
             "the recommendations to go")
    the_set = scroll_to(app, rows, lambda: app.find_all(name=f"{BIG_SET}, {BIG_SET_SIZE} recommendations",
                                                        role="toggle button"), "the set", down=False, steps=400)[0]
    check(not is_expanded(the_set), "Collapse All closes the set again")
    check(not app.find_all(name="Show less", role="toggle button", parent=rows), "and every resource")


def test_jump(app):
    jump_to(app, "kestrel", DEEP_WORDS)
    app.keys("Escape")
    check_landed(app, "search", marked=True)


def test_tab(app, keyboard):
    # From the list of outcomes, Tab goes on to the header bar and then into the page.
    app.focus()
    app.find(PAGE, role="list item").click()
    keyboard.wait_focus("the focus on the outcome in the sidebar", lambda node: node.name == PAGE)
    for _ in range(6):
        node = keyboard.press()
        if (node.name, card_of(node)) == ("Copy with attribution", "Quote from Ada"):
            break
    check(keyboard.node.name == "Copy with attribution", "Tab reaches the page's first control")
    steps = [(node.name, card_of(node)) for node in (keyboard.press() for _ in range(3))]
    check(steps[0] == ("Bookmark", "Quote from Ada") and steps[1] == ("Add note", "Quote from Ada"),
          f"Tab goes through the first item's controls ({steps[:2]})")
    check(steps[2] == ("Bookmark", "Report 1"),
          f"Tab then goes past the section heading to the second item's Bookmark button ({steps[2]})")
    node = keyboard.press("shift+Tab")
    back = (node.name, card_of(node))
    check(back == ("Add note", "Quote from Ada"), f"Shift+Tab goes back to the first item's note button ({back})")


def card_controls(card, safety):
    """The controls a card of the page shows, in the order of the tree, which is the order Tab
    takes. (The page's heading is in the grouping of the whole page, header bar and all.)"""
    return [node for node in card.findChildren(lambda n: n.roleName in CONTROL_ROLES and n.showing
                                               and n.getState().contains(pyatspi.STATE_FOCUSABLE))
            if card_node(node) == card and is_under(node, safety)]


def describe_card(card, safety, focused):
    """The card's name, the names of the controls it shows, whether `focused` is the first of
    them, and whether they are in reading order."""
    controls = card_controls(card, safety)
    return card.name, [control.name for control in controls], controls[:1] == [focused], in_reading_order(controls)


def in_reading_order(nodes):
    """Whether each node is to the right of the last on its line, or on a line below it."""
    for before, after in zip(nodes, nodes[1:]):
        bx, by, bw, bh = before.extents
        ax, ay, aw, ah = after.extents
        same_line = abs((ay + ah / 2) - (by + bh / 2)) < max(ah, bh) / 2
        if not (ay >= by + bh / 2 or (same_line and ax >= bx + bw / 2)):
            return False
    return True


def walk(keyboard, safety, combo, cards=None):
    """Presses `combo` until the focus leaves the page; returns the controls met, each as
    (card node, card name, control name), and where the focus went then. With `cards`, appends to it, as the focus
    comes to each card, the names of the controls the card shows then, whether the focus is on
    the first of them, and whether they are in reading order."""
    steps = []
    for _ in range(600):
        node = keyboard.press(combo)
        if not ask(lambda: is_under(node, safety), "where the focus is"):
            return steps, node
        # Names are read now: a row's widgets show another row once it is scrolled away.
        card, card_name, name = ask(lambda: (c := card_node(node), c.name, node.name), "the focused control")
        if cards is not None and (not steps or steps[-1][0] != card):
            cards.append(settled(lambda: describe_card(card, safety, node), f"the controls of {card_name!r}"))
        steps.append((card, card_name, name))
    fail(f"{combo} did not leave the page")


def names(steps):
    return [(card_name, name) for _, card_name, name in steps]


def test_keyboard_walk(pack):
    outcome = next(o for o in pack["outcomes"] if o["title"] == SAFETY)
    items = [item for section in outcome["sections"] for item in section["items"]]
    home = Home()
    with App(home=home) as app:
        app.resize(1100, 760)
        keyboard = Keyboard()
        app.focus()
        app.find(SAFETY, role="list item").click()
        app.find(SAFETY, role="heading")
        keyboard.wait_focus("the focus on the outcome in the sidebar", lambda node: node.name == SAFETY)
        safety = page(app, SAFETY)

        met = [keyboard.press().name for _ in range(2)]
        check(met == ["Page menu", "Got It"], f"Tab goes from the sidebar to the page menu and the banner ({met})")
        cards = []
        forward, after = walk(keyboard, safety, "Tab", cards)
        runs = []
        for card, card_name, name in forward:
            if runs and runs[-1][0] == card:
                runs[-1][2].append(name)
            else:
                runs.append((card, card_name, [name]))
        runs = [(card_name, controls) for _, card_name, controls in runs]
        unordered = [card for card in cards if not (card[2] and card[3])]
        check(not unordered, f"Tab comes to each card at its first control, and a card's controls are in reading "
              f"order ({unordered[:3]})")
        missed = [(run, card) for run, card in zip(runs, cards) if run[1] != card[1]]
        check(not missed and len(runs) == len(cards), "Tab goes through every control each card shows, in order "
              f"({missed[:2]})")
        check(len(runs) == 1 + len(items), f"Tab goes to the controls of the page's heading and of each of its "
              f"{len(items)} items, each card once ({len(runs)} cards, {len(forward)} controls)")
        titled = [(item["title"], card) for item, (card, _) in zip(items, runs[1:]) if item["kind"] == "resource"]
        check(all(card == title for title, card in titled),
              f"the cards come in the order of the page ({[t for t in titled if t[0] != t[1]][:2]})")
        check(after.name == "Search", f"after the page's last control Tab leaves the page for the header bar "
              f"({after.name!r})")

        backward, before = walk(keyboard, safety, "shift+Tab")
        check(names(backward) == names(forward)[::-1], f"Shift+Tab from the header bar goes back through the same "
              f"{len(forward)} controls in the opposite order ({len(backward)})")
        check(before.name == "Got It", f"and then to the banner's Got It ({before.name!r})")

        keyboard.press("space")
        wait_for(lambda: not app.find_all(name="Got It", role="button"), "the banner to go")
        # The focus goes on from the banner as it closes, and Tab goes on through the page.
        node = keyboard.press()
        check(is_under(node, safety) and node.name in (forward[0][2], forward[1][2]),
              f"once Got It is pressed, Tab goes on through the page's first controls ({node.name!r})")

        for _ in range(5):
            keyboard.press()
        here = keyboard.node
        for combo in ("F6", "shift+F6"):
            node = keyboard.press(combo)
            check(node.name == SAFETY and node.roleName == "list item",
                  f"{combo} moves the focus from the page to the outcome in the sidebar ({node.name!r})")
            node = keyboard.press(combo)
            check(node == here, f"and {combo} again back to the control of the page that had it ({node.name!r}, "
                  f"{card_of(node)!r})")
    home.remove()


def screenshots(big_pack):
    for style in ("light", "dark"):
        home = Home()
        home.set_setting("style-variant", f"'{style}'")
        home.set_setting("quick-exit-tip-dismissed", "true")
        try:
            with App("--content", big_pack, home=home) as app:
                app.resize(1200, 800)
                label = jump_to(app, "osprey", MIDDLE_WORDS)
                app.keys("Escape")
                wait_unmarked(label)
                app.screenshot(f"page-10000-middle-{style}")
                app.resize(360, 640)
                app.screenshot(f"narrow-page-10000-middle-{style}")

            with App(home=home) as app:
                app.resize(1200, 800)
                app.activate(app.find(SAFETY, role="list item"))
                safety = page(app, SAFETY)
                app.focus()
                app.keys("<Control><Shift>e")
                app.screenshot(f"safety-expanded-top-{style}")
                scroll_to(app, safety, lambda: app.find_all(name="Show less", role="toggle button", parent=safety),
                          "an opened resource")
                app.screenshot(f"safety-expanded-{style}")
                wheel(app, WHEEL_DOWN, 40)
                app.screenshot(f"safety-expanded-scrolled-{style}")
                app.resize(360, 640)
                wheel(app, WHEEL_DOWN, 10)
                app.screenshot(f"narrow-safety-expanded-{style}")
        finally:
            home.remove()
    check(True, f"screenshots written to {SCREENSHOT_DIR}")


def main():
    if "--screenshots" in sys.argv:
        folder = tempfile.mkdtemp(prefix="mscos-page-scale-")
        screenshots(write_pack(folder, 10000))
        return
    if "--keyboard" in sys.argv:
        test_keyboard_walk(load_pack())
        return
    folder = tempfile.mkdtemp(prefix="mscos-page-scale-")
    pack = write_pack(folder, 1000)
    home = Home()
    home.set_setting("quick-exit-tip-dismissed", "true")
    with App("--content", pack, home=home) as app:
        app.resize(1100, 760)
        app.find(PAGE, role="heading")
        keyboard = Keyboard()
        test_tab(app, keyboard)
        test_expand_all(app)
        test_jump(app)
    home.remove()


if __name__ == "__main__":
    run(main)
