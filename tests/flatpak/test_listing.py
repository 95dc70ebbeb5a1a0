#!/usr/bin/env python3
"""What Flathub lists: the screenshots and the metainfo's pedantic validation.

- Screenshots (Flathub's MetaInfo and quality guidelines): at least one, exactly one of type
  "default", each with a one-sentence caption without a full stop; each image a PNG in
  docs/screenshots/ at most 1000×700, addressed as that file in the project's repository at the
  release tag (the release manifest's git source and tag; the tag is v + the newest release in
  the metainfo), so that a release's listing never changes under it.
- `appstreamcli validate --pedantic` on the metainfo as installed, in the SDK: every note it
  prints is one of EXPLAINED below."""

import json
import os
import re
import xml.etree.ElementTree as ElementTree

import gi

gi.require_version("GdkPixbuf", "2.0")
from gi.repository import GdkPixbuf  # noqa: E402

from fpharness import APP_ID, SOURCE_DIR, check, note, run, run_in_sandbox  # noqa: E402

METAINFO = os.path.join(SOURCE_DIR, "data", "uk.co.mscos.Outcomes.metainfo.xml.in.in")
RELEASE_MANIFEST = os.path.join(SOURCE_DIR, "flatpak", "uk.co.mscos.Outcomes.json")
SCREENSHOTS = os.path.join(SOURCE_DIR, "docs", "screenshots")
MAX_WIDTH, MAX_HEIGHT = 1000, 700

# appstreamcli's pedantic notes that stay, and why.
EXPLAINED = {
    "cid-contains-uppercase-letter":
        "The ID is the app's D-Bus name, GSettings path and Flatpak ID, in the reverse-DNS "
        "CamelCase that GNOME and Flathub use (org.gnome.TextEditor); lowercasing it would make "
        "another app as far as every installation is concerned.",
}


def raw_url_base():
    with open(RELEASE_MANIFEST, encoding="utf-8") as file:
        manifest = json.load(file)
    source = manifest["modules"][-1]["sources"][0]
    repository = source["url"].removesuffix(".git")
    check(repository.startswith("https://gitlab.com/"), f"the release is built from {repository}")
    return f"{repository}/-/raw/{source['tag']}/docs/screenshots/", source["tag"]


def screenshots():
    root = ElementTree.parse(METAINFO).getroot()
    newest = root.find("releases/release").get("version")
    base, tag = raw_url_base()
    check(tag == f"v{newest}", f"the release manifest's tag {tag} is the metainfo's newest release {newest}")

    shots = root.findall("screenshots/screenshot")
    check(len(shots) >= 1, f"the metainfo lists screenshots ({len(shots)})")
    defaults = [shot for shot in shots if shot.get("type") == "default"]
    check(len(defaults) == 1 and shots[0] is defaults[0], "exactly one is the default, and it comes first")
    for shot in shots:
        caption = (shot.findtext("caption") or "").strip()
        check(caption and not caption.endswith(".") and not caption[0].isdigit()
              and len(re.findall(r"[.!?](\s|$)", caption)) == 0,
              f"a one-sentence caption without a full stop: “{caption}”")
        images = shot.findall("image")
        check(len(images) == 1, "one image")
        url = images[0].text.strip()
        check(url.startswith(base) and url.count("/") == base.count("/"),
              f"{url} is in docs/screenshots/ at the release tag")
        path = os.path.join(SCREENSHOTS, url[len(base):])
        check(os.path.isfile(path), f"docs/screenshots/{url[len(base):]} is committed")
        info, width, height = GdkPixbuf.Pixbuf.get_file_info(path)
        check(info is not None and info.get_name() == "png" and width <= MAX_WIDTH and height <= MAX_HEIGHT,
              f"it is a PNG of {width}×{height}, within Flathub's {MAX_WIDTH}×{MAX_HEIGHT}")


def pedantic():
    found = run_in_sandbox("sh", "-c", f"ls /app/share/metainfo/{APP_ID}.metainfo.xml "
                                       f"/app/share/appdata/{APP_ID}.appdata.xml 2>/dev/null").stdout.split()
    check(len(found) == 1, f"the app installs one metainfo file ({found})")
    result = run_in_sandbox("appstreamcli", "validate", "--pedantic", "--no-net", found[0], extra=("--devel",))
    output = (result.stdout + result.stderr).strip()
    note(f"appstreamcli validate --pedantic --no-net {found[0]}: status {result.returncode}\n{output}")
    check(result.returncode == 0, "it validates")
    # Each issue is a line "X: ID:LINE: tag details" (X: E, W, I or P).
    tags = re.findall(r"^[EWIP]: [^ ]+? ([a-z0-9-]+)(?: |$)", output, re.M)
    for tag in sorted(set(tags)):
        check(tag in EXPLAINED, f"pedantic note {tag} is explained")
        note(f"{tag}: {EXPLAINED[tag]}")
    check(tags or "Validation was successful" in output, "appstreamcli printed its verdict")


def main():
    screenshots()
    pedantic()


if __name__ == "__main__":
    run(main)
