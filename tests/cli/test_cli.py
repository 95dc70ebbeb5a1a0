#!/usr/bin/env python3
"""The command line, without a display: --validate reports every problem with its JSON path and
the exit status, --search prints ITEM-ID, OUTCOME-ID, KIND and EXCERPT separated by tabs, best
first, and exits 0 with no result too; --content applies to both. A command-line mode only reads
the user's library: it never deletes, renames or writes a file in its folder. No run prints a
GLib warning or critical."""

import json
import os
import re
import subprocess
import sys
import tempfile

# How GLib prints a warning or a critical, with a log domain or without.
GLIB_PROBLEM = re.compile(r"(^|[-\s(])(WARNING|CRITICAL) \*\*")

SOURCE_DIR = os.environ["MSCOS_SOURCE_DIR"]
PROGRAM = os.environ.get("MSCOS_PROGRAM", "mscos-outcomes")
PACK = os.path.join(SOURCE_DIR, "resources", "content", "mscos.json")
EVERY_KIND = os.path.join(SOURCE_DIR, "tests", "data", "good", "every-kind.json")
BAD_DIR = os.path.join(SOURCE_DIR, "tests", "data", "bad")

failures = 0
glib_problems = []


def check(condition, message):
    global failures
    print(("ok - " if condition else "not ok - ") + message)
    if not condition:
        failures += 1


def run(*args, env=None):
    run_env = dict(os.environ)
    run_env.pop("DISPLAY", None)
    run_env.pop("WAYLAND_DISPLAY", None)
    run_env["G_DEBUG"] = "fatal-criticals"
    run_env.update(env or {})
    result = subprocess.run([PROGRAM, *args], capture_output=True, text=True, env=run_env, timeout=60)
    glib_problems.extend(f"{args[0]}: {line}" for line in result.stderr.splitlines()
                         if GLIB_PROBLEM.search(line))
    return result


def folder_contents(folder):
    contents = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as file:
            contents[name] = file.read()
    return contents


def check_library_untouched(home, env):
    """--search reads the user's notes, and changes nothing in their folder: not a broken
    library file (which the app, not a command, sets aside and tells the user about), not what
    a killed save left behind."""
    entry = {"pack": "uk.co.mscos.content", "item": "safety.quote-keith",
             "note": {"text": "zebracornish", "created": "2026-01-01T00:00:00Z",
                      "modified": "2026-01-01T00:00:00Z"}}
    backup = json.dumps({"format": "mscos-library", "version": 1, "entries": [entry]})
    folders = [os.path.join(home, "data", app_id) for app_id in ("uk.co.mscos.Outcomes", "uk.co.mscos.Outcomes.Devel")]
    for library, what in (("{ this is not a library", "a broken library file"),
                          (backup, "a good library file")):
        for folder in folders:
            os.makedirs(folder, mode=0o700, exist_ok=True)
            for name, text in (("library.json", library), ("library.json.Ab3xYz", "half a fi"),
                               ("library.json.backup", backup)):
                with open(os.path.join(folder, name), "w", encoding="utf-8") as file:
                    file.write(text)
        before = [folder_contents(folder) for folder in folders]
        result = run("--search", "zebracornish", env=env)
        check(result.returncode == 0 and [folder_contents(folder) for folder in folders] == before,
              f"--search with {what}, a backup and a killed save's file in the folder changes none of them")


def main():
    home = tempfile.mkdtemp(prefix="mscos-cli-")
    env = {"XDG_DATA_HOME": os.path.join(home, "data"), "XDG_CONFIG_HOME": os.path.join(home, "config")}

    # --validate
    result = run("--validate", PACK, EVERY_KIND, env=env)
    with open(PACK, encoding="utf-8") as file:
        outcomes = len(json.load(file)["outcomes"])
    lines = result.stdout.splitlines()
    check(result.returncode == 0, "--validate exits 0 for good packs")
    check(len(lines) == 2 and lines[0].startswith(f"{PACK}: ok: {outcomes} outcomes, ")
          and lines[0].endswith(" items"), f"a good pack gives 'FILE: ok: N outcomes, M items' ({lines[:1]})")

    expected = {}
    with open(os.path.join(BAD_DIR, "EXPECTED"), encoding="utf-8") as file:
        for line in file:
            if line.strip() and not line.startswith("#"):
                name, text = line.rstrip("\n").split("\t", 1)
                expected[name] = text
    all_found = True
    for name, text in sorted(expected.items()):
        path = os.path.join(BAD_DIR, name)
        result = run("--validate", path, env=env)
        lines = result.stdout.splitlines()
        found = result.returncode == 1 and any(line.startswith(f"{path}: ") and text in line for line in lines)
        if not found:
            print(f"  {name}: exit {result.returncode}, output {lines[:3]}")
            all_found = False
    check(all_found, f"--validate refuses all {len(expected)} malformed packs, exit 1, each problem as 'FILE: PATH: message'")

    result = run("--validate", "/nonexistent/pack.json", env=env)
    check(result.returncode == 1 and "cannot be read" in result.stdout, "--validate says a missing file cannot be read")
    result = run("--validate", env=env)
    check(result.returncode == 2, "--validate without a file is a usage error")

    # --search
    result = run("--search", "Kalayaan", env=env)
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    check(result.returncode == 0 and len(rows) > 0, "--search finds Kalayaan and exits 0")
    check(all(len(row) == 4 for row in rows), "every result line has four tab-separated fields")
    check(all(row[1] == "safety" for row in rows) and all("Kalayaan" in row[3] for row in rows[:3]),
          "results carry their outcome and an excerpt with the match")
    result = run("--search", "first responder", env=env)
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    check(rows and rows[0][2] == "recommendation" and "First Responder" in rows[0][3],
          f"the best result for 'first responder' comes first ({rows[0][:3] if rows else None})")
    result = run("--search", "cafe owners", "--content", EVERY_KIND, env=env)
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    check(rows and rows[0][0] == "safety.quote-keith" and "café" in rows[0][3],
          "--content applies to --search, accents are ignored and kept in the excerpt")
    result = run("--search", "zzqxj", env=env)
    check(result.returncode == 0 and result.stdout == "", "a search without results prints nothing and exits 0")
    result = run("--search", "x", "--content", os.path.join(BAD_DIR, "08-missing-format.json"), env=env)
    check(result.returncode == 1 and "format" in result.stderr, "--search on a bad pack says why and exits 1")

    check_library_untouched(home, env)

    check(not glib_problems, "no run printed a GLib warning or critical" + "".join(f"\n  {p}" for p in glib_problems))

    print(f"{'all checks passed' if failures == 0 else f'{failures} checks failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
