"""Shared helpers for the display tests: start MSCOS Outcomes under the virtual display that
`build-aux/dev test` provides, find its widgets through the accessibility tree with dogtail,
and clean up.

Each App gets its own data and configuration folders (the D-Bus session is shared by the
whole suite), unless a test passes the folders of an earlier App to restart "the same user"."""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))

import atspi_tree  # noqa: E402
from atspi_tree import check, fail, rawinput, run, tree, wait_for  # noqa: E402,F401

SOURCE_DIR = os.environ.get("MSCOS_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
BUILD_DIR = os.environ.get("MSCOS_BUILD_DIR", os.path.join(SOURCE_DIR, "_build"))
PROGRAM = "mscos-outcomes"
DEFAULT_PACK = os.path.join(SOURCE_DIR, "resources", "content", "mscos.json")
SCREENSHOT_DIR = os.path.join(BUILD_DIR, "screenshots")


def load_pack(path=DEFAULT_PACK):
    return atspi_tree.load_pack(path)


def find_item(pack, item_id):
    """The item @item_id of a pack's JSON, at any depth: in a section, a resource, a set or
    one of its groups, or under another recommendation."""
    def walk(items):
        for item in items:
            if item.get("id") == item_id:
                return item
            found = walk(item.get("items", [])) or walk(item.get("groups", []))
            if found:
                return found
        return None
    for outcome in pack["outcomes"]:
        for section in outcome["sections"]:
            found = walk(section["items"])
            if found:
                return found
    fail(f"{item_id} is not in the pack")


class Home:
    """A user's data and configuration folders, kept across restarts of the app."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="mscos-home-")
        self.data = os.path.join(self.root, "data")
        self.config = os.path.join(self.root, "config")
        self.cache = os.path.join(self.root, "cache")
        for folder in (self.data, self.config, self.cache):
            os.makedirs(folder)

    def env(self):
        env = dict(os.environ)
        env.update(XDG_DATA_HOME=self.data, XDG_CONFIG_HOME=self.config, XDG_CACHE_HOME=self.cache,
                   GSETTINGS_BACKEND="keyfile")
        return env

    def set_setting(self, key, value, schema="uk.co.mscos.Outcomes"):
        subprocess.run(["gsettings", "set", schema, key, value], env=self.env(), check=True)

    def get_setting(self, key, schema="uk.co.mscos.Outcomes"):
        return subprocess.run(["gsettings", "get", schema, key], env=self.env(), check=True,
                              capture_output=True, text=True).stdout.strip()

    def library_path(self):
        app_id = os.environ.get("MSCOS_APP_ID", "uk.co.mscos.Outcomes.Devel")
        return os.path.join(self.data, app_id, "library.json")

    def remove(self):
        shutil.rmtree(self.root, ignore_errors=True)


# Printed by WebKit's own helper processes (named so, or "process" before they name
# themselves) when the app ends while they are still connected: not something the app does or
# can change.
# GTK's own file chooser (there is no portal here) sometimes keeps completing the name typed
# in its location entry after it is closed, with no model left, and says so every frame until
# the app quits. The app has no tree model of its own; it happened in one run in four of a test
# that saves a file, and in one run of a test that chooses a folder. An app whose file chooser
# was used expects it (App._dialog()).
FILE_CHOOSER_COMPLETION = ("gtk_tree_model_get_iter_first: assertion 'GTK_IS_TREE_MODEL (tree_model)' failed",)
FOREIGN_WARNINGS = ("(WebKitWebProcess:", "(WebKitNetworkProcess:", ".Sandboxed.WebProcess-")
# How GLib prints a warning or a critical, with a log domain ("Gtk-CRITICAL **") or without
# ("WARNING **").
GLIB_PROBLEM = re.compile(r"(^|[-\s(])(WARNING|CRITICAL) \*\*")


class Program:
    """The program run with the given arguments, its standard error kept to look for warnings.
    Tests that run it other than as an App (as a D-Bus service, say) use this directly."""

    def __init__(self, *args, env, expected_warnings=()):
        self.expected_warnings = expected_warnings
        self.stderr = tempfile.TemporaryFile()
        self.process = subprocess.Popen([PROGRAM, *args], env=env, stderr=self.stderr)

    def stop(self):
        """Ends the program, passes on what it printed, and returns its unexpected warnings and
        criticals."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.stderr.closed:
            return []
        self.stderr.seek(0)
        printed = self.stderr.read().decode(errors="replace")
        self.stderr.close()
        sys.stderr.write(printed)
        return [line for line in printed.splitlines()
                if GLIB_PROBLEM.search(line)
                and not any(expected in line for expected in (*self.expected_warnings, *FOREIGN_WARNINGS))]

    def check_quiet(self):
        """Stops the program and fails if it printed a warning or a critical."""
        warnings = self.stop()
        if warnings:
            fail("the app printed warnings: " + " | ".join(warnings))


class App:
    """A running MSCOS Outcomes and its accessibility tree."""

    def __init__(self, *args, home=None, env=None, expected_warnings=()):
        """`expected_warnings`: parts of the warnings this test provokes on purpose; any other
        warning or critical the app prints fails the test when the app is closed."""
        self.home = home or Home()
        self.owns_home = home is None
        run_env = self.home.env()
        if env:
            run_env.update(env)
        self.program = Program(*args, env=run_env, expected_warnings=expected_warnings)
        self.process = self.program.process
        self.node = wait_for(self._find_app, f"{PROGRAM} on the accessibility bus", timeout=30)
        self.window = wait_for(lambda: self.node.child(roleName="frame", retry=False), "the main window")

    def _find_app(self):
        if self.process.poll() is not None:
            fail(f"{PROGRAM} exited with status {self.process.returncode}")
        for application in tree.root.applications():
            if application.name == PROGRAM:
                try:
                    if application.get_process_id() == self.process.pid:
                        return application
                except Exception:
                    return application
        return None

    # Finding things (under the main window unless another parent is given) -------------------

    def find(self, name=None, role=None, timeout=15.0, showing=True, parent=None):
        return atspi_tree.find(parent or self.window, name, role, timeout, showing)

    def find_all(self, role=None, name=None, showing=True, parent=None):
        return atspi_tree.find_all(parent or self.window, role, name, showing)

    def find_text(self, text, timeout=15.0, exact=False, parent=None):
        return atspi_tree.find_text(parent or self.window, text, timeout, exact)

    def has_text(self, text, parent=None):
        return atspi_tree.has_text(parent or self.window, text)

    def find_on_page(self, name, role="grouping", timeout=15.0):
        """Finds a card of the outcome page shown, scrolling down to it the way a reader does:
        the page makes widgets only for the rows on screen."""
        import page_scroll
        page = wait_for(lambda: self.find_all(role="table"), "an outcome page", timeout=timeout)[0]
        return page_scroll.scroll_to(self, page, lambda: self.find_all(name=name, role=role),
                                     repr(name))[0]

    def wait_still(self, node, what="it to stop moving"):
        """Waits until `node` is where it was at the last look (a scroll or a transition has come
        to rest), and returns its extents."""
        last = [None]

        def still():
            extents = tuple(node.extents)
            settled = extents == last[0]
            last[0] = extents
            return settled and extents
        return wait_for(still, what, interval=0.15)

    # Acting ---------------------------------------------------------------------------------

    def activate(self, node):
        atspi_tree.activate(node)

    def keys(self, combo):
        """Presses a key combination, and returns once the app has answered a request sent after
        it: the key came first, so it has been handled. What the key does is for the caller to
        wait for."""
        rawinput.keyCombo(combo)
        self.sync()

    def sync(self):
        """Waits for the app to answer the accessibility bus, which it does from its main loop,
        after the input that reached it before."""
        wait_for(lambda: self.window.getState() is not None, "the app to answer")

    def type(self, text):
        rawinput.typeText(text)

    def _dialog(self, title):
        """The file chooser titled `title`, once it is on screen with the keyboard focus, which GTK
        gives it itself."""
        dialog = wait_for(lambda: [w for w in self.node.children if title in (w.name or "")
                                   and w.showing], f"the dialog {title!r}")[0]
        self.program.expected_warnings = (*self.program.expected_warnings, *FILE_CHOOSER_COMPLETION)
        main = self.window_id()
        wait_for(lambda: subprocess.run(["xdotool", "getwindowfocus"], capture_output=True,
                                        text=True).stdout.strip() not in ("", main),
                 f"the keyboard focus in {title!r}")
        return dialog

    def _focused_entry(self, dialog):
        return dialog.findChild(lambda n: n.roleName == "text" and n.focused and n.showing,
                                retry=False, requireResult=False)

    def _type_in_entry(self, dialog, path):
        """Types `path` in the focused entry of `dialog`, which may complete names inline as they
        are typed (whatever completion is left after the cursor is deleted), and presses Return
        once the entry holds exactly `path`."""
        entry = wait_for(lambda: self._focused_entry(dialog), "a text entry with the focus")
        seen = []

        def type_path():
            self.keys("<Control>a")
            self.keys("BackSpace")
            wait_for(lambda: not entry.text, "the entry to be empty")
            self.type(path)
            self.keys("<Shift>End")
            self.keys("Delete")

        def holds_path():
            # A completion found after the Delete is put after the cursor: deleted again. On a
            # busy machine the completion can also take typed letters (the text is then not
            # the path at all): the path is typed again, at most twice.
            text = entry.text or ""
            seen.append(text)
            if text == path:
                return True
            if text.startswith(path):
                self.keys("<Shift>End")
                self.keys("Delete")
            elif len(seen) in (10, 40):
                type_path()
            return False

        type_path()
        try:
            wait_for(holds_path, f"the entry to hold {path!r}")
        except AssertionError:
            print(f"the entry held {seen[-1:]!r}", file=sys.stderr)
            raise
        self.keys("Return")

    def open_file(self, title, path):
        """Chooses `path` in the file chooser titled `title`, once it is open, typed in its
        location entry."""
        dialog = self._dialog(title)

        def location_entry():
            if self._focused_entry(dialog):
                return True
            self.keys("<Control>l")
            return False
        wait_for(location_entry, "the location entry")
        self._type_in_entry(dialog, path)

    def save_file(self, title, path):
        """Saves as `path` in the file chooser titled `title`, once it is open, typed in its name
        entry."""
        self._type_in_entry(self._dialog(title), path)

    def window_id(self):
        """The X window of the main window (not of a dialog or the shortcuts window)."""
        output = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid),
                                 "--name", "^MSCOS Outcomes"],
                                capture_output=True, text=True).stdout.split()
        return output[0] if output else None

    def focus(self):
        """Gives the main window the keyboard focus, as there is no window manager to do it, and
        waits until it has it."""
        window = wait_for(self.window_id, "the X window")

        def focused():
            if subprocess.run(["xdotool", "getwindowfocus"], capture_output=True,
                              text=True).stdout.strip() == window:
                return True
            subprocess.run(["xdotool", "windowfocus", window], check=False)
            return False
        wait_for(focused, "the keyboard focus in the main window")

    # Without a compositor (as under Xvfb) GTK draws the window's frame, 5 px a side, inside the X
    # window; on a desktop it lies outside. The content is what must be 360 px wide.
    FRAME = 10

    def resize(self, width, height):
        """Gives the window's content this size, as a desktop would."""
        window = wait_for(self.window_id, "the X window")
        subprocess.run(["xdotool", "windowsize", window, str(width + self.FRAME), str(height + self.FRAME)],
                       check=True)
        subprocess.run(["xdotool", "windowmove", window, "0", "0"], check=True)
        # GTK keeps the window on the screen, so it may get less than it asked for: what it got
        # is the X window's size, and the window is laid out when its frame has that size.
        last = [None]

        def laid_out():
            output = subprocess.run(["xdotool", "getwindowgeometry", window], capture_output=True,
                                    text=True).stdout.split()
            size = tuple(int(n) for n in output[-1].split("x")) if output else None
            extents = tuple(self.window.extents[2:])
            settled = extents == size and extents == last[0]
            last[0] = extents
            return settled
        wait_for(laid_out, f"the window to be laid out at {width}×{height}", interval=0.15)

    def screenshot(self, name):
        """Writes a screenshot of the main window once two captures in a row are the same: what
        was moving (a transition, a scroll) has come to rest."""
        os.makedirs(SCREENSHOT_DIR, exist_ok=True)
        path = os.path.join(SCREENSHOT_DIR, name + ".png")
        window = self.window_id() or "root"
        previous = [None]

        def still():
            pixels = subprocess.run(["import", "-window", window, "rgba:-"], capture_output=True,
                                    check=True).stdout
            settled = pixels == previous[0]
            previous[0] = pixels
            return settled
        wait_for(still, "the window to stop changing", timeout=20, interval=0.2)
        subprocess.run(["import", "-window", window, path], check=True)
        print(f"screenshot: {path}")
        return path

    def quit(self, timeout=10.0):
        """Quits with Ctrl+Q, as a user would, and waits for the process to end."""
        self.focus()
        self.keys("<Control>q")
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            fail("the app did not quit after Ctrl+Q")

    def close(self):
        """Ends the app, passes on what it printed, and returns its unexpected warnings."""
        warnings = self.program.stop()
        if self.owns_home:
            self.home.remove()
        return warnings

    def __enter__(self):
        return self

    def __exit__(self, exc_type, *exc):
        warnings = self.close()
        if exc_type is None and warnings:
            fail("the app printed warnings: " + " | ".join(warnings))
        return False
