#!/usr/bin/env python3
"""The sandbox cannot read the user's files: a file placed in the home folder, outside the app's
own data, is not there for a command run inside the app's sandbox (flatpak run --command), while
a file in the app's own data folder (~/.var/app/APP_ID/data) is. The repository and the private
Flatpak installation (in the real user's cache folder) are out of reach too."""

import os
import secrets

from fpharness import APP_DATA, HOME, SOURCE_DIR, check, note, run, run_in_sandbox


def read_inside(path):
    """What `cat PATH` gives inside the sandbox: (exit status, output)."""
    result = run_in_sandbox("sh", "-c", 'cat -- "$1" 2>&1', "sh", path)
    return result.returncode, result.stdout


def main():
    token = secrets.token_hex(16)
    outside = os.path.join(HOME, "mscos-outside-the-app.txt")
    documents = os.path.join(HOME, "Documents", "mscos-notes.txt")
    inside = os.path.join(APP_DATA, "mscos-inside-the-app.txt")
    os.makedirs(os.path.dirname(documents), exist_ok=True)
    os.makedirs(APP_DATA, exist_ok=True)
    for path in (outside, documents, inside):
        with open(path, "w", encoding="utf-8") as file:
            file.write(f"secret {token}\n")

    status, output = read_inside(inside)
    check(status == 0 and token in output, f"the sandbox reads a file in its own data folder ({inside})")

    for path in (outside, documents):
        status, output = read_inside(path)
        note(f"cat {path} inside the sandbox: status {status}: {output.strip()}")
        check(status != 0 and token not in output, f"the sandbox cannot read {path}")

    listing = run_in_sandbox("sh", "-c", 'ls -A "$HOME"').stdout.split()
    note(f"the home folder as the sandbox sees it: {listing}")
    check("mscos-outside-the-app.txt" not in listing and "Documents" not in listing,
          "the home folder inside the sandbox shows none of the user's files")

    seen = run_in_sandbox("sh", "-c", 'echo "$HOME|$XDG_DATA_HOME"').stdout.strip()
    check(seen == f"{HOME}|{APP_DATA}", f"inside, XDG_DATA_HOME is the app's own folder ({seen})")

    installation = os.environ.get("FLATPAK_USER_DIR", "/nonexistent")
    for path in (os.path.join(SOURCE_DIR, "meson.build"), os.path.join(installation, "repo", "config")):
        status, output = read_inside(path)
        check(status != 0, f"the sandbox cannot read {path}")


if __name__ == "__main__":
    run(main)
