#!/usr/bin/env python3
"""The command line, without a display: --validate reports every problem with its JSON path and
the exit status, --search prints ITEM-ID, OUTCOME-ID, KIND and EXCERPT separated by tabs, best
first, and exits 0 with no result too; --content applies to both. --export-pdf writes a private
PDF (0600) of outcomes, the Library or a review's consultation table, and refuses an unknown
outcome or an unwritable file with a clear message; --diff prints one change a line (or JSON)
and exits as diff(1); --merge-reviews writes one private table of several reviewers' files,
never doubling a comment, keeping the newer of two versions and saying so. A command-line mode
only reads the user's library: it never deletes, renames or writes a file in its folder. No run
prints a GLib warning or critical."""

import csv
import json
import os
import re
import shutil
import stat
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
REVIEW_DIR = os.path.join(SOURCE_DIR, "tests", "data", "review")
# The second revision of the built-in pack and what comparing them must find, made by the build
# with tests/data/review/make-revision.py.
REVISION = os.environ.get("MSCOS_REVISION", "")
REVISION_EXPECTED = os.environ.get("MSCOS_REVISION_EXPECTED", "")
APP_IDS = ("uk.co.mscos.Outcomes", "uk.co.mscos.Outcomes.Devel")

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


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def pdf_text(path, layout=False):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), path, "-"],
                          capture_output=True, text=True, check=True).stdout


def pdf_page_sizes(path):
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "1000", path], capture_output=True, text=True,
                          check=True).stdout
    return [tuple(float(n) for n in re.search(r"size:\s+([\d.]+) x ([\d.]+)", line).groups())
            for line in info.splitlines() if re.match(r"Page\s+\d+ size:", line)]


def write_library(home, entries):
    for app_id in APP_IDS:
        folder = os.path.join(home, "data", app_id)
        os.makedirs(folder, mode=0o700, exist_ok=True)
        with open(os.path.join(folder, "library.json"), "w", encoding="utf-8") as file:
            json.dump({"format": "mscos-library", "version": 1, "entries": entries}, file)


def check_export_pdf(home, env):
    """--export-pdf, run without a display (run() takes DISPLAY away): no window is needed."""
    folder = tempfile.mkdtemp(prefix="mscos-cli-pdf-")
    with open(PACK, encoding="utf-8") as file:
        pack = json.load(file)
    safety = next(outcome for outcome in pack["outcomes"] if outcome["id"] == "safety")

    path = os.path.join(folder, "safety.pdf")
    with open(path, "w") as file:
        file.write("an older file, readable by all")
    os.chmod(path, 0o644)
    result = run("--export-pdf", path, "--outcome", "safety", env=env)
    text = pdf_text(path) if result.returncode == 0 else ""
    check(result.returncode == 0 and safety["title"] in text and safety["summary"].split()[0] in text,
          f"--export-pdf --outcome safety writes the Safety outcome without a display ({result.stderr.strip()})")
    check(mode(path) == 0o600, f"the PDF is private, also when it replaces a file readable by all ({oct(mode(path))})")
    quotes = [item for section in safety["sections"] for item in section["items"] if item.get("kind") == "quote"]
    words = " ".join(text.split())
    check(all(" ".join(quote["text"].split()[:6]) in words for quote in quotes[:5]),
          "the outcome's quotations are in it, word for word")

    path = os.path.join(folder, "two.pdf")
    result = run("--export-pdf", path, "--outcome", "housing", "--outcome", "safety", env=env)
    text = pdf_text(path) if result.returncode == 0 else ""
    housing = next(outcome for outcome in pack["outcomes"] if outcome["id"] == "housing")
    check(result.returncode == 0 and text.find(housing["title"]) >= 0
          and text.find(housing["title"]) < text.find(safety["title"]),
          "--outcome given twice prints both, in the order given")

    path = os.path.join(folder, "whole.pdf")
    result = run("--export-pdf", path, env=env)
    text = pdf_text(path) if result.returncode == 0 else ""
    check(result.returncode == 0 and all(outcome["title"].split()[0] in text for outcome in pack["outcomes"]),
          "--export-pdf with nothing else prints the whole pack")

    path = os.path.join(folder, "unknown.pdf")
    result = run("--export-pdf", path, "--outcome", "safety", "--outcome", "no-such-outcome", env=env)
    check(result.returncode == 1 and "no-such-outcome" in result.stderr and "safety" in result.stderr
          and not os.path.exists(path),
          f"an unknown outcome exits 1, names it and the outcomes there are, and writes nothing ({result.stderr.strip()})")
    result = run("--export-pdf", os.path.join(folder, "no-such-folder", "x.pdf"), "--outcome", "safety", env=env)
    check(result.returncode == 1 and "could not be written" in result.stderr and "x.pdf" in result.stderr,
          f"an unwritable file exits 1 and says why ({result.stderr.strip()})")
    result = run("--outcome", "safety", env=env)
    check(result.returncode == 2 and "--export-pdf" in result.stderr, "--outcome without --export-pdf is a usage error")

    # The Library: bookmarks and notes with the words they are about.
    note = "Bring this to the <b>case</b> conference & ask about the landline"
    write_library(home, [{"pack": "uk.co.mscos.content", "item": "safety.quote-victoria-marks",
                          "bookmark": {"created": "2026-11-28T10:15:00Z"},
                          "note": {"text": note, "created": "2026-11-28T10:15:00Z",
                                   "modified": "2026-11-29T09:00:00Z"}}])
    before = {app_id: folder_contents(os.path.join(home, "data", app_id)) for app_id in APP_IDS}
    path = os.path.join(folder, "library.pdf")
    result = run("--export-pdf", path, "--library", env=env)
    words = " ".join(pdf_text(path).split()) if result.returncode == 0 else ""
    check(result.returncode == 0 and note in words and "Victoria Marks" in words and mode(path) == 0o600,
          "--library prints the note, literally, and the quote it is on, privately")
    check({app_id: folder_contents(os.path.join(home, "data", app_id)) for app_id in APP_IDS} == before,
          "--export-pdf --library changes nothing in the library's folder")

    # A review's consultation table, landscape, with its columns.
    path = os.path.join(folder, "review.pdf")
    result = run("--export-pdf", path, "--review", os.path.join(REVIEW_DIR, "review-team.jsonld"), env=env)
    text = pdf_text(path, layout=True) if result.returncode == 0 else ""
    with open(os.path.join(REVIEW_DIR, "review-team.jsonld"), encoding="utf-8") as file:
        review = json.load(file)
    headings = ["Outcome", "Section", "Item id", "Kind", "Type", "Comment", "Status", "Response"]
    heading_line = next((line for line in text.splitlines() if "Item id" in line), "")
    check(result.returncode == 0 and all(heading in heading_line for heading in headings)
          and [heading_line.index(heading) for heading in headings]
          == sorted(heading_line.index(heading) for heading in headings),
          f"--review prints the consultation table's columns in order ({heading_line.strip()!r})")
    words = " ".join(text.split())
    check(all(" ".join(item["body"]["value"].split()[:3]) in words for item in review["first"]["items"])
          and "Ana Silva" in words and "Accepted" in words,
          "every comment is in the table with its reviewer and status")
    sizes = pdf_page_sizes(path) if result.returncode == 0 else []
    check(sizes and all(width > height for width, height in sizes) and mode(path) == 0o600,
          f"the table is printed landscape, privately ({sizes[:2]})")

    broken = os.path.join(folder, "broken.jsonld")
    review["first"]["items"][1]["motivation"] = "shouting"
    with open(broken, "w", encoding="utf-8") as file:
        json.dump(review, file)
    path = os.path.join(folder, "broken.pdf")
    result = run("--export-pdf", path, "--review", broken, env=env)
    check(result.returncode == 1 and any(line.startswith(f"{broken}: first.items[1].motivation")
                                         for line in result.stderr.splitlines())
          and not os.path.exists(path),
          f"a review file with a problem exits 1 with the problem's place in the file ({result.stderr.strip()})")

    shutil.rmtree(folder)


def diff_lines(result):
    return [line.split("\t") for line in result.stdout.splitlines()]


def check_diff(env):
    result = run("--diff", PACK, PACK, env=env)
    check(result.returncode == 0 and result.stdout == "", "--diff of a pack with itself prints nothing and exits 0")

    result = run("--diff", PACK, REVISION, env=env)
    rows = diff_lines(result)
    check(result.returncode == 1 and rows and all(len(row) == 4 for row in rows)
          and all(row[0] in ("new", "removed", "changed", "moved") for row in rows),
          f"--diff OLD NEW exits 1 and prints CHANGE, ID, JSON-PATH, SUMMARY a line ({rows[:1]})")
    check(rows and rows[0] == ["changed", "-", "pack", "pack; changed revision, date"],
          f"the pack's own details come first, as '-' and 'pack' ({rows[:1]})")
    with open(REVISION_EXPECTED, encoding="utf-8") as file:
        expected = json.load(file)
    missing = [edit for edit in expected
               if not any(row[0] == edit["change"] and row[1] == (edit["id"] or "-")
                          and all(member in row[3] for member in edit["members"]) for row in rows)]
    check(not missing, f"every edit of the fixture revision is a line ({[edit['edit'] for edit in missing[:3]]})")
    check(all(re.fullmatch(r"pack|outcomes\[\d+\](\.\w+\[\d+\])*", row[2]) for row in rows),
          "each line's JSON path is written as the validator writes paths")

    result = run("--diff", PACK, REVISION, "--json", env=env)
    try:
        data = json.loads(result.stdout)
    except ValueError:
        data = {}
    check(result.returncode == 1 and data.get("format") == "mscos-pack-diff" and data.get("same") is False
          and len(data.get("changes", [])) == len(rows)
          and [change["id"] or "-" for change in data["changes"]] == [row[1] for row in rows],
          "--diff --json gives the same changes as one object")
    result = run("--diff", PACK, PACK, "--json", env=env)
    check(result.returncode == 0 and json.loads(result.stdout or "{}").get("same") is True,
          "--diff --json of a pack with itself says it is the same and exits 0")

    bad = os.path.join(BAD_DIR, "15-pack-bad-id.json")
    result = run("--diff", PACK, bad, env=env)
    check(result.returncode == 2 and result.stdout == ""
          and any(line.startswith(f"{bad}: pack.id: ") for line in result.stderr.splitlines()),
          f"--diff of an invalid pack exits 2 with the validator's messages and paths ({result.stderr.strip()})")
    result = run("--diff", PACK, "/nonexistent/pack.json", env=env)
    check(result.returncode == 2 and "cannot be read" in result.stderr, "--diff of a missing file exits 2")
    result = run("--diff", PACK, env=env)
    check(result.returncode == 2, "--diff of one file is a usage error, exit 2")
    result = run("--json", env=env)
    check(result.returncode == 2 and "--diff" in result.stderr, "--json without --diff is a usage error")


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as file:
        return list(csv.reader(file))


def check_merge_reviews(env):
    folder = tempfile.mkdtemp(prefix="mscos-cli-merge-")
    ana = os.path.join(REVIEW_DIR, "review-ana.jsonld")
    team = os.path.join(REVIEW_DIR, "review-team.jsonld")

    table = os.path.join(folder, "table.csv")
    result = run("--merge-reviews", ana, team, "--output", table, env=env)
    rows = read_csv(table) if result.returncode == 0 else []
    check(result.returncode == 0 and len(rows) == 4 and rows[0][:3] == ["Outcome", "Section", "Item id"],
          f"--merge-reviews of two files writes one CSV table: a header and 3 comments ({result.stderr.strip()})")
    check(mode(table) == 0o600, f"the table is private ({oct(mode(table))})")
    kept = [row for row in rows if row[2] == "safety.devolved-pilot-evaluation.recs.3"]
    check(len(kept) == 1 and kept[0][10] == "Accepted" and kept[0][11].startswith("Reworded"),
          "a comment in both files is one row, the newer version with the team's answer")
    check("Merged 2 files: 3 comments by 2 reviewers." in result.stderr
          and "kept the newer version from " + team in result.stderr and result.stdout == "",
          "stderr says what was merged and which version was kept, from which file")
    check(all(row[8] for row in rows[1:]), "each row names its reviewer")

    twice = os.path.join(folder, "twice.csv")
    result = run("--merge-reviews", ana, ana, "--output", twice, env=env)
    rows = read_csv(twice) if result.returncode == 0 else []
    check(result.returncode == 0 and len(rows) == 3, "the same file twice is never two rows a comment")

    merged = os.path.join(folder, "merged.jsonld")
    result = run("--merge-reviews", ana, team, "--output", merged, env=env)
    with open(merged, encoding="utf-8") as file:
        data = json.load(file)
    again = os.path.join(folder, "again.csv")
    run("--merge-reviews", merged, "--output", again, env=env)
    check(result.returncode == 0 and data["type"] == "AnnotationCollection" and data["total"] == 3
          and read_csv(again) == read_csv(table),
          "a .jsonld output is a review file with every comment, which merges again into the same table")
    markdown = os.path.join(folder, "table.md")
    result = run("--merge-reviews", ana, team, "--output", markdown, env=env)
    with open(markdown, encoding="utf-8") as file:
        text = file.read()
    check(result.returncode == 0 and text.startswith("# ") and "Ana Silva" in text and mode(markdown) == 0o600,
          "a .md output is the Markdown table, private")

    result = run("--merge-reviews", ana, "--output", os.path.join(folder, "table.txt"), env=env)
    check(result.returncode == 2 and ".csv" in result.stderr and not os.path.exists(os.path.join(folder, "table.txt")),
          "an output of another extension is a usage error that names the formats")
    result = run("--merge-reviews", ana, env=env)
    check(result.returncode == 2 and "--output" in result.stderr, "--merge-reviews without --output is a usage error")
    result = run("--merge-reviews", "--output", table, env=env)
    check(result.returncode == 2, "--merge-reviews without a file is a usage error")
    result = run("--output", table, env=env)
    check(result.returncode == 2 and "--merge-reviews" in result.stderr, "--output without --merge-reviews is a usage error")

    broken = os.path.join(folder, "broken.jsonld")
    with open(team, encoding="utf-8") as file:
        review = json.load(file)
    review["first"]["items"][0]["target"]["source"] = "https://example.com/not-a-pack"
    with open(broken, "w", encoding="utf-8") as file:
        json.dump(review, file)
    result = run("--merge-reviews", ana, broken, "--output", os.path.join(folder, "broken.csv"), env=env)
    check(result.returncode == 1 and any(broken in line and "first.items[0].target.source" in line
                                         for line in result.stderr.splitlines())
          and not os.path.exists(os.path.join(folder, "broken.csv")),
          f"a file with a problem stops the merge, the problem named with the file ({result.stderr.strip()})")
    result = run("--merge-reviews", ana, "--output", os.path.join(folder, "no-such-folder", "t.csv"), env=env)
    check(result.returncode == 1 and "t.csv" in result.stderr, "an unwritable table exits 1 and says why")

    shutil.rmtree(folder)


def check_help(env):
    result = run("--help", env=env)
    lines = result.stdout.splitlines()
    for option in ("--export-pdf=FILE.pdf", "--outcome=ID", "--library", "--review=FILE", "--base=OLD.json",
                   "--diff", "--json", "--merge-reviews", "--output=FILE"):
        line = next((line for line in lines if line.strip().startswith(option + " ")), "")
        check(result.returncode == 0 and len(line.split(maxsplit=1)) == 2,
              f"--help lists {option} with a description")


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
    folder = os.path.join(home, "A pack folder")
    os.makedirs(folder)
    shutil.copy(EVERY_KIND, os.path.join(folder, "every-kind.json"))
    result = run("--search", "cafe owners", "--content", folder, env=env)
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    check(rows and rows[0][0] == "safety.quote-keith", "--content takes a pack's folder as well as its file")
    result = run("--validate", folder, env=env)
    check(result.returncode == 0, "--validate takes a pack's folder")
    result = run("--validate", home, env=env)
    check(result.returncode == 1 and "no .json file" in result.stdout,
          "--validate says a folder without a pack holds none")
    result = run("--search", "zzqxj", env=env)
    check(result.returncode == 0 and result.stdout == "", "a search without results prints nothing and exits 0")
    result = run("--search", "x", "--content", os.path.join(BAD_DIR, "08-missing-format.json"), env=env)
    check(result.returncode == 1 and "format" in result.stderr, "--search on a bad pack says why and exits 1")

    check_library_untouched(home, env)
    check_export_pdf(home, env)
    check_diff(env)
    check_merge_reviews(env)
    check_help(env)

    check(not glib_problems, "no run printed a GLib warning or critical" + "".join(f"\n  {p}" for p in glib_problems))

    print(f"{'all checks passed' if failures == 0 else f'{failures} checks failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
