#!/usr/bin/env python3
"""The GNOME Shell search provider: the app started as a D-Bus service answers
GetInitialResultSet and GetResultMetas over D-Bus without showing a window, and never matches the
user's notes; app.about then shows the About dialog without a critical; ActivateResult opens a
window at the item, and gives it the focus with the Shell's timestamp, so that a stale request
does not take the focus; with the preference off the provider answers nothing; and when the
content cannot be read, so that no index can be made, requests are answered with an error
rather than left waiting."""

import ctypes
import json
import os
import subprocess

from harness import PROGRAM, SOURCE_DIR, Home, Program, check, fail, run, tree, wait_for

APP_ID = os.environ.get("MSCOS_APP_ID", "uk.co.mscos.Outcomes.Devel")
PATH = "/uk/co/mscos/Outcomes/SearchProvider"
INTERFACE = "org.gnome.Shell.SearchProvider2"
# A word that no content holds, written in a private note.
PRIVATE_WORD = "zebracornish"


def call(method, *args, env=None):
    result = subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID, "--object-path", PATH,
                             "--method", f"{INTERFACE}.{method}", *args],
                            capture_output=True, text=True, timeout=30, env=env)
    if result.returncode != 0:
        fail(f"{method} failed: {result.stderr.strip()}")
    return result.stdout.strip()


def parse_ids(output):
    """The ids of gdbus's "(['a', 'b'],)", or of "(@as [],)" for none."""
    inside = output.strip("(),").removeprefix("@as").strip(" []")
    return [part.strip(" '") for part in inside.split(",") if part.strip(" '")]


def write_private_note(home):
    path = home.library_path()
    os.makedirs(os.path.dirname(path), mode=0o700)
    entry = {"pack": "uk.co.mscos.content", "item": "safety.opening-quote",
             "note": {"text": f"My own words: {PRIVATE_WORD}, and legal aid for my sister",
                      "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z"}}
    with open(path, "w", encoding="utf-8") as file:
        json.dump({"format": "mscos-library", "version": 1, "entries": [entry]}, file)


def app_frames():
    return [c for a in tree.root.applications() if a.name == PROGRAM for c in a.children
            if c.roleName == "frame"]


def shown_item(name):
    frames = app_frames()
    return frames and frames[0].findChild(lambda n: n.roleName == "grouping" and n.name
                                          and n.name.startswith(name) and n.showing,
                                          retry=False, requireResult=False)


def window_id(service):
    output = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(service.process.pid),
                             "--name", "^MSCOS Outcomes"], capture_output=True, text=True).stdout.split()
    return output[0] if output else None


def focused_window():
    return subprocess.run(["xdotool", "getwindowfocus"], capture_output=True, text=True).stdout.strip()


def focus_root():
    """Gives the keyboard focus to the root window now, as a click elsewhere would."""
    xlib = ctypes.cdll.LoadLibrary("libX11.so.6")
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    display = ctypes.c_void_p(xlib.XOpenDisplay(None))
    # PointerRoot, RevertToPointerRoot, CurrentTime
    xlib.XSetInputFocus(display, ctypes.c_ulong(1), ctypes.c_int(1), ctypes.c_ulong(0))
    xlib.XSync(display, 0)
    xlib.XCloseDisplay(display)


def wait_for_provider():
    wait_for(lambda: subprocess.run(["gdbus", "introspect", "--session", "--dest", APP_ID,
                                     "--object-path", PATH], capture_output=True).returncode == 0,
             "the provider on the bus", timeout=20)


def check_no_index():
    """The built-in content, replaced by a broken file (as only a broken build could have it),
    cannot be read: the Shell's requests get an error, at once or as soon as that is known."""
    home = Home()
    broken = os.path.join(SOURCE_DIR, "tests", "data", "bad", "08-missing-format.json")
    env = home.env()
    env["G_RESOURCE_OVERLAYS"] = f"/uk/co/mscos/Outcomes/content/mscos.json={broken}"
    service = Program("--gapplication-service", env=env,
                      expected_warnings=("The built-in content pack cannot be read",))
    try:
        wait_for_provider()
        result = subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID, "--object-path", PATH,
                                 "--timeout", "20", "--method", f"{INTERFACE}.GetInitialResultSet",
                                 "['legal', 'aid']"], capture_output=True, text=True, timeout=60)
        check(result.returncode != 0 and "Timeout" not in result.stderr and "Failed" in result.stderr,
              f"with content that cannot be read, GetInitialResultSet is answered with an error "
              f"({result.stderr.strip()[:160]})")
        service.check_quiet()
    finally:
        service.stop()
        home.remove()


def check_provider():
    home = Home()
    write_private_note(home)
    service = Program("--gapplication-service", env=home.env())
    try:
        wait_for_provider()
        check(True, f"--gapplication-service exports {INTERFACE} at {PATH} on {APP_ID}")

        results = call("GetInitialResultSet", "['legal', 'aid']")
        ids = parse_ids(results)
        check(len(ids) > 0 and all("." in item for item in ids),
              f"GetInitialResultSet returns item ids ({ids[:3]})")
        subsearch = call("GetSubsearchResultSet", str(ids).replace('"', "'"), "['legal', 'aid', 'providers']")
        narrowed = parse_ids(subsearch)
        check(narrowed and set(narrowed) <= set(ids),
              f"GetSubsearchResultSet narrows the results it was given ({len(ids)} → {len(narrowed)})")

        check(parse_ids(call("GetInitialResultSet", f"['{PRIVATE_WORD}']")) == [],
              "a word that is only in the user's note finds nothing in the Shell")
        check("safety.opening-quote" not in parse_ids(call("GetInitialResultSet", "['sister']")),
              "nor does another word of the note")
        check(parse_ids(call("GetSubsearchResultSet", "['safety.opening-quote']", f"['{PRIVATE_WORD}']")) == [],
              "nor a narrower search")

        metas = call("GetResultMetas", "['safety.opening-quote', 'safety.beyond-survival']")
        check("'name': <'Beyond Survival: Living free" in metas, "GetResultMetas names each result")
        check("'description': <'Safety from any trafficker or other abusers" in metas,
              "each result's description starts with its outcome")
        check("'id': <'safety.opening-quote'>" in metas, "the metas carry the ids asked for")
        check(PRIVATE_WORD not in metas, "and never the user's note")

        check(not app_frames(), "the service answers without showing a window")

        # The About dialog asked for while there is no window: a window shows it.
        subprocess.run(["gapplication", "action", APP_ID, "about"], check=True, timeout=30)
        wait_for(lambda: app_frames() and app_frames()[0].findChild(
            lambda n: n.name == "About" and n.roleName == "dialog" and n.showing,
            retry=False, requireResult=False), "the About dialog")
        check(True, "app.about while the app runs only as a search service opens the About dialog")

        call("ActivateResult", "'safety.beyond-survival'", "['beyond']", "0")
        card = wait_for(lambda: shown_item("Beyond Survival"), "the activated item")
        check(card.showing, "ActivateResult opens the app at the item")

        # The Shell gives the time of the user's action: a window on screen takes the focus with
        # it, so the focus goes to the app for a current request and not for a stale one.
        window = wait_for(lambda: window_id(service), "the window on screen")
        call("ActivateResult", "'safety.opening-quote'", "['keith']", "0")
        wait_for(lambda: focused_window() == window, "the window to have the focus")
        check(True, "ActivateResult with the current time gives the window the focus")
        focus_root()
        wait_for(lambda: focused_window() != window, "the focus to leave the window")
        call("ActivateResult", "'safety.audio-keith'", "['keith']", "1")
        wait_for(lambda: shown_item("Safety - Keith"), "the item of the stale request")
        check(focused_window() != window,
              "ActivateResult with a timestamp older than the last focus change shows the item "
              "without taking the focus")

        # Turned off, the provider answers nothing at all.
        home.set_setting("shell-search", "false")
        wait_for(lambda: parse_ids(call("GetInitialResultSet", "['legal', 'aid']")) == [],
                 "the provider to answer nothing")
        check(parse_ids(call("GetSubsearchResultSet", str(ids).replace('"', "'"), "['legal', 'aid']")) == [],
              "with the preference off, searches find nothing")
        check(call("GetResultMetas", "['safety.opening-quote']") == "(@aa{sv} [],)",
              "and no result is described")
        service.check_quiet()
        check(True, "the service printed no warning or critical")
    finally:
        service.stop()
        home.remove()


def main():
    check_no_index()
    check_provider()


if __name__ == "__main__":
    run(main)
