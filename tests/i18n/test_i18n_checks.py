#!/usr/bin/env python3
"""The translation checks themselves: build-aux/check-potfiles.py fails on a small tree whose
po/POTFILES.in leaves out a file with strings (whatever kind of file holds them), names a file
that is not there, repeats one or is out of order, and passes once the list is right; a "_("
in a comment or a string does not count. build-aux/check-pot.py fails on an xgettext warning,
on placeholders without a translator comment, on a count without a plural form, on two counts
in one message, and on a known problem that has been fixed but is still listed. Last, the
pseudo-locale translation of the real tree compiles with every string rewritten and every
placeholder kept."""

import gettext
import os
import shutil
import subprocess
import sys
import tempfile

SOURCE_DIR = os.environ.get("MSCOS_SOURCE_DIR",
                            os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
CHECK_POTFILES = os.path.join(SOURCE_DIR, "build-aux", "check-potfiles.py")
CHECK_POT = os.path.join(SOURCE_DIR, "build-aux", "check-pot.py")
PSEUDO_LOCALE = os.path.join(SOURCE_DIR, "build-aux", "pseudo-locale")

failures = 0
scratch = []


def check(condition, message, output=""):
    global failures
    if condition:
        print(f"ok - {message}")
    else:
        failures += 1
        print(f"not ok - {message}\n{output}", file=sys.stderr)


def make_tree(files):
    root = tempfile.mkdtemp(prefix="mscos-i18n-")
    scratch.append(root)
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
    return root


def run(script, root, *args):
    result = subprocess.run([sys.executable, script, "--source-root", root, *args],
                            capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


C_WITH_STRING = '#include <glib/gi18n.h>\nconst char *f (void) { return _("Hello"); }\n'
FILES_WITH_STRINGS = {
    "src/hello.c": C_WITH_STRING,
    "src/plural.c": 'x = g_dngettext (NULL, "%u item", "%u items", n);\n',
    "src/hello.ui": '<interface><object class="GtkLabel">'
                    '<property name="label" translatable="yes">Hi</property></object></interface>\n',
    "data/app.desktop.in.in": "[Desktop Entry]\nName=App\nExec=app\n",
    "data/app.metainfo.xml.in": "<component><name>App</name><summary>Does</summary></component>\n",
    "data/app.gschema.xml": "<schemalist><schema id='a'><key name='k' type='b'><default>true</default>"
                            "<summary>K</summary></key></schema></schemalist>\n",
}


def potfiles(*names):
    return "# Files with translatable strings.\n" + "".join(name + "\n" for name in names)


def test_potfiles():
    everything = sorted(FILES_WITH_STRINGS)
    tree = make_tree({**FILES_WITH_STRINGS, "po/POTFILES.in": potfiles(*everything)})
    status, output = run(CHECK_POTFILES, tree)
    check(status == 0, "a POTFILES.in that lists every file with strings passes", output)

    for left_out in everything:
        listed = [name for name in everything if name != left_out]
        tree = make_tree({**FILES_WITH_STRINGS, "po/POTFILES.in": potfiles(*listed)})
        status, output = run(CHECK_POTFILES, tree)
        check(status == 1 and f"{left_out} has translatable strings" in output,
              f"leaving out {left_out} fails and names it", output)

    tree = make_tree({**FILES_WITH_STRINGS, "po/POTFILES.in": potfiles(*everything),
                      "po/POTFILES.skip": "# A tool for pack authors, in English on purpose.\nsrc/hello.c\n"})
    status, output = run(CHECK_POTFILES, tree)
    check(status == 1 and "both po/POTFILES.in and po/POTFILES.skip" in output,
          "a file both listed and skipped fails", output)
    tree = make_tree({**FILES_WITH_STRINGS, "po/POTFILES.in": potfiles(*[n for n in everything if n != "src/hello.c"]),
                      "po/POTFILES.skip": "src/hello.c\n"})
    status, output = run(CHECK_POTFILES, tree)
    check(status == 0, "a file in po/POTFILES.skip need not be listed", output)

    tree = make_tree({"src/gone.c": "int x;\n", "po/POTFILES.in": potfiles("src/gone.c", "src/missing.c")})
    status, output = run(CHECK_POTFILES, tree)
    check(status == 1 and "src/missing.c does not exist" in output, "a listed file that does not exist fails", output)

    tree = make_tree({"src/a.c": C_WITH_STRING, "src/b.c": C_WITH_STRING,
                      "po/POTFILES.in": potfiles("src/b.c", "src/a.c")})
    status, output = run(CHECK_POTFILES, tree)
    check(status == 1 and "out of order" in output, "an unsorted list fails", output)
    tree = make_tree({"src/a.c": C_WITH_STRING, "po/POTFILES.in": potfiles("src/a.c", "src/a.c")})
    status, output = run(CHECK_POTFILES, tree)
    check(status == 1 and "listed twice" in output, "a file listed twice fails", output)

    tree = make_tree({
        "src/quiet.c": '/* Use _("x") for strings. */\n// and N_("y")\nconst char *s = "_(\\"z\\")";\n'
                       "char c = '(';\nint my_(int a);\n",
        "src/quiet.ui": '<interface><property name="label">No</property></interface>\n',
        "tests/test.c": C_WITH_STRING,
        "_build/generated.c": C_WITH_STRING,
        "po/POTFILES.in": potfiles(),
    })
    status, output = run(CHECK_POTFILES, tree)
    check(status == 0, "gettext calls in comments, strings, tests/ and build folders do not count", output)

    tree = make_tree({"src/q.c": 'x = g_dgettext (GETTEXT_PACKAGE, "Lost");\n', "po/POTFILES.in": potfiles("src/q.c")})
    status, output = run(CHECK_POTFILES, tree)
    check(status == 1 and "g_dgettext()" in output, "a gettext call that xgettext does not extract fails", output)


def test_pot():
    exceptions = os.path.join(make_tree({}), "exceptions.txt")

    def pot_check(code, exceptions_text=""):
        with open(exceptions, "w", encoding="utf-8") as f:
            f.write(exceptions_text)
        tree = make_tree({"src/a.c": code, "po/POTFILES.in": potfiles("src/a.c")})
        return run(CHECK_POT, tree, "--exceptions", exceptions)

    status, output = pot_check('void f (void) { g_print ("%s", _("Fine")); }\n')
    check(status == 0, "a plain string passes", output)
    status, output = pot_check('void f (void) { g_print ("%s", _("")); }\n')
    check(status == 1 and "xgettext:" in output, "an xgettext warning (an empty msgid) fails", output)
    two = 'void f (void) { %s g_strdup_printf (_("Moved %%s to %%s"), a, b); }\n'
    status, output = pot_check(two % "")
    check(status == 1 and "2 placeholders and no translator comment" in output,
          "two placeholders without a translator comment fail", output)
    status, output = pot_check(two % "/* Translators: a file name, then a folder */")
    check(status == 0, "two placeholders with a translator comment pass", output)
    count = 'void f (void) { g_strdup_printf (_("%u items"), n); }\n'
    status, output = pot_check(count)
    check(status == 1 and "without a plural form" in output, "a count without a plural form fails", output)
    status, output = pot_check('void f (void) { g_strdup_printf (g_dngettext (NULL, "%u item", "%u items", n), n); }\n')
    check(status == 0, "a count with g_dngettext passes", output)
    status, output = pot_check('void f (void) { /* Translators: notes, then bookmarks */ g_strdup_printf ('
                               'g_dngettext (NULL, "%u note, %u bookmarks", "%u notes, %u bookmarks", n), n, m); }\n')
    check(status == 1 and "has 2 numbers" in output, "two counts in one message fail", output)
    status, output = pot_check(count, "count: %u items\n")
    check(status == 0, "a known problem listed in the exceptions passes", output)
    status, output = pot_check('void f (void) { g_print ("%s", _("Fine")); }\n', "count: %u items\n")
    check(status == 1 and "remove it from the list" in output, "a listed problem that is gone fails", output)


def test_pseudo_locale():
    if not shutil.which("podebug"):
        print("# skipped the pseudo-locale: podebug (translate-toolkit) is not installed")
        return
    out = make_tree({})
    result = subprocess.run([PSEUDO_LOCALE, "--translation-only", out], capture_output=True, text=True)
    check(result.returncode == 0, "the pseudo-locale translation compiles with msgfmt --check", result.stderr)
    if result.returncode != 0:
        return
    catalog = gettext.translation("mscos-outcomes", out, languages=["en_XA"])
    with open(os.path.join(out, "work", "mscos-outcomes.pot"), encoding="utf-8") as pot:
        n_messages = pot.read().count("\nmsgid ") - 1
    untouched = [msgid for msgid in catalog._catalog if isinstance(msgid, str) and msgid
                 and catalog._catalog[msgid] == msgid]
    check(len(catalog._catalog) >= n_messages and not untouched,
          f"every one of the {n_messages} messages is rewritten in en_XA", "\n".join(untouched))


def main():
    try:
        test_potfiles()
        test_pot()
        test_pseudo_locale()
    finally:
        for root in scratch:
            shutil.rmtree(root, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
