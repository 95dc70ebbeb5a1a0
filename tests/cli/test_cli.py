#!/usr/bin/env python3
"""The command line, without a display: --validate reports every problem with its JSON path and
the exit status, --search prints ITEM-ID, OUTCOME-ID, KIND and EXCERPT separated by tabs, best
first, and exits 0 with no result too; --content applies to both."""

import json
import os
import subprocess
import sys
import tempfile

SOURCE_DIR = os.environ["MSCOS_SOURCE_DIR"]
PROGRAM = os.environ.get("MSCOS_PROGRAM", "mscos-outcomes")
PACK = os.path.join(SOURCE_DIR, "resources", "content", "mscos.json")
EVERY_KIND = os.path.join(SOURCE_DIR, "tests", "data", "good", "every-kind.json")
BAD_DIR = os.path.join(SOURCE_DIR, "tests", "data", "bad")

failures = 0


def check(condition, message):
    global failures
    print(("ok - " if condition else "not ok - ") + message)
    if not condition:
        failures += 1


def run(*args, env=None):
    run_env = dict(os.environ)
    run_env.pop("DISPLAY", None)
    run_env.pop("WAYLAND_DISPLAY", None)
    run_env.update(env or {})
    return subprocess.run([PROGRAM, *args], capture_output=True, text=True, env=run_env, timeout=60)


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

    print(f"{'all checks passed' if failures == 0 else f'{failures} checks failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
