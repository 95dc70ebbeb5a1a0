#!/usr/bin/env python3
"""Adds up the results of meson's test logs and prints the last line of `build-aux/dev test`:
"N passed, M failed". Exits non-zero when anything failed or no test ran at all."""

import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}


def main(paths):
    passed = failed = skipped = 0
    failures = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as log:
                for line in log:
                    line = line.strip()
                    if not line:
                        continue
                    result = json.loads(line)
                    outcome = result.get("result")
                    if outcome in PASSED:
                        passed += 1
                    elif outcome in SKIPPED:
                        skipped += 1
                        failures.append(f"skipped: {result.get('name')}")
                    else:
                        failed += 1
                        failures.append(f"{outcome.lower()}: {result.get('name')}")
        except FileNotFoundError:
            failed += 1
            failures.append(f"missing results: {path}")
    for failure in failures:
        print(f"  {failure}")
    if skipped:
        print(f"{skipped} skipped")
    if passed + failed == 0:
        failed = 1
        print("  no test ran")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
