#!/usr/bin/env python3
"""The metainfo and desktop file as installed in the Flatpak pass appstreamcli validate --no-net
and desktop-file-validate, run inside the SDK (flatpak run --devel) on the files under /app; and
the desktop file as Flatpak exported it to the desktop (Exec rewritten to `flatpak run`) passes
desktop-file-validate too."""

import os

from fpharness import APP_ID, check, note, run, run_in_sandbox

EXPORTS = os.path.join(os.environ.get("FLATPAK_USER_DIR", ""), "exports", "share")


def in_sdk(*command, extra=()):
    result = run_in_sandbox(*command, extra=("--devel", *extra))
    note(f"{' '.join(command)}: status {result.returncode}\n{(result.stdout + result.stderr).strip()}")
    return result


def main():
    # flatpak-builder 1.2 moves share/metainfo/ID.metainfo.xml to share/appdata/ID.appdata.xml.
    found = run_in_sandbox("sh", "-c", f"ls /app/share/metainfo/{APP_ID}.metainfo.xml "
                                       f"/app/share/appdata/{APP_ID}.appdata.xml 2>/dev/null").stdout.split()
    check(len(found) == 1, f"the app installs one metainfo file ({found})")
    metainfo = found[0]
    check(in_sdk("appstreamcli", "validate", "--no-net", metainfo).returncode == 0,
          f"appstreamcli validate --no-net {metainfo} passes as installed")
    composed = run_in_sandbox("sh", "-c", f"ls /app/share/app-info/xmls/{APP_ID}.xml.gz").returncode
    check(composed == 0, "flatpak-builder composed the AppStream catalogue data (app-info/xmls)")

    desktop = f"/app/share/applications/{APP_ID}.desktop"
    check(in_sdk("desktop-file-validate", desktop).returncode == 0,
          f"desktop-file-validate {desktop} passes as installed")

    exported = os.path.join(EXPORTS, "applications", f"{APP_ID}.desktop")
    check(os.path.isfile(exported), f"the desktop file is exported ({exported})")
    with open(exported, encoding="utf-8") as file:
        text = file.read()
    check("Exec=/usr/bin/flatpak run" in text and APP_ID in text, "its Exec line starts the app with flatpak run")
    # The export is a link into the app's deployment: validate the file it points to.
    real = os.path.realpath(exported)
    check(in_sdk("desktop-file-validate", real,
                 extra=(f"--filesystem={os.path.dirname(real)}:ro",)).returncode == 0,
          "desktop-file-validate passes on the exported desktop file")

    icon = os.path.join(EXPORTS, "icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg")
    check(os.path.isfile(icon), f"the app's icon is exported ({icon})")


if __name__ == "__main__":
    run(main)
