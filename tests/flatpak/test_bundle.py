#!/usr/bin/env python3
"""The .flatpak bundle that build-aux/dev flatpak writes installs with `flatpak install --bundle`
into a fresh installation that has only the runtime (org.gnome.Platform, no SDK), and runs there:
`--version` answers from inside the sandbox and the window appears with the outcomes."""

import os
import re
import shutil

from fpharness import APP_ID, SOURCE_DIR, App, check, flatpak, load_pack, note, run, skip

BUNDLE = os.environ.get("MSCOS_FLATPAK_BUNDLE", "")
RUNTIME_REPO = os.environ.get("MSCOS_FLATPAK_RUNTIME_REPO", "")
REMOTE = os.environ.get("MSCOS_FLATPAK_REMOTE", "mscos-standin")


def project_version():
    with open(os.path.join(SOURCE_DIR, "meson.build"), encoding="utf-8") as file:
        return re.search(r"version:\s*'([^']+)'", file.read()).group(1)


def main():
    if not BUNDLE or not RUNTIME_REPO:
        skip("MSCOS_FLATPAK_BUNDLE and MSCOS_FLATPAK_RUNTIME_REPO are not set (run through build-aux/flatpak-tests)")
    check(os.path.isfile(BUNDLE), f"the bundle exists ({BUNDLE})")
    note(f"bundle size: {os.path.getsize(BUNDLE)} bytes")
    # Beside the private installation, so that installing the runtime hard-links its files.
    installation = os.path.join(os.path.dirname(os.environ["FLATPAK_USER_DIR"]), "bundle-check")
    shutil.rmtree(installation, ignore_errors=True)
    env = dict(os.environ, FLATPAK_USER_DIR=installation)
    try:
        flatpak("--user", "remote-add", "--no-gpg-verify", REMOTE, f"file://{RUNTIME_REPO}", env=env)
        flatpak("--user", "install", "-y", "--noninteractive", REMOTE, "org.gnome.Platform//51", env=env)
        result = flatpak("--user", "install", "-y", "--noninteractive", "--bundle", BUNDLE, env=env)
        note(result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "installed")
        check(True, "flatpak install --bundle installs it into a fresh installation")
        listed = flatpak("--user", "list", "--columns=application,branch,runtime", env=env).stdout
        note(listed.strip())
        check(f"{APP_ID}\tmaster\torg.gnome.Platform/x86_64/51" in listed
              and "org.gnome.Sdk" not in listed,
              "the installation has the app and the Platform runtime only (no SDK needed)")

        version = flatpak("run", "--user", APP_ID, "--version", env=env).stdout.strip()
        check(project_version() in version, f"the bundled app runs in its sandbox: --version says {version!r}")

        pack = load_pack()
        with App(env={"FLATPAK_USER_DIR": installation}) as app:
            sidebar = app.find("Outcomes", role="list")
            app.find(pack["outcomes"][-1]["title"], role="list item", parent=sidebar)
            check(True, "the bundled app's window appears with the outcomes")
            app.quit()
            check(app.process.returncode == 0, "it quits cleanly")
    finally:
        flatpak("--user", "uninstall", "-y", "--noninteractive", "--all", env=env, check_status=False)
        shutil.rmtree(installation, ignore_errors=True)


if __name__ == "__main__":
    run(main)
