#!/usr/bin/env python3
"""Every file of JSONTestSuite's test_parsing/ (tests/data/jsontestsuite/) through --validate:
files the JSON grammar refuses (n_) are refused as not JSON, with their line and column; files
it accepts (y_) and those it leaves to the parser (i_) are refused too, as JSON or as content,
since none of them is a pack. Nothing crashes, hangs, says "ok" or prints a control character."""

import os
import re
import subprocess
import sys
import tempfile

SOURCE_DIR = os.environ["MSCOS_SOURCE_DIR"]
PROGRAM = os.environ.get("MSCOS_PROGRAM", "mscos-outcomes")
SUITE_DIR = os.path.join(SOURCE_DIR, "tests", "data", "jsontestsuite")

# What a refusal of the text as JSON looks like, before any content check: a place in the text,
# or nothing to read at all.
PARSE_ERROR = re.compile(r"^(line \d+, column \d+: |the file is empty$)")
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\x80-\x9f]")

failures = 0


def check(condition, message):
    global failures
    print(("ok - " if condition else "not ok - ") + message)
    if not condition:
        failures += 1


def validate(paths, env):
    run_env = dict(os.environ)
    run_env.pop("DISPLAY", None)
    run_env.pop("WAYLAND_DISPLAY", None)
    run_env.update(env)
    # Bytes, not text: the output must be valid UTF-8 and free of control characters, which
    # decoding would hide.
    return subprocess.run([PROGRAM, "--validate", *paths], capture_output=True, env=run_env, timeout=120)


def main():
    home = tempfile.mkdtemp(prefix="mscos-jsontestsuite-")
    env = {"XDG_DATA_HOME": os.path.join(home, "data"), "XDG_CONFIG_HOME": os.path.join(home, "config")}
    names = sorted(name for name in os.listdir(SUITE_DIR) if name.endswith(".json"))
    paths = [os.path.join(SUITE_DIR, name) for name in names]
    check(len(names) == 318, f"JSONTestSuite's 318 files are there ({len(names)})")

    # All files at once, then one at a time only if that went wrong, to name the culprit.
    result = validate(paths, env)
    if result.returncode != 1:
        for path in paths:
            one = validate([path], env)
            if one.returncode != 1:
                print(f"  {os.path.basename(path)}: exit {one.returncode}: {one.stderr[-300:]!r}")
    check(result.returncode == 1, f"--validate refuses them all and exits 1, no crash ({result.returncode})")

    try:
        output = result.stdout.decode("utf-8")
    except UnicodeDecodeError as error:
        output = result.stdout.decode("utf-8", "replace")
        check(False, f"the output is valid UTF-8 ({error})")
    check(CONTROL.search(output) is None, "the output holds no control character but line breaks")

    lines = {path: [] for path in paths}
    for line in output.splitlines():
        for path in paths:
            if line.startswith(path + ": "):
                lines[path].append(line[len(path) + 2:])
                break
        else:
            check(False, f"every line names its file ({line[:80]!r})")

    unreported = [name for name, path in zip(names, paths) if not lines[path]]
    check(not unreported, f"every file gets a report ({unreported[:5]})")

    said_ok = [name for name, path in zip(names, paths) if any(line.startswith("ok") for line in lines[path])]
    check(not said_ok, f"no file is taken for a pack ({said_ok[:5]})")

    not_refused_as_json = []
    for name, path in zip(names, paths):
        if name.startswith("n_") and not all(PARSE_ERROR.match(line) for line in lines[path]):
            not_refused_as_json.append(f"{name}: {lines[path][:1]}")
    for entry in not_refused_as_json:
        print(f"  {entry}")
    n_files = sum(name.startswith("n_") for name in names)
    check(not not_refused_as_json,
          f"all {n_files} files that are not JSON are refused as such, with their place "
          f"({len(not_refused_as_json)} are not)")

    # A string that holds U+0000 is cut there by json-glib: it must be refused, not shortened.
    null_escape = os.path.join(SUITE_DIR, "y_string_null_escape.json")
    check(lines[null_escape] == ["[0]: holds a control character (U+0000)"],
          f"\\u0000 is refused with its place ({lines[null_escape]})")
    null_in_key = os.path.join(SUITE_DIR, "y_object_escaped_null_in_key.json")
    check(lines[null_in_key] == ["a member name holds a control character (U+0000)"],
          f"\\u0000 in a member name is refused ({lines[null_in_key]})")

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
