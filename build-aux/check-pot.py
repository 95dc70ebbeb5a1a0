#!/usr/bin/env python3
"""build-aux/check-pot.py [--source-root DIR] [--exceptions FILE] [--output POT]

Extracts the strings of po/POTFILES.in as meson's `mscos-outcomes-pot` target does (xgettext
with meson's 'glib' preset, po/meson.build), into a temporary file rather than the source
tree, and fails when

  - xgettext prints anything: a warning (a string it cannot read, an ITS rule it cannot apply,
    a format string it finds invalid, …) means a string translators get wrong or not at all;
  - a format string with two or more placeholders has no translator comment: C translators may
    reorder placeholders (%2$s … %1$s), but only if a comment says which is which;
  - a number is put into a message that has no plural form: "%u items" must come from
    g_dngettext() so that each language can say "1 item", "2 items", "5 items" its own way;
  - a message holds two or more numbers: one plural form cannot agree with them all ("1 note
    and 5 bookmarks"), so each count is a g_dngettext() of its own, put together by a sentence
    with a translator comment (as mscos-review-merge.c's "Merged %s: %s by %s." does).

Messages that break a rule and are right as they are (a page number is not a count) are listed
in the exceptions file (tests/i18n/pot-exceptions.txt), one "RULE: msgid" a line. A listed
message that no longer breaks its rule fails the check too, so the list stays true.
`--output POT` only extracts, into POT, and checks nothing (build-aux/pseudo-locale uses it).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

PACKAGE = "mscos-outcomes"

# meson's 'glib' preset for i18n.gettext() (mesonbuild/modules/i18n.py, PRESET_ARGS), and the
# arguments meson itself adds (mesonbuild/scripts/gettext.py, run_potgen). Kept the same, so
# that this check sees what the pot target makes.
GLIB_PRESET = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]

C_DIRECTIVE = re.compile(r"%(?:\d+\$)?[-+ #0'I]*(?:\*|\d+)?(?:\.(?:\*|\d+))?"
                         r"(?:hh|h|ll|l|L|q|j|z|Z|t)?([diouxXeEfFgGaAcspn]|<PRI[a-zA-Z0-9]+>)")
INTEGER = re.compile(r"[diouxX]|<PRI[diouxX]")
RULES = {
    "placeholders": "has {n} placeholders and no translator comment saying what each one is",
    "count": "puts a number in a message without a plural form (use g_dngettext)",
    "counts": "has {n} numbers, but a plural form can agree with only one: give each count a "
              "g_dngettext() of its own",
}


class Message:
    def __init__(self):
        self.comments = []
        self.references = []
        self.flags = set()
        self.msgctxt = None
        self.msgid = None
        self.msgid_plural = None


def unquote(lines):
    return "".join(re.match(r'^"(.*)"$', line.strip()).group(1) for line in lines)


def read_pot(path):
    """The messages of a .pot file, the header left out. Strings are kept escaped, as in the
    file (so "\\n" is two characters), which is how the exceptions file names them."""
    messages = []
    with open(path, encoding="utf-8") as f:
        blocks = f.read().split("\n\n")
    for block in blocks:
        message = Message()
        field, parts = None, {}
        for line in block.splitlines():
            if line.startswith("#."):
                message.comments.append(line[2:].strip())
            elif line.startswith("#:"):
                message.references += line[2:].split()
            elif line.startswith("#,"):
                message.flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                parts[field].append(line)
            else:
                field, _, rest = line.partition(" ")
                parts[field] = [rest]
        if "msgid" not in parts:
            continue
        message.msgid = unquote(parts["msgid"])
        message.msgctxt = unquote(parts["msgctxt"]) if "msgctxt" in parts else None
        message.msgid_plural = unquote(parts["msgid_plural"]) if "msgid_plural" in parts else None
        if message.msgid:
            messages.append(message)
    return messages


def broken_rules(message):
    """The rules of RULES that `message` breaks, each with its explanation."""
    if "c-format" not in message.flags:
        return {}
    directives = C_DIRECTIVE.findall(message.msgid.replace("%%", ""))
    broken = {}
    if len(directives) >= 2 and not message.comments:
        broken["placeholders"] = RULES["placeholders"].format(n=len(directives))
    integers = [d for d in directives if INTEGER.match(d)]
    if message.msgid_plural is None and integers:
        broken["count"] = RULES["count"]
    if len(integers) >= 2:
        broken["counts"] = RULES["counts"].format(n=len(integers))
    return broken


def read_exceptions(path):
    exceptions = {}
    if not path or not os.path.exists(path):
        return exceptions
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rule, sep, msgid = line.partition(": ")
            if not sep or rule not in RULES:
                raise SystemExit(f"{path}:{number}: expected 'RULE: msgid' with RULE one of "
                                 f"{', '.join(RULES)}")
            exceptions[(rule, msgid)] = number
    return exceptions


def extract(root, pot):
    command = ["xgettext", f"--package-name={PACKAGE}", "-p", os.path.dirname(pot),
               "-f", os.path.join(root, "po", "POTFILES.in"), "-D", root, "-k_", "-o", pot,
               *GLIB_PRESET]
    result = subprocess.run(command, capture_output=True, text=True)
    return result.returncode, result.stderr.strip()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-root", default=os.path.join(here, ".."))
    parser.add_argument("--exceptions",
                        default=os.path.join(here, "..", "tests", "i18n", "pot-exceptions.txt"))
    parser.add_argument("--output", metavar="POT", help="only extract the strings, into POT")
    args = parser.parse_args()
    root = os.path.abspath(args.source_root)

    if args.output:
        status, printed = extract(root, os.path.abspath(args.output))
        if printed:
            print(printed, file=sys.stderr)
        return status

    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        pot = os.path.join(scratch, PACKAGE + ".pot")
        status, printed = extract(root, pot)
        if printed:
            problems += ["xgettext: " + line for line in printed.splitlines()]
        if status != 0 or not os.path.exists(pot):
            problems.append(f"xgettext failed with status {status}")
            messages = []
        else:
            messages = read_pot(pot)

    exceptions = read_exceptions(args.exceptions)
    listed_in = os.path.relpath(args.exceptions, root)
    still_broken = set()
    for message in messages:
        for rule, why in broken_rules(message).items():
            if (rule, message.msgid) in exceptions:
                still_broken.add((rule, message.msgid))
                continue
            problems.append(f"{message.references[0] if message.references else '?'}: "
                            f"\"{message.msgid}\" {why}")
    for (rule, msgid), number in sorted(exceptions.items(), key=lambda e: e[1]):
        if (rule, msgid) not in still_broken:
            problems.append(f"{listed_in}:{number}: \"{msgid}\" no longer breaks the rule "
                            f"'{rule}' (fixed, or changed): remove it from the list")

    if problems:
        print("The strings extracted for translators have problems:\n", file=sys.stderr)
        for problem in problems:
            print("  " + problem, file=sys.stderr)
        return 1
    print(f"{len(messages)} messages extracted without warnings; "
          f"{len(still_broken)} listed exceptions (see {listed_in})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
