#!/usr/bin/env python3
"""The GNOME Shell search provider works for the Flatpak: its .ini and the app's D-Bus service
file are exported under the app ID (the service's Exec starts the app with flatpak run), and
gdbus reaches the provider of the Flatpak-run app, both ways the Shell does: with the app not
running, the session bus starts it from the exported service file (D-Bus activation, so the
provider answers from inside a sandbox of the app's ID); and with the app already running from
flatpak run, the same name reaches that one instance."""

import ast
import configparser
import os
import subprocess

from fpharness import (APP_ID, SEARCH_PROVIDER_PATH, App, app_process, check, fail, instances, kill_app,
                       note, run, sandbox_info, wait_for)

EXPORTS = os.path.join(os.environ.get("FLATPAK_USER_DIR", ""), "exports", "share")
INTERFACE = "org.gnome.Shell.SearchProvider2"
TERMS = ["safety"]


def read_ini(path, section):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    check(os.path.isfile(path), f"{os.path.relpath(path, EXPORTS)} is exported")
    parser.read(path, encoding="utf-8")
    check(parser.has_section(section), f"it has a [{section}] group")
    return parser[section]


def gdbus(method, *args, timeout=60):
    result = subprocess.run(["gdbus", "call", "--session", "--timeout", str(timeout), "--dest", APP_ID,
                             "--object-path", SEARCH_PROVIDER_PATH, "--method", f"{INTERFACE}.{method}",
                             *args], capture_output=True, text=True, timeout=timeout + 10)
    if result.returncode != 0:
        fail(f"gdbus {method}: {result.stderr.strip()}")
    return result.stdout.strip()


def parse_strings(output):
    """gdbus prints (['a', 'b'],) for an array of strings."""
    text = output.replace("@as ", "")
    value = ast.literal_eval(text)
    return list(value[0])


def query(how):
    results = parse_strings(gdbus("GetInitialResultSet", str(TERMS)))
    note(f"{how}: GetInitialResultSet {TERMS} → {results[:5]}{'…' if len(results) > 5 else ''}")
    check(len(results) > 0, f"{how}: the provider finds results for {TERMS}")
    metas = gdbus("GetResultMetas", str(results[:3]))
    check("'name'" in metas and "Safety" in metas, f"{how}: GetResultMetas names them ({metas[:120]}…)")
    subset = parse_strings(gdbus("GetSubsearchResultSet", str(results), str(TERMS + ['trafficker'])))
    check(len(subset) > 0, f"{how}: GetSubsearchResultSet answers a narrower search ({len(subset)} results)")
    return results


def is_program(pid):
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8") as file:
            return file.read().strip() == "mscos-outcomes"
    except OSError:
        return False


def main():
    ini = read_ini(os.path.join(EXPORTS, "gnome-shell", "search-providers", f"{APP_ID}.search-provider.ini"),
                   "Shell Search Provider")
    check(ini.get("BusName") == APP_ID and ini.get("DesktopId") == f"{APP_ID}.desktop"
          and ini.get("ObjectPath") == SEARCH_PROVIDER_PATH and ini.get("Version") == "2",
          f"the .ini names the bus {APP_ID}, {APP_ID}.desktop and {SEARCH_PROVIDER_PATH} (version 2)")
    service = read_ini(os.path.join(EXPORTS, "dbus-1", "services", f"{APP_ID}.service"), "D-BUS Service")
    exec_line = service.get("Exec", "")
    note(f"Exec={exec_line}")
    check(service.get("Name") == APP_ID and exec_line.startswith("/usr/bin/flatpak run ")
          and exec_line.split()[-2:] == [APP_ID, "--gapplication-service"],
          "the D-Bus service is exported under the app ID and starts it with flatpak run")

    kill_app()
    check(not instances(), "the app is not running")
    query("by D-Bus activation")
    running = wait_for(instances, "the activated instance")
    pid = app_process(running[0])
    info = sandbox_info(pid)
    with open(f"/proc/{pid}/cmdline", "rb") as file:
        cmdline = file.read().split(b"\0")
    check(info is not None and info.get("Application", "name") == APP_ID and b"--gapplication-service" in cmdline,
          f"the session bus started the provider in a sandbox of {APP_ID} (host PID {pid}, {b' '.join(cmdline).decode().strip()})")
    kill_app()

    with App() as app:
        first = app.app_pid()
        query("with the app running from flatpak run")
        programs = [pid for pid in (app_process(i) for i in instances()) if is_program(pid)]
        check(programs == [first], "the running instance answered: no second instance was started")
        app.quit()


if __name__ == "__main__":
    run(main)
