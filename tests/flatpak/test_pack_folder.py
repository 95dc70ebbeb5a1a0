#!/usr/bin/env python3
"""A content pack from outside the sandbox, audio included, opened as a user opens it: through
the document portal, which is what the file chooser portal does with what the user chose. The
pack folder lies in the home folder, which the sandbox cannot read (test_sandbox_home.py), not
in the app's own data folder.

- The pack file alone is granted, as Open Content Pack… grants the file chosen: inside the
  sandbox its folder, /run/user/UID/doc/ID/, holds that one file. The pack opens, and its
  recording's card says that the recording is not with the pack (no media error).
- The pack's folder is granted, as Open Pack Folder… grants the folder chosen: the app reads the
  pack from the folder and the recording plays.

Each grant is the document portal's AddFull call with the flags and permissions the file chooser
portal (xdg-desktop-portal's file-chooser.c, xdp_register_document()) gives it: reuse existing,
as needed by the app, and "directory" for a folder; read only. The file chooser's own dialog is
not shown: the stand-in session has no portal backend to draw it."""

import json
import os
import shutil
import time

from fpharness import APP_ID, HOME, SOURCE_DIR, App, check, fail, note, run, screenshot, skip, wait_for

EVERY_KIND = os.path.join(SOURCE_DIR, "tests", "data", "good", "every-kind.json")
CLIP = os.path.join(SOURCE_DIR, "tests", "data", "good", "audio", "clip.ogg")
OUTCOME = "Safety from any trafficker or other abusers"
AUDIO = "Safety - Keith"
NOT_WITH_PACK = "This recording is not with the pack. Open the pack’s folder to play it."

# The document portal's AddFull flags (xdg-desktop-portal's document-enums.h).
REUSE_EXISTING = 1 << 0
AS_NEEDED_BY_APP = 1 << 2
EXPORT_DIRECTORY = 1 << 3


def make_pack_folder():
    """~/Documents/MSCOS pack 2026.2/: pack.json and audio/clip.ogg, outside the app's data."""
    folder = os.path.join(HOME, "Documents", "MSCOS pack 2026.2")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "audio"))
    shutil.copy(CLIP, os.path.join(folder, "audio", "clip.ogg"))
    with open(EVERY_KIND, encoding="utf-8") as file:
        pack = json.load(file)
    with open(os.path.join(folder, "pack.json"), "w", encoding="utf-8") as file:
        json.dump(pack, file, ensure_ascii=False)
    return folder


def grant(path, directory):
    """Grants the app `path` through the document portal, as the file chooser portal does, and
    returns where the app sees it inside its sandbox."""
    import gi
    gi.require_version("Gio", "2.0")
    from gi.repository import Gio, GLib

    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    fds = Gio.UnixFDList.new()
    fds.append(fd)
    os.close(fd)
    flags = REUSE_EXISTING | AS_NEEDED_BY_APP | (EXPORT_DIRECTORY if directory else 0)
    try:
        reply, _ = bus.call_with_unix_fd_list_sync(
            "org.freedesktop.portal.Documents", "/org/freedesktop/portal/documents",
            "org.freedesktop.portal.Documents", "AddFull",
            GLib.Variant("(ahusas)", ([0], flags, APP_ID, ["read"])),
            GLib.VariantType("(asa{sv})"), Gio.DBusCallFlags.NONE, 30000, fds, None)
    except GLib.Error as error:
        skip(f"the document portal did not grant {path}: {error.message}")
    doc_ids, extra = reply.unpack()
    mountpoint = extra.get("mountpoint", b"")
    if isinstance(mountpoint, (bytes, bytearray, list)):
        mountpoint = bytes(mountpoint).rstrip(b"\0").decode()
    note(f"document portal: {path} is document {doc_ids[0]} under {mountpoint}")
    # Inside the sandbox Flatpak mounts the portal's view for the app at /run/user/UID/doc.
    return os.path.join(f"/run/user/{os.getuid()}/doc", doc_ids[0], os.path.basename(path))


def in_sandbox(app, path):
    """`path` as the app's process sees it, from the host."""
    return f"/proc/{app.app_pid()}/root{path}"


def keith(app):
    app.click(app.find(OUTCOME, role="list item"))
    return app.find(AUDIO, role="grouping", timeout=30)


def main():
    folder = make_pack_folder()
    pack_file = os.path.join(folder, "pack.json")

    alone = grant(pack_file, directory=False)
    with App("--content", alone) as app:
        audio = keith(app)
        seen = sorted(os.listdir(in_sandbox(app, os.path.dirname(alone))))
        check(seen == ["pack.json"],
              f"through the document portal the app sees the pack file alone in {os.path.dirname(alone)} ({seen})")
        check(not os.path.exists(in_sandbox(app, folder)), "and not the pack's folder in the home folder")
        app.find_text(NOT_WITH_PACK, parent=audio, timeout=20)
        check(not [n for n in app.find_all(parent=audio) if "cannot be played" in (n.name or "")],
              "the recording's card says it is not with the pack, and shows no media error")
        app.find("Open Pack Folder…", role="button", parent=audio)
        check(True, "and offers to open the pack's folder")
        screenshot("audio-not-with-pack")
        app.quit()

    granted = grant(folder, directory=True)
    with App("--content", granted) as app:
        audio = keith(app)
        seen = sorted(os.listdir(in_sandbox(app, granted)))
        check(seen == ["audio", "pack.json"],
              f"the folder granted through the document portal holds the pack and its audio ({seen})")
        app.activate(app.find("Play", role="button", parent=audio))
        deadline = time.monotonic() + 30
        while not app.find_all(name="Pause", role="button", parent=audio):
            if time.monotonic() > deadline:
                screenshot("audio-from-folder")
                said = [n.name for n in app.find_all(parent=audio) if n.roleName == "label"]
                fail(f"the recording did not play (its button did not turn to Pause); the card says {said}")
            time.sleep(0.2)
        check(True, f"opened as its folder ({granted}), the pack's recording plays in the sandbox")
        if [n for n in app.find_all(parent=audio) if NOT_WITH_PACK in (n.name or "")]:
            fail("the card still says the recording is not with the pack")
        app.quit()


if __name__ == "__main__":
    run(main)
