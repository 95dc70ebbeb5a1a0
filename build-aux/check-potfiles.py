#!/usr/bin/env python3
"""build-aux/check-potfiles.py [--source-root DIR]

Checks that po/POTFILES.in lists every file of the source tree that holds translatable
strings, and nothing else that is wrong: a file left out is a file whose strings translators
never see, so the app shows them in English in every language.

A file holds translatable strings when it is
  - C (.c, .h) calling a gettext function: _(), N_(), C_(), NC_(), ngettext() and the other
    functions xgettext extracts, or one it does not extract (Q_(), g_dgettext(), …), which is
    reported as an error of its own, since its strings would silently be lost;
  - GtkBuilder (.ui) with a translatable="yes" property;
  - a desktop entry (.desktop, .desktop.in, .desktop.in.in) with a Name, GenericName, Comment
    or Keywords key;
  - AppStream metadata (.metainfo.xml, .appdata.xml and their .in forms) with a name, summary,
    description or caption not marked translate="no";
  - a GSettings schema (.gschema.xml) with a summary, a description or an l10n default.
Comments and the insides of string literals are not code, so a "_(" there does not count.

The tree is walked from the top, leaving out .git, po/, tests/ (not shipped), subprojects/ and
build folders. A file that holds strings on purpose left untranslated (a tool for pack authors,
say) is named in po/POTFILES.skip with a comment saying why.

POTFILES.in itself must name only files that exist, each once, sorted in byte order (so that
two branches adding files merge cleanly). Exits 1 with the list of what is wrong, 0 otherwise.
GNOME Nautilus's build-aux/check-potfiles.sh is the model; this one also reads the data files,
ignores comments and string literals, and matches whole paths.
"""

import argparse
import os
import re
import sys

SKIPPED_DIRS = {".git", ".flatpak-builder", "po", "subprojects", "tests"}

# What xgettext extracts from C with meson's 'glib' preset (po/meson.build) on top of its own
# default C keywords.
EXTRACTED = ("_", "N_", "C_", "NC_", "gettext", "dgettext", "dcgettext", "ngettext", "dngettext",
             "dcngettext", "pgettext", "dpgettext", "dcpgettext", "npgettext", "dnpgettext",
             "dcnpgettext", "g_dcgettext", "g_dngettext", "g_dpgettext2")
# GLib's gettext functions that the preset does not name: their strings never reach the .pot.
NOT_EXTRACTED = ("Q_", "g_dgettext", "g_dpgettext", "g_strip_context")
C_CALL = re.compile(r"(?<![\w$])(%s)\s*\("
                    % "|".join(re.escape(k) for k in EXTRACTED + NOT_EXTRACTED))

UI_TRANSLATABLE = re.compile(r"""\btranslatable\s*=\s*["'](yes|true|1)["']""", re.IGNORECASE)
DESKTOP_TRANSLATABLE = re.compile(r"^(Name|GenericName|Comment|Keywords)\s*=", re.MULTILINE)
METAINFO_TRANSLATABLE = re.compile(
    r"<(name|summary|description|caption|developer_name)\b(?![^>]*\btranslate\s*=\s*[\"']no[\"'])")
SCHEMA_TRANSLATABLE = re.compile(r"<(summary|description)\b|<default\b[^>]*\bl10n\s*=")


def strip_c(text):
    """The code of a C file with comments made blank and string and character literals
    emptied, so that only real calls are found."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def translatable_kind(path, text):
    """How the file at `path` holds translatable strings: None when it holds none, else a
    short description; and the gettext functions it calls that xgettext does not extract."""
    name = os.path.basename(path)
    if name.endswith((".c", ".h")):
        calls = set(C_CALL.findall(strip_c(text)))
        if not calls:
            return None, set()
        return "calls " + ", ".join(sorted(c + "()" for c in calls)), calls & set(NOT_EXTRACTED)
    if name.endswith(".ui"):
        return ("translatable properties" if UI_TRANSLATABLE.search(text) else None), set()
    if re.search(r"\.desktop(\.in)*$", name):
        return ("translatable keys" if DESKTOP_TRANSLATABLE.search(text) else None), set()
    if re.search(r"\.(metainfo|appdata)\.xml(\.in)*$", name):
        return ("translatable elements" if METAINFO_TRANSLATABLE.search(text) else None), set()
    if re.search(r"\.gschema\.xml(\.in)*$", name):
        return ("summaries or descriptions" if SCHEMA_TRANSLATABLE.search(text) else None), set()
    return None, set()


def is_build_dir(path, names):
    return ("meson-private" in names or "build.ninja" in names
            or os.path.basename(path).startswith("_build"))


def files_with_strings(root):
    found = {}
    for folder, dirs, names in os.walk(root):
        rel_folder = os.path.relpath(folder, root)
        dirs[:] = sorted(d for d in dirs
                         if not (rel_folder == "." and d in SKIPPED_DIRS)
                         and not is_build_dir(os.path.join(folder, d),
                                              os.listdir(os.path.join(folder, d))))
        for name in sorted(names):
            path = os.path.join(folder, name)
            try:
                with open(path, encoding="utf-8") as f:
                    text = f.read()
            except (UnicodeDecodeError, OSError):
                continue
            kind, unextracted = translatable_kind(path, text)
            if kind:
                found[os.path.relpath(path, root)] = (kind, unextracted)
    return found


def read_list(path):
    """The file names of a POTFILES.in or POTFILES.skip, with their line numbers. Comments and
    blank lines are left out, and so is an intltool-style "[type: …]" prefix."""
    entries = []
    if not os.path.exists(path):
        return entries
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            line = re.sub(r"^\[[^]]*\]\s*", "", line)
            entries.append((number, line))
    return entries


def check(root):
    problems = []
    potfiles_path = os.path.join(root, "po", "POTFILES.in")
    if not os.path.exists(potfiles_path):
        return ["po/POTFILES.in does not exist"]
    listed = read_list(potfiles_path)
    skipped = {name for _, name in read_list(os.path.join(root, "po", "POTFILES.skip"))}
    names = [name for _, name in listed]

    for number, name in listed:
        if not os.path.isfile(os.path.join(root, name)):
            problems.append(f"po/POTFILES.in:{number}: {name} does not exist")
    seen = set()
    for number, name in listed:
        if name in seen:
            problems.append(f"po/POTFILES.in:{number}: {name} is listed twice")
        seen.add(name)
    for (number, name), previous in zip(listed[1:], names):
        if name.encode() < previous.encode():
            problems.append(f"po/POTFILES.in:{number}: {name} is out of order: the list is sorted "
                            f"in byte order (LC_ALL=C sort), and it comes before {previous}")

    found = files_with_strings(root)
    missing = [(path, kind) for path, (kind, _) in found.items()
               if path not in seen and path not in skipped]
    for path, kind in missing:
        problems.append(f"{path} has translatable strings ({kind}) but is not in po/POTFILES.in")
    for path, (_, unextracted) in found.items():
        for call in sorted(unextracted):
            problems.append(f"{path} calls {call}(), which xgettext is not told to extract "
                            "(po/meson.build uses meson's glib preset): its strings are never "
                            "translated. Use _(), C_() or g_dngettext() instead.")
    for name in sorted(seen & skipped):
        problems.append(f"{name} is in both po/POTFILES.in and po/POTFILES.skip")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--source-root", default=os.path.join(here, ".."))
    args = parser.parse_args()
    root = os.path.abspath(args.source_root)
    problems = check(root)
    if problems:
        print("po/POTFILES.in does not match the tree:\n", file=sys.stderr)
        for problem in problems:
            print("  " + problem, file=sys.stderr)
        print("\nAdd the files with strings to po/POTFILES.in (sorted), or, if their strings are "
              "meant to stay in English, to po/POTFILES.skip with a comment saying why.",
              file=sys.stderr)
        return 1
    print(f"po/POTFILES.in lists all {len(read_list(os.path.join(root, 'po', 'POTFILES.in')))} "
          "files with translatable strings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
