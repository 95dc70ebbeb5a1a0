#!/usr/bin/env python3
"""The headings of the cards while reviewing, where each card has three buttons: a profile's
name, an audio clip's title, a text's title and a quote's attribution. In a 360 px window
each keeps a line long enough to read, with the buttons under it (beside the buttons a
profile's name had 90 px, "Keith" on one line and "Lewis" on the next); in a wide window the
buttons stay beside it."""

from harness import App, Home, find_item, run
from page_scroll import scroll_to
from test_review_marks import REVISION, SAFETY, check_buttons_place, load_revision, open_outcome


def heading(app, name):
    return lambda: [n for n in app.find_all(role="heading") if n.name == name]


def attribution(app, speaker):
    return lambda: [n for n in app.find_all(role="label") if n.name.startswith("— " + speaker)]


def cards(revision):
    """Each card to look at, in the order of the page: what it is, how to find its heading
    and the words its buttons are described by."""
    audio = find_item(revision, "safety.audio-keith")
    text = find_item(revision, "safety.practice-models.contents")
    quote = find_item(revision, "safety.quote-keith-lewis-licensing")
    profile = find_item(revision, "safety.keith-lewis")
    return [
        ("audio clip", lambda app: heading(app, audio["title"]), audio["title"]),
        ("text", lambda app: heading(app, text["title"]), text["title"]),
        ("quote", lambda app: attribution(app, quote["speaker"]), "“" + quote["text"][:15]),
        ("profile", lambda app: heading(app, profile["name"]), profile["name"]),
    ]


def check_cards(width):
    home = Home()
    try:
        with App("--review", REVISION, home=home) as app:
            # Opened from the sidebar of a wide window, then narrowed.
            app.resize(1100, 780)
            rows = open_outcome(app, SAFETY)
            app.resize(width, 640)
            for what, find, words in cards(load_revision()):
                node = scroll_to(app, rows, find(app), f"the {what}'s heading")[0]
                check_buttons_place(app, node, words, width < 600, what)
            app.quit()
    finally:
        home.remove()


def main():
    check_cards(360)
    check_cards(1100)


if __name__ == "__main__":
    run(main)
