#!/usr/bin/env python3
"""`flatpak info --show-permissions` lists exactly ipc, network, wayland, fallback-x11 and dri:
no file system, no device but the GPU, no D-Bus name to talk to or own beyond the app's own.

Flatpak writes "x11" beside "fallback-x11" so that versions older than 0.11 still give the app a
display; Flatpak itself drops X11 whenever Wayland is there. That one companion is accepted, and
only beside fallback-x11."""

import configparser

from fpharness import APP_ID, check, flatpak, note, run

EXPECTED = {
    "shared": {"ipc", "network"},
    "sockets": {"wayland", "fallback-x11"},
    "devices": {"dri"},
}


def main():
    output = flatpak("info", "--user", "--show-permissions", APP_ID).stdout
    note("flatpak info --show-permissions " + APP_ID + ":\n" + output.strip())
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str
    parser.read_string(output)
    check(parser.sections() == ["Context"], f"only [Context] is listed (no bus policy, no environment): {parser.sections()}")
    context = dict(parser["Context"]) if parser.has_section("Context") else {}
    granted = {key: {v for v in value.split(";") if v} for key, value in context.items()}
    if "fallback-x11" in granted.get("sockets", set()):
        granted["sockets"].discard("x11")
    check(set(granted) == set(EXPECTED), f"only shared, sockets and devices are set ({sorted(granted)})")
    for key, want in EXPECTED.items():
        check(granted.get(key) == want, f"{key}={';'.join(sorted(want))} exactly ({sorted(granted.get(key, []))})")


if __name__ == "__main__":
    run(main)
