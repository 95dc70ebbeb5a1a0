#!/usr/bin/env python3
"""Flathub's own linter, flatpak-builder-lint (flathub-infra/flatpak-builder-lint), passes on both
manifests, on flatpak-builder's build directory and on its repository, apart from the stand-in
artefacts listed in KNOWN below, each explained and, where this machine can, checked.

Where the linter comes from (it is not packaged by Debian, and this project keeps none of it):
- `flatpak-builder-lint` on PATH (Flathub's org.flatpak.Builder, or a wrapper around it) is run
  as it is, on this machine, with its own network look-ups;
- otherwise MSCOS_FLATPAK_BUILDER_LINT naming a checkout of its repository is run with the
  Python of the Debian 13 development root (MSCOS_DEV_ROOT), which has the modules it imports
  (build-aux/dev-packages.txt), with no network: what it would fetch or lacks is stubbed as its
  own tests stub it (tests/conftest.py there), in a folder this check makes and deletes;
- with neither, the check is skipped and says so (README.md, Flatpak, says how to get it)."""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

from fpharness import APP_ID, SOURCE_DIR, check, fail, note, run, skip

LINTER_ENV = "MSCOS_FLATPAK_BUILDER_LINT"
BUILD_APP = os.environ.get("MSCOS_FLATPAK_BUILDER_APP", "")
BUILD_REPO = os.environ.get("MSCOS_FLATPAK_BUILDER_REPO", "")
ROOT = os.environ.get("MSCOS_DEV_ROOT", "")
MANIFESTS = ("flatpak/uk.co.mscos.Outcomes.json", "flatpak/uk.co.mscos.Outcomes.Devel.json")
RELEASE_MANIFEST = MANIFESTS[0]

# What the linter reports here and not on Flathub: message → (the checks that report it, why).
KNOWN = {
    "appstream-missing-developer-name": (
        {"builddir", "repo"},
        "The stand-in build composes the AppStream catalogue (share/app-info/xmls) with "
        "flatpak-builder 1.2's appstream-compose (Debian's appstream-util), which drops "
        "<developer>; Flathub's flatpak-builder composes with appstreamcli, which keeps it. "
        "The metainfo itself has it (checked below)."),
    "appstream-external-screenshot-url": (
        {"builddir", "repo"},
        "Flathub builds with --mirror-screenshots-url=https://dl.flathub.org/media, which "
        "downloads the screenshots and points the catalogue at its copies. This build is offline "
        "and cannot fetch them, so the catalogue keeps the metainfo's addresses (checked below: "
        "the same addresses, each naming a file in docs/screenshots/)."),
    "appstream-screenshots-not-mirrored-in-ostree": (
        {"repo"},
        "The same mirroring commits the downloaded screenshots to the repository as a "
        "screenshots/ARCH ref; without it the repository has none (checked below)."),
}


def show_manifest(path):
    """The manifest as this machine's flatpak-builder reads it (the linter asks for that)."""
    result = subprocess.run(["flatpak-builder", "--show-manifest", path], capture_output=True,
                            text=True, env=dict(os.environ, LC_ALL="C", G_MESSAGES_PREFIXED="all"))
    if result.returncode != 0:
        fail(f"flatpak-builder --show-manifest {path}: {result.stderr.strip()}")
    return result.stdout


# Run inside the development root: the linter's own entry point, with what needs the network
# replaced the way its tests do (tests/conftest.py there: mock_domainutils).
RUNNER = r'''
import json
import sys
from unittest.mock import patch

def check_url(url, strict=False):
    print(f"not checked offline: {url}", file=sys.stderr)
    return True, None

with open(sys.argv[1], encoding="utf-8") as file:
    runtime = json.load(file)
# Flathub's repository summary, as far as these checks read it: the runtime the manifests name,
# none of it end-of-life, and no app of ours already published.
refs = {f"runtime/{name}/x86_64/{runtime['version']}" for name in runtime["names"]}
sys.argv = ["flatpak-builder-lint", *sys.argv[2:]]
with patch("flatpak_builder_lint.domainutils.check_url", side_effect=check_url), \
     patch("flatpak_builder_lint.domainutils.get_refs_from_summary", return_value=refs), \
     patch("flatpak_builder_lint.domainutils.get_eol_runtimes_on_flathub", return_value=set()), \
     patch("flatpak_builder_lint.domainutils.get_remote_exceptions_github", return_value=set()), \
     patch("flatpak_builder_lint.domainutils.get_remote_exceptions_flathub", return_value=set()):
    from flatpak_builder_lint import cli
    cli.main()
'''

# publicsuffixlist is not packaged by Debian. The linter asks it only whether the domain of an
# app ID that is not on a code host is a private suffix (such as github.io); co.uk is a public
# (ICANN) suffix, so for uk.co.mscos.* the true answer is no.
PUBLICSUFFIXLIST = '''
class PublicSuffixList:
    def is_private(self, domain):
        return False

    def privatesuffix(self, domain):
        return None
'''


class CheckoutLinter:
    """A checkout of the linter run with the development root's Python, offline."""

    def __init__(self, checkout):
        if not os.path.isfile(os.path.join(checkout, "flatpak_builder_lint", "cli.py")):
            fail(f"{LINTER_ENV}={checkout} is not a checkout of flatpak-builder-lint")
        if not (ROOT and os.path.isfile(os.path.join(ROOT, "usr", "bin", "python3"))):
            fail("MSCOS_DEV_ROOT does not name the development root, whose Python runs the linter")
        self.checkout = checkout
        self.stubs = tempfile.mkdtemp(prefix="mscos-lint-stubs-")
        self.write_stubs()

    def in_root(self, *command):
        return ["bwrap", "--ro-bind", ROOT, "/", "--dev", "/dev", "--proc", "/proc",
                "--tmpfs", "/tmp", "--tmpfs", "/run", "--unshare-net",
                "--ro-bind", self.checkout, "/tmp/lint/linter",
                "--ro-bind", self.stubs, "/tmp/lint/stubs",
                "--ro-bind", SOURCE_DIR, "/tmp/lint/src",
                "--ro-bind", BUILD_APP, "/tmp/lint/builddir",
                "--ro-bind", BUILD_REPO, "/tmp/lint/repo",
                "--chdir", "/tmp/lint/src", "--clearenv",
                "--setenv", "PATH", "/tmp/lint/stubs/bin:/usr/bin:/bin", "--setenv", "LANG", "C.UTF-8",
                "--setenv", "HOME", "/tmp", "--setenv", "XDG_CACHE_HOME", "/tmp/cache",
                "--setenv", "XDG_STATE_HOME", "/tmp/state",
                "--setenv", "PYTHONPATH", "/tmp/lint/linter:/tmp/lint/stubs/python",
                "--setenv", "PYTHONDONTWRITEBYTECODE", "1", "--die-with-parent", *command]

    def root_has(self, *command):
        return subprocess.run(self.in_root(*command), capture_output=True).returncode == 0

    def write_stubs(self):
        python = os.path.join(self.stubs, "python")
        binaries = os.path.join(self.stubs, "bin")
        os.makedirs(python)
        os.makedirs(binaries)
        stubbed = []
        # The checkout is not installed: its version, for importlib.metadata.
        with open(os.path.join(self.checkout, "pyproject.toml"), encoding="utf-8") as file:
            version = re.search(r'^version = "([^"]+)"', file.read(), re.M).group(1)
        dist_info = os.path.join(python, f"flatpak_builder_lint-{version}.dist-info")
        os.makedirs(dist_info)
        with open(os.path.join(dist_info, "METADATA"), "w", encoding="utf-8") as file:
            file.write(f"Metadata-Version: 2.1\nName: flatpak_builder_lint\nVersion: {version}\n")
        with open(os.path.join(python, "mscos_lint_runner.py"), "w", encoding="utf-8") as file:
            file.write(RUNNER)
        stubbed.append("Flathub's repository summary, its exception lists and URL checks (network)")
        if not self.root_has("python3", "-c", "import publicsuffixlist"):
            with open(os.path.join(python, "publicsuffixlist.py"), "w", encoding="utf-8") as file:
                file.write(PUBLICSUFFIXLIST)
            stubbed.append("publicsuffixlist (not in Debian; answers that no domain is private)")
        if not self.root_has("sh", "-c", "command -v flatpak-builder"):
            # The root has no flatpak-builder: it prints what this machine's shows for each manifest.
            lines = ["#!/bin/sh", '[ "$1" = --show-manifest ] || exit 1', 'case "$2" in']
            for manifest in MANIFESTS:
                shown = os.path.join(self.stubs, os.path.basename(manifest) + ".shown")
                with open(shown, "w", encoding="utf-8") as file:
                    file.write(show_manifest(os.path.join(SOURCE_DIR, manifest)))
                lines.append(f"  */{os.path.basename(manifest)}) cat {shlex.quote('/tmp/lint/stubs/' + os.path.basename(shown))} ;;")
            lines += ["  *) exit 1 ;;", "esac", ""]
            stub = os.path.join(binaries, "flatpak-builder")
            with open(stub, "w", encoding="utf-8") as file:
                file.write("\n".join(lines))
            os.chmod(stub, 0o755)
            stubbed.append("flatpak-builder --show-manifest (the root has none: this machine's output)")
        with open(os.path.join(SOURCE_DIR, RELEASE_MANIFEST), encoding="utf-8") as file:
            release = json.load(file)
        runtime = {"version": release["runtime-version"], "names": [release["runtime"], release["sdk"]]}
        with open(os.path.join(self.stubs, "runtime.json"), "w", encoding="utf-8") as file:
            json.dump(runtime, file)
        self.description = (f"the checkout {self.checkout} (version {version}) with the development "
                            f"root's Python, offline; stubbed: {'; '.join(stubbed)}")

    def command(self, kind, path):
        inside = {"builddir": "/tmp/lint/builddir", "repo": "/tmp/lint/repo"}.get(kind, f"/tmp/lint/src/{path}")
        return self.in_root("python3", "-m", "mscos_lint_runner", "/tmp/lint/stubs/runtime.json", kind, inside)

    def close(self):
        shutil.rmtree(self.stubs, ignore_errors=True)


class InstalledLinter:
    """flatpak-builder-lint on PATH, run as it is."""

    def __init__(self, program):
        self.description = f"{program} on PATH, as it is"
        self.program = program

    def command(self, kind, path):
        target = {"builddir": BUILD_APP, "repo": BUILD_REPO}.get(kind, os.path.join(SOURCE_DIR, path))
        return [self.program, kind, target]

    def close(self):
        pass


def find_linter():
    program = shutil.which("flatpak-builder-lint")
    if program:
        return InstalledLinter(program)
    checkout = os.environ.get(LINTER_ENV)
    if checkout:
        return CheckoutLinter(os.path.abspath(checkout))
    skip("flatpak-builder-lint is not on PATH and MSCOS_FLATPAK_BUILDER_LINT is not set, so Flathub's "
         "linter was not run (README.md, Flatpak, says how to get it)")


def lint(linter, kind, path=""):
    command = linter.command(kind, path)
    label = f"{kind} {path}".strip()
    result = subprocess.run(command, capture_output=True, text=True, timeout=240)
    for line in result.stderr.splitlines():
        if line.startswith("not checked offline: "):
            note(f"{label}: {line}")
        elif line.strip():
            print(f"    {line}", file=sys.stderr)
    output = result.stdout.strip()
    note(f"flatpak-builder-lint {label}: status {result.returncode}\n{output or '(no findings)'}")
    if result.returncode not in (0, 1):
        fail(f"flatpak-builder-lint {kind} stopped with status {result.returncode}")
    findings = json.loads(output[output.index("{"):]) if "{" in output else {}
    if result.returncode == 1 and not findings.get("errors"):
        fail(f"flatpak-builder-lint {kind} failed without saying why")
    return findings


def installed_metainfo():
    share = os.path.join(BUILD_APP, "files", "share")
    for path in (f"metainfo/{APP_ID}.metainfo.xml", f"appdata/{APP_ID}.appdata.xml"):
        if os.path.isfile(os.path.join(share, path)):
            return ElementTree.parse(os.path.join(share, path)).getroot()
    fail("the build directory has no metainfo")


def verify_known(message):
    """Checks on this machine what KNOWN says of MESSAGE."""
    if message == "appstream-missing-developer-name":
        developer = installed_metainfo().find("developer")
        check(developer is not None and developer.get("id") and (developer.findtext("name") or "").strip(),
              "the installed metainfo has <developer id=…> with a <name>: only the catalogue lacks it")
    elif message == "appstream-external-screenshot-url":
        import gzip
        with gzip.open(os.path.join(BUILD_APP, "files", "share", "app-info", "xmls", f"{APP_ID}.xml.gz")) as file:
            catalogue = ElementTree.parse(file).getroot()
        shown = sorted(image.text.strip() for image in catalogue.iter("image"))
        listed = sorted(image.text.strip() for image in installed_metainfo().iter("image"))
        check(shown and shown == listed, f"the catalogue keeps the metainfo's {len(listed)} screenshot addresses")
        missing = [url for url in shown if not os.path.isfile(os.path.join(SOURCE_DIR, "docs", "screenshots",
                                                                          url.rsplit("/", 1)[-1]))]
        check(not missing, f"each names a file in docs/screenshots/ ({missing or 'all there'})")
    elif message == "appstream-screenshots-not-mirrored-in-ostree":
        refs = subprocess.run(["ostree", "refs", f"--repo={BUILD_REPO}"], capture_output=True, text=True,
                              check=True).stdout.split()
        check(not [r for r in refs if r.startswith("screenshots/")],
              f"the repository has no screenshots/ ref ({', '.join(refs)})")


def main():
    if not (BUILD_APP and os.path.isdir(BUILD_APP) and BUILD_REPO and os.path.isdir(BUILD_REPO)):
        fail("flatpak-builder's build directory and repository were not found (build-aux/flatpak env)")
    linter = find_linter()
    note(f"Flathub's linter: {linter.description}")
    unexpected = []
    seen = set()
    try:
        runs = [("manifest", manifest) for manifest in MANIFESTS] + [("builddir", ""), ("repo", "")]
        for kind, path in runs:
            findings = lint(linter, kind, path)
            for message in findings.get("errors", []) + findings.get("warnings", []):
                known = KNOWN.get(message)
                if known and kind in known[0]:
                    seen.add(message)
                    note(f"{kind}: {message} — a stand-in artefact: {known[1]}")
                else:
                    unexpected.append(f"{kind} {path}".strip() + f": {message}")
            for line in findings.get("appstream", []) + findings.get("desktopfile", []) + findings.get("jsonschema", []):
                unexpected.append(f"{kind} {path}".strip() + f": {line.strip()}")
    finally:
        linter.close()
    for message in sorted(seen):
        verify_known(message)
    for message in sorted(set(KNOWN) - seen):
        note(f"{message} is no longer reported: take it out of KNOWN")
    check(not unexpected, "flatpak-builder-lint finds nothing else" +
          (": " + "; ".join(unexpected) if unexpected else f" ({len(runs)} runs)"))


if __name__ == "__main__":
    run(main)
