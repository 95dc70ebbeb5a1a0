#!/usr/bin/env python3
"""A figure, not a limit: start to first window of the Flatpak-run app against the same app
(the development build in MSCOS_BUILD_DIR, the same code and profile) run directly, in the same
session (one X display, one session bus, one accessibility bus), alternating, after one warm-up
run of each. "Directly" is inside the Debian 13 root with bubblewrap, as build-aux/dev runs it,
since this machine's own libraries are too old for the app. The time is from exec to the first
visible X window titled "MSCOS Outcomes", polled every 5 ms. The check passes when every run
shows its window; the medians go to MSCOS_BUILD_DIR/meson-logs/flatpak-startup.json."""

import json
import os
import signal
import statistics
import subprocess
import time

from fpharness import (APP_ID, BUILD_DIR, SOURCE_DIR, check, fail, kill_app, note, run, wait_for,
                       window_ids)

RUNS = int(os.environ.get("MSCOS_FLATPAK_STARTUP_RUNS", "7"))
ROOT = os.environ.get("MSCOS_DEV_ROOT", "")
PROGRAM = os.path.join(BUILD_DIR, "src", "mscos-outcomes")


def direct_command():
    session = os.environ["MSCOS_FLATPAK_SESSION"]
    binds = ["--bind", SOURCE_DIR, SOURCE_DIR]
    if not os.path.realpath(BUILD_DIR).startswith(os.path.realpath(SOURCE_DIR) + os.sep):
        binds += ["--bind", BUILD_DIR, BUILD_DIR]
    env = {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8",
        "HOME": os.environ["HOME"], "XDG_RUNTIME_DIR": os.environ["XDG_RUNTIME_DIR"],
        "XDG_CONFIG_HOME": os.environ["XDG_CONFIG_HOME"], "XDG_DATA_HOME": os.environ["XDG_DATA_HOME"],
        "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"], "XDG_STATE_HOME": os.environ["XDG_STATE_HOME"],
        "DISPLAY": os.environ["DISPLAY"], "DBUS_SESSION_BUS_ADDRESS": os.environ["DBUS_SESSION_BUS_ADDRESS"],
        "GSETTINGS_SCHEMA_DIR": os.path.join(BUILD_DIR, "data"), "GSETTINGS_BACKEND": "keyfile",
        "GDK_BACKEND": "x11", "GTK_A11Y": "atspi", "MSCOS_FLATPAK_SESSION": session,
    }
    return (["bwrap", "--bind", ROOT, "/", "--dev", "/dev", "--proc", "/proc", "--ro-bind", "/sys", "/sys",
             "--tmpfs", "/run", "--tmpfs", "/tmp", "--ro-bind", "/tmp/.X11-unix", "/tmp/.X11-unix",
             *binds, "--bind", session, session, "--clearenv"]
            + [arg for key, value in env.items() for arg in ("--setenv", key, value)]
            + ["--die-with-parent", PROGRAM])


def flatpak_command():
    return ["flatpak", "run", "--user", APP_ID]


def time_to_window(command, stop):
    wait_for(lambda: not window_ids(), "no window before the run", timeout=10)
    started = time.perf_counter()
    # stderr passes through: run_suite.py fails the check on any warning the app prints.
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    elapsed = None
    deadline = started + 30
    while time.perf_counter() < deadline:
        if window_ids():
            elapsed = (time.perf_counter() - started) * 1000
            break
        if process.poll() is not None:
            break
        time.sleep(0.005)
    stop(process)
    if elapsed is None:
        fail(f"no window from {' '.join(command[:3])}… (status {process.poll()})")
    return elapsed


def stop_direct(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def stop_flatpak(process):
    kill_app()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def main():
    have_direct = bool(ROOT) and os.path.isdir(ROOT) and os.access(PROGRAM, os.X_OK)
    if not have_direct:
        note(f"no direct build to compare with ({PROGRAM} or the Debian root is missing): Flatpak only")
    kinds = [("flatpak", flatpak_command(), stop_flatpak)]
    if have_direct:
        kinds.append(("direct", direct_command(), stop_direct))
    times = {name: [] for name, _, _ in kinds}
    for name, command, stop in kinds:
        note(f"warm-up {name}: {time_to_window(command, stop):.0f} ms")
    for _ in range(RUNS):
        for name, command, stop in kinds:
            times[name].append(time_to_window(command, stop))
    figures = {}
    for name, values in times.items():
        figures[name] = {"median_ms": round(statistics.median(values)), "min_ms": round(min(values)),
                         "max_ms": round(max(values)), "runs": len(values)}
        note(f"{name}: median {figures[name]['median_ms']} ms over {len(values)} runs "
             f"({', '.join(f'{v:.0f}' for v in values)})")
    if have_direct:
        figures["flatpak_minus_direct_ms"] = figures["flatpak"]["median_ms"] - figures["direct"]["median_ms"]
    os.makedirs(os.path.join(BUILD_DIR, "meson-logs"), exist_ok=True)
    with open(os.path.join(BUILD_DIR, "meson-logs", "flatpak-startup.json"), "w", encoding="utf-8") as file:
        json.dump(figures, file, indent=2)
    summary = f"Flatpak {figures['flatpak']['median_ms']} ms"
    if have_direct:
        summary += f", direct {figures['direct']['median_ms']} ms (+{figures['flatpak_minus_direct_ms']} ms)"
    check(True, f"start to first window, median: {summary}")


if __name__ == "__main__":
    run(main)
