"""Shared helpers for the display tests: start MSCOS Outcomes under the virtual display that
`build-aux/dev test` provides, find its widgets through the accessibility tree with dogtail,
and clean up.

Each App gets its own data and configuration folders (the D-Bus session is shared by the
whole suite), unless a test passes the folders of an earlier App to restart "the same user"."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("GTK_A11Y", "atspi")

from dogtail import config as dogtail_config  # noqa: E402

dogtail_config.config.logDebugToFile = False
dogtail_config.config.logDebugToStdOut = False
dogtail_config.config.searchBackoffDuration = 0.2
dogtail_config.config.searchCutoffCount = 25
dogtail_config.config.actionDelay = 0.2
dogtail_config.config.defaultDelay = 0.2
dogtail_config.config.typingDelay = 0.02
dogtail_config.config.childrenLimit = 5000

from dogtail import predicate, rawinput, tree  # noqa: E402

SOURCE_DIR = os.environ.get("MSCOS_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
BUILD_DIR = os.environ.get("MSCOS_BUILD_DIR", os.path.join(SOURCE_DIR, "_build"))
PROGRAM = "mscos-outcomes"
DEFAULT_PACK = os.path.join(SOURCE_DIR, "resources", "content", "mscos.json")
SCREENSHOT_DIR = os.path.join(BUILD_DIR, "screenshots")


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    raise AssertionError(message)


def check(condition, message):
    if not condition:
        fail(message)
    print(f"ok - {message}")


def wait_for(predicate_fn, what, timeout=15.0, interval=0.1):
    """Polls predicate_fn until it returns something true; fails with `what` after timeout."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = predicate_fn()
            if value:
                return value
        except Exception as error:  # the tree changes under us while the app works
            last_error = error
        time.sleep(interval)
    fail(f"timed out waiting for {what}" + (f" ({last_error})" if last_error else ""))


def load_pack(path=DEFAULT_PACK):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


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


class App:
    """A running MSCOS Outcomes and its accessibility tree."""

    def __init__(self, *args, home=None, env=None):
        self.home = home or Home()
        self.owns_home = home is None
        run_env = self.home.env()
        if env:
            run_env.update(env)
        self.process = subprocess.Popen([PROGRAM, *args], env=run_env)
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

    # Finding things -------------------------------------------------------------------------

    def find(self, name=None, role=None, timeout=15.0, showing=True, parent=None):
        """Waits for a node with this accessible name (and role), showing on screen."""
        parent = parent or self.window

        def search():
            def match(node):
                if role is not None and node.roleName != role:
                    return False
                if name is not None and node.name != name:
                    return False
                return not showing or node.showing
            return parent.findChild(match, retry=False, requireResult=False)

        return wait_for(search, f"{role or 'node'} named {name!r}", timeout=timeout)

    def find_all(self, role=None, name=None, showing=True, parent=None):
        parent = parent or self.window

        def match(node):
            if role is not None and node.roleName != role:
                return False
            if name is not None and node.name != name:
                return False
            return not showing or node.showing
        return parent.findChildren(match)

    def find_text(self, text, timeout=15.0, exact=False, parent=None):
        """Waits for a label whose text contains (or equals) `text`."""
        parent = parent or self.window

        def search():
            def match(node):
                if node.roleName not in ("label", "heading", "text", "static"):
                    return False
                value = node.name or ""
                if not value:
                    try:
                        value = node.text or ""
                    except Exception:
                        value = ""
                return (value == text) if exact else (text in value)
            return parent.findChild(match, retry=False, requireResult=False)

        return wait_for(search, f"text {text!r}", timeout=timeout)

    def has_text(self, text, parent=None):
        parent = parent or self.window

        def match(node):
            if node.roleName not in ("label", "heading", "text", "static") or not node.showing:
                return False
            return text in (node.name or "")
        return parent.findChild(match, retry=False, requireResult=False) is not None

    # Acting ---------------------------------------------------------------------------------

    def activate(self, node):
        """Activates a widget the way a screen reader does, through its AT-SPI action; a
        pointer click, which can race animations, only when it has none."""
        # A menu button is a node without actions around the toggle button that has them.
        candidates = [node] + [child for child in node.children if child.name == node.name]
        for candidate in candidates:
            try:
                actions = candidate.actions
            except Exception:
                actions = {}
            for name in ("click", "activate", "press", "toggle"):
                if name in actions:
                    candidate.doActionNamed(name)
                    time.sleep(0.3)
                    return
        node.click()
        time.sleep(0.3)

    def keys(self, combo):
        rawinput.keyCombo(combo)
        time.sleep(0.3)

    def type(self, text):
        rawinput.typeText(text)

    def window_id(self):
        """The X window of the main window (not of a dialog or the shortcuts window)."""
        output = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid),
                                 "--name", "^MSCOS Outcomes"],
                                capture_output=True, text=True).stdout.split()
        return output[0] if output else None

    def focus(self):
        """Gives the main window the keyboard focus (there is no window manager to do it)."""
        window = wait_for(self.window_id, "the X window")
        subprocess.run(["xdotool", "windowfocus", window], check=False)
        time.sleep(0.2)

    # Without a compositor (as under Xvfb) GTK draws the window's frame, 5 px a side, inside the X
    # window; on a desktop it lies outside. The content is what must be 360 px wide.
    FRAME = 10

    def resize(self, width, height):
        """Gives the window's content this size, as a desktop would."""
        window = wait_for(self.window_id, "the X window")
        subprocess.run(["xdotool", "windowsize", window, str(width + self.FRAME), str(height + self.FRAME)],
                       check=True)
        subprocess.run(["xdotool", "windowmove", window, "0", "0"], check=True)
        time.sleep(1.0)

    def screenshot(self, name):
        os.makedirs(SCREENSHOT_DIR, exist_ok=True)
        path = os.path.join(SCREENSHOT_DIR, name + ".png")
        time.sleep(0.8)
        window = self.window_id()
        subprocess.run(["import", "-window", window or "root", path], check=True)
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
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.owns_home:
            self.home.remove()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def run(test_main):
    """Runs a test's main function and turns failures into an exit status for meson."""
    import traceback
    try:
        test_main()
    except AssertionError:
        traceback.print_exc()
        sys.exit(1)
    except BaseException:
        traceback.print_exc()
        print("FAIL: the test stopped on an unexpected error", file=sys.stderr)
        sys.exit(1)
    print("all checks passed")
