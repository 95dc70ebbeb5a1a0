#!/usr/bin/env python3
"""The sandboxed app's window appears and its sidebar lists every outcome of the pack, read
through the accessibility tree, which reaches the app inside the sandbox through Flatpak's
accessibility-bus proxy. The app runs in a sandbox of its own ID, and Ctrl+Q quits it."""

from fpharness import APP_ID, App, check, instances, load_pack, run, sandbox_info, screenshot, wait_for


def main():
    pack = load_pack()
    with App() as app:
        check(app.window.name.startswith("MSCOS Outcomes"), f"the window is titled MSCOS Outcomes ({app.window.name!r})")
        pid = app.app_pid()
        info = sandbox_info(pid) if pid else None
        check(info is not None and info.get("Application", "name") == APP_ID,
              f"the app (host PID {pid}) runs in a Flatpak sandbox of {APP_ID}")
        runtime = info.get("Application", "runtime")
        check(runtime.startswith("runtime/org.gnome.Platform/"), f"on the runtime {runtime}")
        sidebar = app.find("Outcomes", role="list")
        for outcome in pack["outcomes"]:
            app.find(outcome["title"], role="list item", parent=sidebar)
        check(True, f"the sidebar lists all {len(pack['outcomes'])} outcomes")
        app.find(pack["outcomes"][0]["title"], role="heading")
        check(True, "the content side shows the first outcome's page")
        screenshot("window")
        app.quit()
        check(app.process.returncode == 0, "Ctrl+Q quits the sandboxed app cleanly")
        wait_for(lambda: not instances(), "the sandbox to end", timeout=10)
        check(True, "no instance of the app is left running")


if __name__ == "__main__":
    run(main)
