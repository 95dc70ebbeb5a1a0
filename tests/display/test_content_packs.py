#!/usr/bin/env python3
"""Opening content packs: a pack given with --content that has problems is refused with a dialog
that lists them by path, and the built-in content is shown instead; Ctrl+O opens a good pack in
place of the current one, and a bad one is refused while the current one stays; while a pack
is slow to arrive the sidebar shows that it is being read."""

import os
import tempfile

from harness import DEFAULT_PACK, SOURCE_DIR, App, check, load_pack, run, wait_for

GOOD = os.path.join(SOURCE_DIR, "tests", "data", "good", "every-kind.json")
BAD = os.path.join(SOURCE_DIR, "tests", "data", "bad", "43-resource-in-resource.json")
BAD_VERSION = os.path.join(SOURCE_DIR, "tests", "data", "bad", "09-newer-version.json")


def problems_dialog(app):
    return app.find("Cannot Open Content Pack", role="alert", timeout=20)


def open_with_ctrl_o(app, path):
    app.focus()
    app.keys("<Control>o")
    app.open_file("Open Content Pack", path)


def check_slow_pack(first_title):
    """A pack read from a named pipe arrives only when the test writes it: until then the
    sidebar shows a spinner, and once it is read the outcomes take its place."""
    folder = tempfile.mkdtemp(prefix="mscos-slow-pack-")
    pipe = os.path.join(folder, "slow.json")
    os.mkfifo(pipe)
    with App("--content", pipe) as app:
        app.find_text("Reading the Content", timeout=20)
        check(True, "a pack that is slow to read shows that it is being read, in the sidebar")
        with open(DEFAULT_PACK, "rb") as source, open(pipe, "wb") as sink:
            sink.write(source.read())
        app.find(first_title, role="list item", timeout=20)
        check(not app.has_text("Reading the Content"), "once the pack is read, its outcomes take its place")
    os.unlink(pipe)
    os.rmdir(folder)


def main():
    pack = load_pack()
    first_title = pack["outcomes"][0]["title"]

    check_slow_pack(first_title)

    with App("--content", BAD) as app:
        dialog = problems_dialog(app)
        app.find_text("items[0].items[0].kind: a resource cannot hold another resource", parent=dialog)
        check(True, "a bad --content pack is refused with its problem listed by JSON path")
        app.activate(app.find("Close", role="button", parent=dialog))
        app.find(first_title, role="list item")
        check(True, "the built-in content is shown instead")

        open_with_ctrl_o(app, GOOD)
        app.find("First outcome", role="list item")
        check(True, "Ctrl+O opens a good pack in place of the current one")
        check(not app.find_all(name=first_title, role="list item"), "the previous pack's outcomes are gone")

        open_with_ctrl_o(app, BAD_VERSION)
        dialog = problems_dialog(app)
        app.find_text("newer version of MSCOS Outcomes", parent=dialog)
        check(True, "a pack of a newer format is refused with a plain explanation")
        app.activate(app.find("Close", role="button", parent=dialog))
        app.find("First outcome", role="list item")
        check(True, "the current pack stays after a refusal")


if __name__ == "__main__":
    run(main)
