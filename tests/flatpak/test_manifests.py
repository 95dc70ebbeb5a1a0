#!/usr/bin/env python3
"""The release manifest (flatpak/uk.co.mscos.Outcomes.json, for Flathub: a git source with tag
and commit) and the development one (flatpak/uk.co.mscos.Outcomes.Devel.json: the working tree,
the development profile) agree on everything but the app ID, the profile and the sources. A
member named exactly "//" is each manifest's own description and may differ too; every other
"//…" note (such as the one on finish-args) must agree."""

import copy
import json
import os
import sys

SOURCE_DIR = os.environ.get("MSCOS_SOURCE_DIR",
                            os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
RELEASE = os.path.join(SOURCE_DIR, "flatpak", "uk.co.mscos.Outcomes.json")
DEVEL = os.path.join(SOURCE_DIR, "flatpak", "uk.co.mscos.Outcomes.Devel.json")
APP_MODULE = "mscos-outcomes"

failures = []


def check(condition, message):
    print(("ok - " if condition else "FAIL: ") + message, file=sys.stderr)
    if not condition:
        failures.append(message)


def load(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def app_module(manifest):
    modules = [m for m in manifest.get("modules", []) if isinstance(m, dict) and m.get("name") == APP_MODULE]
    return modules[0] if len(modules) == 1 else None


def profile_of(module):
    opts = [o for o in module.get("config-opts", []) if o.startswith("-Dprofile=")]
    return opts[0].split("=", 1)[1] if len(opts) == 1 else None


def normalise(manifest):
    """The manifest without what may differ: its description, id, the profile and the sources."""
    manifest = copy.deepcopy(manifest)
    manifest.pop("//", None)
    manifest.pop("id", None)
    module = app_module(manifest)
    if module is not None:
        module.pop("sources", None)
        module["config-opts"] = [o for o in module.get("config-opts", [])
                                 if not o.startswith("-Dprofile=")]
    return manifest


def differences(a, b, path="$"):
    if type(a) is not type(b):
        return [f"{path}: {json.dumps(a)} ≠ {json.dumps(b)}"]
    if isinstance(a, dict):
        found = []
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                found.append(f"{path}.{key}: only in the {'release' if key in a else 'development'} manifest")
            else:
                found += differences(a[key], b[key], f"{path}.{key}")
        return found
    if isinstance(a, list):
        if len(a) != len(b):
            return [f"{path}: {json.dumps(a)} ≠ {json.dumps(b)}"]
        found = []
        for i, (x, y) in enumerate(zip(a, b)):
            found += differences(x, y, f"{path}[{i}]")
        return found
    return [] if a == b else [f"{path}: {json.dumps(a)} ≠ {json.dumps(b)}"]


def main():
    release, devel = load(RELEASE), load(DEVEL)

    check(release.get("id") == "uk.co.mscos.Outcomes", "the release manifest builds uk.co.mscos.Outcomes")
    check(devel.get("id") == "uk.co.mscos.Outcomes.Devel", "the development manifest builds uk.co.mscos.Outcomes.Devel")
    rel_module, dev_module = app_module(release), app_module(devel)
    check(rel_module is not None and dev_module is not None, f"both build one module named {APP_MODULE}")
    if rel_module is None or dev_module is None:
        return
    check(profile_of(rel_module) == "default", "the release manifest builds the default profile")
    check(profile_of(dev_module) == "development", "the development manifest builds the development profile")

    rel_sources, dev_sources = rel_module.get("sources", []), dev_module.get("sources", [])
    git = [s for s in rel_sources if s.get("type") == "git"]
    check(len(rel_sources) == 1 and len(git) == 1 and git[0].get("url", "").startswith("https://")
          and "tag" in git[0] and len(git[0].get("commit", "")) == 40,
          "the release manifest takes a git source by https with a tag and a full commit (as Flathub wants)")
    check(len(dev_sources) == 1 and dev_sources[0].get("type") == "dir" and dev_sources[0].get("path") == "..",
          "the development manifest takes the working tree as a dir source")

    found = differences(normalise(release), normalise(devel))
    for line in found:
        print(f"  differs: {line}", file=sys.stderr)
    check(not found, "they agree on everything but id, profile and sources")

    finish = release.get("finish-args", [])
    check("--share=network" in finish and "network" in release.get("//finish-args", ""),
          "finish-args share the network, with a note saying why")


if __name__ == "__main__":
    main()
    if failures:
        sys.exit(1)
    print("all checks passed", file=sys.stderr)
