#!/usr/bin/env python3
"""Packs from anywhere, audio included. A pack file opened without its recordings beside it (as
the document portal shows a pack file chosen in the Flatpak: its folder holds that one file)
still shows each recording's card, which says plainly that the recording is not with the pack,
offers to open the pack's folder, and keeps its transcript; no media error is shown. Opening
the pack's folder from that card (Open Pack Folder…, through the file chooser, as a user
would) reads the pack from the folder, and the recording plays. The card with its message is
photographed light and dark, wide and 360 px narrow, in the build folder's look/."""

import json
import os
import shutil
import tempfile

import harness
from harness import SOURCE_DIR, App, Home, check, run, wait_for
from page_scroll import page, scroll_to
from test_cards_screenshots import bring_on_screen

EVERY_KIND = os.path.join(SOURCE_DIR, "tests", "data", "good", "every-kind.json")
CLIP = os.path.join(SOURCE_DIR, "tests", "data", "good", "audio", "clip.ogg")
SAFETY = "Safety from any trafficker or other abusers"
AUDIO = "Safety - Keith"
TRANSCRIPT = "A short spoken clip."
NOT_WITH_PACK = "This recording is not with the pack. Open the pack’s folder to play it."
OPEN_FOLDER = "Open Pack Folder…"

harness.SCREENSHOT_DIR = os.path.join(harness.BUILD_DIR, "look")


def make_packs(root):
    """A pack folder with its recording, and the same pack file alone in another folder. The
    lone copy is the second revision, so that the app is seen to read the folder's pack."""
    with open(EVERY_KIND, encoding="utf-8") as file:
        pack = json.load(file)
    folder = os.path.join(root, "MSCOS pack 2026.2")
    os.makedirs(os.path.join(folder, "audio"))
    shutil.copy(CLIP, os.path.join(folder, "audio", "clip.ogg"))
    with open(os.path.join(folder, "pack.json"), "w", encoding="utf-8") as file:
        json.dump(dict(pack, pack=dict(pack["pack"], revision="2026.2")), file, ensure_ascii=False)
    lone = os.path.join(root, "Downloads", "pack.json")
    os.makedirs(os.path.dirname(lone))
    with open(lone, "w", encoding="utf-8") as file:
        json.dump(dict(pack, pack=dict(pack["pack"], revision="2026.1")), file, ensure_ascii=False)
    return folder, lone


def open_safety(app):
    app.activate(app.find(SAFETY, role="list item"))
    return app.find_on_page(AUDIO)


def check_not_with_pack(app, audio):
    app.find_text(NOT_WITH_PACK, exact=True, parent=audio)
    check(not app.has_text("cannot be played", parent=audio),
          "a recording that is not beside the pack file says so plainly, with no media error")
    app.find(OPEN_FOLDER, role="button", parent=audio)
    check(True, "its card offers to open the pack's folder")


def check_transcript(app, audio):
    app.activate(app.find("Transcript", role="toggle button", parent=audio))
    scroll_to(app, page(app, SAFETY), lambda: app.has_text(TRANSCRIPT), "the transcript")
    check(True, "its transcript is still there to read")


def choose_folder(app, folder):
    """Chooses `folder` in the Open Pack Folder dialog: its path typed in the location entry,
    then Select if Return only went into the folder."""
    app.open_file("Open Pack Folder", folder)

    def chosen():
        dialogs = [w for w in app.node.children if "Open Pack Folder" in (w.name or "") and w.showing]
        if not dialogs:
            return True
        buttons = [b for b in app.find_all(role="button", parent=dialogs[0]) if b.name == "Select"]
        if buttons:
            app.activate(buttons[0])
        return False
    wait_for(chosen, "the folder to be chosen")


def test_open_folder_from_card(folder, lone):
    with App("--content", lone) as app:
        audio = open_safety(app)
        check_not_with_pack(app, audio)
        app.activate(app.find(OPEN_FOLDER, role="button", parent=audio))
        choose_folder(app, folder)
        # The folder's pack replaces the lone file's: its recording is there and plays.
        wait_for(lambda: not app.has_text(NOT_WITH_PACK), "the pack folder to be read")
        audio = open_safety(app)
        app.activate(app.find("Play", role="button", parent=audio))
        app.find("Pause", role="button", parent=audio, timeout=20)
        check(True, "Open Pack Folder… reads the pack from its folder, and its recording plays")


def screenshots(lone):
    for style in ("light", "dark"):
        home = Home()
        home.set_setting("style-variant", f"'{style}'")
        try:
            for width, height, name in ((1100, 780, "wide"), (360, 640, "narrow")):
                with App("--content", lone, home=home) as app:
                    app.resize(width, height)
                    banner = app.find_all(name="Got It", role="button")
                    if banner:
                        app.activate(banner[0])
                    app.activate(app.find(SAFETY, role="list item"))
                    audio = bring_on_screen(app, page(app, SAFETY), AUDIO)
                    app.find_text(NOT_WITH_PACK, exact=True, parent=audio)
                    app.screenshot(f"audio-not-with-pack-{style}-{name}")
                    if style == "light" and name == "wide":
                        check_transcript(app, audio)
        finally:
            home.remove()
    check(True, "the card that says its recording is not with the pack, light and dark, wide and narrow")


def main():
    root = tempfile.mkdtemp(prefix="mscos-pack-folder-")
    try:
        folder, lone = make_packs(root)
        test_open_folder_from_card(folder, lone)
        with App("--content", folder) as app:
            audio = open_safety(app)
            app.activate(app.find("Play", role="button", parent=audio))
            app.find("Pause", role="button", parent=audio, timeout=20)
            check(not app.has_text(NOT_WITH_PACK), "--content takes the pack's folder, and its recording plays")
        screenshots(lone)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    run(main)
