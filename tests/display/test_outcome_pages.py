#!/usr/bin/env python3
"""Outcome pages: every outcome of the pack is in the sidebar and shows its page; the Safety
page has its opening quote as said and a quote with its attribution; a resource and a recommendation set open in place
and close again; the narrow window shows a back button; the text size changes; a recording in
the pack plays."""

import os

from harness import SOURCE_DIR, App, check, find_item, load_pack, run, wait_for
from page_scroll import page, scroll_to

EVERY_KIND = os.path.join(SOURCE_DIR, "tests", "data", "good", "every-kind.json")


def count_recommendations(recommendations):
    return sum(1 + count_recommendations(r.get("items", [])) for r in recommendations)


def test_every_outcome(app, pack):
    sidebar = app.find("Outcomes", role="list")
    for outcome in pack["outcomes"]:
        row = app.find(outcome["title"], role="list item", parent=sidebar)
        row.click()
        app.find(outcome["title"], role="heading")
        app.find_text(outcome["summary"], exact=True)
    check(True, f"all {len(pack['outcomes'])} outcomes are in the sidebar and each shows its page")


def test_keyboard(app, pack):
    sidebar = app.find("Outcomes", role="list")
    rows = app.find_all(role="list item", parent=sidebar)
    app.activate(rows[0])
    app.find(pack["outcomes"][0]["title"], role="heading")
    app.focus()
    app.keys("<Shift>Tab") if False else None
    rows[0].click()
    for _ in range(2):
        app.keys("Down")
    app.keys("Return")
    app.find(pack["outcomes"][2]["title"], role="heading")
    check(True, "Up and Down move through the sidebar and Enter opens an outcome")
    app.keys("Tab")
    focused = wait_for(lambda: app.window.findChild(lambda n: n.focused, retry=False, requireResult=False),
                       "a focused control on the page")
    check(focused is not None and focused.roleName in ("button", "toggle button", "check box", "link"),
          f"Tab moves to the page's controls ({focused.roleName} {focused.name!r})")


def test_safety(app, pack):
    app.find("Safety from any trafficker or other abusers", role="list item").click()
    app.find("Safety from any trafficker or other abusers", role="heading")
    app.find_text("Safety from any trafficker or other abuser is important becasue after trafficking")
    check(app.has_text("Quoted on the MSCOS page, not attributed"),
          "the opening quote is shown as the page gives it, attributed to nobody")
    safety = page(app, "Safety from any trafficker or other abusers")
    scroll_to(app, safety, lambda: app.has_text(
        "— Victoria Marks, Director and Solicitor, Anti Trafficking and Labour Exploitation Unit"),
        "Victoria Marks's quote")
    check(True, "the Safety page shows its opening quote as said, and a quote with its attribution")

    # The page shows only the rows on screen, and what a resource opens is rows under its card.
    title = "Beyond Survival: Living free, not in survival mode, and being able to dream again"
    resource = scroll_to(app, safety, lambda: app.find_all(name=title, role="grouping"), "the resource")[0]

    def sets():
        return [node for node in app.find_all(role="toggle button", parent=safety)
                if (node.name or "").startswith("Beyond Survival: recommendations")]

    item = find_item(pack, "safety.beyond-survival")
    link_title = item["links"][0]["title"]
    expected = count_recommendations([r for g in item["items"][0]["groups"] for r in g["items"]])

    check(not sets() and not app.find_all(name=link_title, parent=safety),
          "the resource starts closed, showing only its summary")
    app.activate(app.find("Find out more", role="toggle button", parent=resource))
    scroll_to(app, safety, lambda: app.find_all(name=link_title, parent=safety), "the resource's links")
    check(True, "Find out more opens the resource in place, with its links")
    recommendation_set = scroll_to(app, safety, sets, "the recommendation set of the resource")[0]
    check(f"{expected} recommendations" in recommendation_set.name,
          f"the set shows its title and count while closed ({recommendation_set.name!r})")
    check(not app.has_text("Create localised multi-agency pathways", parent=safety),
          "the set's recommendations are hidden until it is opened")
    app.activate(recommendation_set)
    scroll_to(app, safety, lambda: app.has_text("Create localised multi-agency pathways", parent=safety),
              "the nested recommendation")
    check(True, "opening the set shows its nested recommendations")
    recommendation_set = scroll_to(app, safety, sets, "the set's button", down=False)[0]
    app.activate(recommendation_set)
    wait_for(lambda: not app.has_text("Create localised multi-agency pathways", parent=safety),
             "the nested recommendations to be hidden")
    check(True, "closing the set hides them again")
    resource = scroll_to(app, safety, lambda: app.find_all(name=title, role="grouping"), "the resource",
                         down=False)[0]
    app.activate(app.find("Show less", role="toggle button", parent=resource))
    wait_for(lambda: not sets(), "the resource to close")
    check(True, "Show less closes the resource")


def test_zoom(app):
    title = scroll_to(app, page(app, "Safety from any trafficker or other abusers"),
                      lambda: app.find_all(name="Safety from any trafficker or other abusers", role="heading"),
                      "the page's title", down=False)[0]
    before = title.extents[3]
    app.keys("<Control>plus")
    app.keys("<Control>plus")
    grown = wait_for(lambda: title.extents[3] > before and title.extents[3], "the title to grow")
    check(grown > before, f"Ctrl+plus makes the text larger ({before} → {grown} px high)")
    check(app.home.get_setting("text-scale") == "1.2", "the text size is remembered in the settings")
    app.keys("<Control>0")
    wait_for(lambda: title.extents[3] == before, "the title to return to its size")
    check(True, "Ctrl+0 restores the normal text size")


def test_narrow(app):
    app.resize(360, 640)
    wait_for(lambda: app.find_all(name="Back", role="button"), "the back button")
    check(True, "at 360 px the split view collapses and the page has a back button")
    app.find("Back", role="button").click()
    app.find("Outcomes", role="list")
    check(True, "the back button returns to the list of outcomes")
    app.resize(1100, 760)


def test_audio():
    with App("--content", EVERY_KIND) as app:
        app.activate(app.find("Safety from any trafficker or other abusers", role="list item"))
        audio = app.find("Safety - Keith", role="grouping")
        app.activate(app.find("Play", role="button", parent=audio))
        app.find("Pause", role="button", parent=audio, timeout=20)
        check(True, "a recording shipped with the pack plays (its button turns to Pause)")
        wendy = scroll_to(app, page(app, "Safety from any trafficker or other abusers"),
                          lambda: app.find_all(name="Safety - Wendy", role="grouping"), "Wendy's clip")[0]
        app.find_text("The recording is not in this content pack.", parent=wendy)
        check(True, "a clip without a recording says so")


def main():
    pack = load_pack()
    with App() as app:
        test_every_outcome(app, pack)
        test_keyboard(app, pack)
        test_safety(app, pack)
        test_zoom(app)
        test_narrow(app)
    test_audio()


if __name__ == "__main__":
    run(main)
