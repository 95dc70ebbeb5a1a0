#!/usr/bin/env python3
"""Runs the Flatpak checks one after the other and writes one meson-testlog-style JSON line per
check to --log ({"name", "result": OK|FAIL|SKIP, "duration", "returncode", "stdo", …}), which
build-aux/count-results.py adds up. Each check's output goes to stderr as it runs.

build-aux/flatpak-tests runs this inside tests/flatpak/session after building the Flatpak; the
build's outcome comes in with --build-status, and when the build failed every check that needs
the installed app fails with that reason rather than running."""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
APP_ID = os.environ.get("MSCOS_FLATPAK_APP_ID", "uk.co.mscos.Outcomes.Devel")

# (name, script, needs the installed app, timeout in seconds)
CHECKS = [
    ("manifests-agree", "test_manifests.py", False, 60),
    ("permissions", "test_permissions.py", True, 60),
    ("sandbox-cannot-read-home", "test_sandbox_home.py", True, 120),
    ("installed-data-valid", "test_installed_data.py", True, 120),
    ("flathub-listing", "test_listing.py", True, 120),
    ("flathub-linter", "test_flathub_lint.py", True, 300),
    ("window-and-sidebar", "test_window.py", True, 180),
    ("library-in-app-data", "test_library.py", True, 240),
    ("web-viewer-sandbox", "test_viewer.py", True, 240),
    ("pack-from-outside-with-audio", "test_pack_folder.py", True, 240),
    ("search-provider", "test_search_provider.py", True, 240),
    ("bundle-installs-and-runs", "test_bundle.py", True, 300),
    ("startup-time", "test_startup.py", True, 300),
]


# A GLib warning, critical or error printed by the app itself, as in the display suite
# (tests/display/harness.py): "(mscos-outcomes:PID): Domain-WARNING **:" or, without a log
# domain, "** (mscos-outcomes:PID): WARNING **:". The app's stderr reaches a
# check's output through `flatpak run`; an instance the session bus started (D-Bus activation)
# prints to the bus's log (tests/flatpak/session). WebKit's helper processes and the portals
# print under their own names and are not the app.
APP_WARNING = re.compile(r"\(mscos-outcomes:\d+\): (?:[^\s]+-)?(?:WARNING|CRITICAL|ERROR) \*\*")
BUS_LOG = os.path.join(os.environ.get("MSCOS_FLATPAK_SESSION", ""), "bus.log")


def bus_log_size():
    try:
        return os.path.getsize(BUS_LOG)
    except OSError:
        return 0


def app_warnings(output, bus_log_from):
    """The app's warnings and criticals in OUTPUT and in the bus's log after BUS_LOG_FROM."""
    found = [line.strip() for line in output.splitlines() if APP_WARNING.search(line)]
    try:
        with open(BUS_LOG, "rb") as file:
            file.seek(bus_log_from)
            bus = file.read().decode("utf-8", "replace")
    except OSError:
        bus = ""
    found += [f"(started by the session bus) {line.strip()}" for line in bus.splitlines()
              if APP_WARNING.search(line)]
    return found


def say(message):
    print(f"\033[1m[flatpak-tests]\033[0m {message}", file=sys.stderr, flush=True)


def end_leftovers():
    """Ends any instance of the app a check left running in this session."""
    subprocess.run(["flatpak", "kill", APP_ID], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run_check(script, timeout):
    command = [sys.executable, os.path.join(HERE, script)]
    env = dict(os.environ, PYTHONPATH=HERE, PYTHONDONTWRITEBYTECODE="1")
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                               start_new_session=True)
    lines = []

    def pump():
        for raw in process.stdout:
            line = raw.decode("utf-8", "replace")
            lines.append(line)
            sys.stderr.write("    " + line)
            sys.stderr.flush()

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    timed_out = False
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    reader.join(timeout=5)
    output = "".join(lines)
    if timed_out:
        output += f"\nFAIL: timed out after {timeout} s\n"
    return process.returncode, time.monotonic() - started, output, command, timed_out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--build-status", type=int, required=True)
    parser.add_argument("--build-seconds", type=float, default=0.0)
    parser.add_argument("--build-log", default="")
    args = parser.parse_args()

    os.makedirs(os.path.dirname(args.log), exist_ok=True)
    results = []

    def record(name, result, duration, returncode, output, command=None):
        entry = {"name": f"flatpak/{name}", "suite": ["flatpak"], "result": result,
                 "duration": round(duration, 2), "returncode": returncode,
                 "command": command or [], "stdo": output[-6000:]}
        results.append(entry)
        with open(args.log, "a", encoding="utf-8") as log:
            log.write(json.dumps(entry, ensure_ascii=False) + "\n")
        colour = {"OK": "32", "SKIP": "33"}.get(result, "31")
        say(f"\033[{colour}m{result}\033[0m flatpak/{name} ({duration:.1f} s)")

    built = args.build_status == 0
    build_output = ""
    if args.build_log and os.path.exists(args.build_log):
        with open(args.build_log, encoding="utf-8", errors="replace") as file:
            build_output = file.read()
    record("build-install-bundle", "OK" if built else "FAIL", args.build_seconds, args.build_status,
           build_output, ["build-aux/flatpak", "build"])

    for name, script, needs_app, timeout in CHECKS:
        if needs_app and not built:
            record(name, "FAIL", 0.0, -1, "the Flatpak was not built: see flatpak/build-install-bundle")
            continue
        say(f"flatpak/{name}…")
        bus_log_from = bus_log_size()
        returncode, duration, output, command, timed_out = run_check(script, timeout)
        end_leftovers()
        if timed_out:
            result = "FAIL"
        elif returncode == 0:
            result = "OK"
        elif returncode == 77:
            result = "SKIP"
        else:
            result = "FAIL"
        warnings = app_warnings(output, bus_log_from)
        if warnings:
            result = "FAIL"
            output += "\nFAIL: the sandboxed app printed warnings: " + " | ".join(warnings) + "\n"
            say("  the sandboxed app printed warnings:")
            for line in warnings:
                say(f"    {line}")
        record(name, result, duration, returncode, output, command)

    counts = {kind: sum(1 for r in results if r["result"] == kind) for kind in ("OK", "FAIL", "SKIP")}
    say(f"Flatpak checks: {counts['OK']} OK, {counts['FAIL']} FAIL, {counts['SKIP']} SKIP")
    for entry in results:
        if entry["result"] != "OK":
            say(f"  {entry['result'].lower()}: {entry['name']}")
    return 0 if counts["FAIL"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
