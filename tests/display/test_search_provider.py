#!/usr/bin/env python3
"""The GNOME Shell search provider: the app started as a D-Bus service answers
GetInitialResultSet and GetResultMetas over D-Bus without showing a window, and ActivateResult
opens a window at the item."""

import os
import subprocess
import time

from harness import PROGRAM, App, Home, check, fail, run, tree, wait_for

APP_ID = os.environ.get("MSCOS_APP_ID", "uk.co.mscos.Outcomes.Devel")
PATH = "/uk/co/mscos/Outcomes/SearchProvider"
INTERFACE = "org.gnome.Shell.SearchProvider2"


def call(method, *args, env=None):
    result = subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID, "--object-path", PATH,
                             "--method", f"{INTERFACE}.{method}", *args],
                            capture_output=True, text=True, timeout=30, env=env)
    if result.returncode != 0:
        fail(f"{method} failed: {result.stderr.strip()}")
    return result.stdout.strip()


def main():
    home = Home()
    service = subprocess.Popen([PROGRAM, "--gapplication-service"], env=home.env())
    try:
        wait_for(lambda: subprocess.run(["gdbus", "introspect", "--session", "--dest", APP_ID,
                                         "--object-path", PATH], capture_output=True).returncode == 0,
                 "the provider on the bus", timeout=20)
        check(True, f"--gapplication-service exports {INTERFACE} at {PATH} on {APP_ID}")

        results = call("GetInitialResultSet", "['legal', 'aid']")
        ids = [part.strip(" '") for part in results.strip("([],)").split(",") if part.strip(" '")]
        check(len(ids) > 0 and all("." in item for item in ids),
              f"GetInitialResultSet returns item ids ({ids[:3]})")
        subsearch = call("GetSubsearchResultSet", str(ids).replace('"', "'"), "['legal', 'aid', 'providers']")
        narrowed = [part.strip(" '") for part in subsearch.strip("([],)").split(",") if part.strip(" '")]
        check(narrowed and set(narrowed) <= set(ids),
              f"GetSubsearchResultSet narrows the results it was given ({len(ids)} → {len(narrowed)})")

        metas = call("GetResultMetas", "['safety.opening-quote', 'safety.beyond-survival']")
        check("'name': <'Beyond Survival: Living free" in metas, "GetResultMetas names each result")
        check("'description': <'Safety from any trafficker or other abusers" in metas,
              "each result's description starts with its outcome")
        check("'id': <'safety.opening-quote'>" in metas, "the metas carry the ids asked for")

        apps = [a for a in tree.root.applications() if a.name == PROGRAM]
        check(not any(child.showing for a in apps for child in a.children),
              "the service answers without showing a window")

        call("ActivateResult", "'safety.beyond-survival'", "['beyond']", "0")
        app_node = wait_for(lambda: [a for a in tree.root.applications() if a.name == PROGRAM
                                     and any(c.roleName == "frame" for c in a.children)],
                            "a window for the activated result")[0]
        frame = [c for c in app_node.children if c.roleName == "frame"][0]
        card = wait_for(lambda: frame.findChild(lambda n: n.roleName == "grouping" and n.name
                                                and n.name.startswith("Beyond Survival"),
                                                retry=False, requireResult=False),
                        "the activated item")
        check(card.showing, "ActivateResult opens the app at the item")
    finally:
        service.terminate()
        try:
            service.wait(timeout=10)
        except subprocess.TimeoutExpired:
            service.kill()
        home.remove()


if __name__ == "__main__":
    run(main)
