"""Helpers for the Flatpak checks: run the app installed in the private Flatpak installation with
`flatpak run`, find its widgets through the accessibility tree (which reaches the sandboxed app
through Flatpak's accessibility-bus proxy), and clean up.

What it shares with tests/display/harness.py (waiting, checking, finding and activating widgets)
is in tests/common/atspi_tree.py; what is its own is how the app is started and found. The
differences that matter: the app's process is `flatpak run` (which becomes bwrap), the app
shows on the accessibility bus with the PID of Flatpak's D-Bus proxy, and the X window carries
the PID the app has inside its PID namespace, so windows are found by title, not by PID.

The session (tests/flatpak/session) gives every check a scratch HOME: the app's data is in
~/.var/app/APP_ID/ there."""

import configparser
import json
import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))

import atspi_tree  # noqa: E402
from atspi_tree import check, fail, rawinput, role_matches, tree, wait_for  # noqa: E402,F401

SOURCE_DIR = os.environ.get("MSCOS_SOURCE_DIR",
                            os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
BUILD_DIR = os.environ.get("MSCOS_BUILD_DIR", os.path.join(SOURCE_DIR, "_build"))
# The development manifest builds uk.co.mscos.Outcomes.Devel: that is the ID checked here.
APP_ID = os.environ.get("MSCOS_FLATPAK_APP_ID", "uk.co.mscos.Outcomes.Devel")
PROGRAM = "mscos-outcomes"
DEFAULT_PACK = os.path.join(SOURCE_DIR, "resources", "content", "mscos.json")
SCREENSHOT_DIR = os.path.join(BUILD_DIR, "screenshots", "flatpak")
HOME = os.path.expanduser("~")
# ~/.var/app/APP_ID is the app's own folder; inside the sandbox XDG_DATA_HOME is its data/.
APP_VAR = os.path.join(HOME, ".var", "app", APP_ID)
APP_DATA = os.path.join(APP_VAR, "data")
LIBRARY = os.path.join(APP_DATA, APP_ID, "library.json")
SEARCH_PROVIDER_PATH = "/uk/co/mscos/Outcomes/SearchProvider"






def note(message):
    print(f"# {message}", file=sys.stderr)


def skip(message):
    print(f"SKIP: {message}", file=sys.stderr)
    sys.exit(77)




def load_pack(path=DEFAULT_PACK):
    return atspi_tree.load_pack(path)


# --- Flatpak ---------------------------------------------------------------------------------

def flatpak(*args, env=None, check_status=True, timeout=120, capture=True):
    """Runs `flatpak ARGS…` and returns the CompletedProcess."""
    result = subprocess.run(["flatpak", *args], env=env, text=True, timeout=timeout,
                            capture_output=capture)
    if check_status and result.returncode != 0:
        fail(f"flatpak {' '.join(args)} exited with {result.returncode}: "
             f"{(result.stderr or '').strip()}")
    return result


def run_in_sandbox(*command, extra=(), env=None, timeout=60):
    """Runs COMMAND inside the app's sandbox (its own permissions), as `flatpak run --command`."""
    return subprocess.run(["flatpak", "run", "--user", *extra, f"--command={command[0]}", APP_ID,
                           *command[1:]], env=env, text=True, capture_output=True, timeout=timeout)


def instances(env=None):
    """The running instances of the app: [{'instance', 'pid', 'child-pid', 'application'}]."""
    result = flatpak("ps", "--columns=instance,pid,child-pid,application", env=env,
                     check_status=False)
    found = []
    for line in result.stdout.splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[3] == APP_ID:
            found.append(dict(zip(("instance", "pid", "child-pid", "application"), fields)))
    return found


def app_process(instance):
    """The host PID of the app's own process in an instance from instances(): flatpak ps names
    bwrap's process inside the sandbox; the app is its child."""
    child = int(instance["child-pid"])
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as file:
                fields = file.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/comm", encoding="utf-8") as file:
                comm = file.read().strip()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == child and comm == PROGRAM:
            return int(entry)
    return child


def sandbox_info(pid):
    """The /.flatpak-info of the sandbox that process PID runs in, or None if it runs outside."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with open(f"/proc/{pid}/root/.flatpak-info", encoding="utf-8") as file:
            parser.read_file(file)
    except OSError:
        return None
    return parser


def sandboxed_processes(comm_prefix):
    """Host PIDs of processes named COMM_PREFIX… that run in a Flatpak sandbox of APP_ID started
    in this session (they carry its MSCOS_FLATPAK_SESSION). WebKit's own bubblewrap sandbox
    outside Flatpak writes a /.flatpak-info too: those of other sessions are not taken."""
    marker = ("MSCOS_FLATPAK_SESSION=" + os.environ.get("MSCOS_FLATPAK_SESSION", "")).encode()
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/comm", encoding="utf-8") as file:
                comm = file.read().strip()
            if not comm.startswith(comm_prefix):
                continue
            info = sandbox_info(entry)
        except (OSError, ValueError, configparser.Error):
            continue
        if info is None or info.get("Application", "name", fallback=None) != APP_ID:
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as file:
                if marker not in file.read().split(b"\0"):
                    continue
        except OSError:
            continue
        pids.append(int(entry))
    return sorted(pids)


def kill_app(env=None):
    """Ends every running instance of the app (D-Bus-activated ones included)."""
    if instances(env):
        flatpak("kill", APP_ID, env=env, check_status=False)
    deadline = time.monotonic() + 10
    while instances(env) and time.monotonic() < deadline:
        time.sleep(0.1)



def window_ids():
    output = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^MSCOS Outcomes"],
                            capture_output=True, text=True).stdout.split()
    return output


def screenshot(name):
    """Saves a screenshot of the whole virtual screen; returns its path (None if it failed)."""
    try:
        import gi
        gi.require_version("Gdk", "3.0")
        from gi.repository import Gdk
        os.makedirs(SCREENSHOT_DIR, exist_ok=True)
        path = os.path.join(SCREENSHOT_DIR, name + ".png")
        time.sleep(0.8)
        window = Gdk.get_default_root_window()
        pixbuf = Gdk.pixbuf_get_from_window(window, 0, 0, window.get_width(), window.get_height())
        pixbuf.savev(path, "png", [], [])
        note(f"screenshot: {path}")
        return path
    except Exception as error:  # a screenshot is a help, never a result
        note(f"no screenshot: {error}")
        return None


class App:
    """MSCOS Outcomes started with `flatpak run` and its accessibility tree."""

    def __init__(self, *args, env=None, timeout=60):
        self.env = dict(os.environ)
        if env:
            self.env.update(env)
        kill_app(self.env)
        self.started = time.monotonic()
        self.process = subprocess.Popen(["flatpak", "run", "--user", APP_ID, *args], env=self.env)
        self.node = wait_for(self._find_app, f"{PROGRAM} (Flatpak) on the accessibility bus",
                             timeout=timeout)
        self.window = wait_for(lambda: self.node.child(roleName="frame", retry=False),
                               "the main window")

    def _find_app(self):
        if self.process.poll() is not None:
            fail(f"flatpak run {APP_ID} exited with status {self.process.returncode}")
        found = [a for a in tree.root.applications() if a.name == PROGRAM]
        # Through Flatpak's proxy the application's PID is the proxy's: take the newest.
        return found[-1] if found else None

    def app_pid(self):
        """The host PID of the app's own process inside its sandbox (not of another instance of
        the same app ID, such as WebKit's sandboxed web process or flatpak-spawn's probe)."""
        def find():
            for instance in instances(self.env):
                pid = app_process(instance)
                try:
                    with open(f"/proc/{pid}/comm", encoding="utf-8") as file:
                        if file.read().strip() == PROGRAM:
                            return pid
                except OSError:
                    continue
            return None
        return wait_for(find, "the app's process in its sandbox", timeout=10)

    # Finding things (under the main window unless another parent is given) -------------------

    def find(self, name=None, role=None, timeout=15.0, showing=True, parent=None):
        return atspi_tree.find(parent or self.window, name, role, timeout, showing)

    def find_all(self, role=None, name=None, showing=True, parent=None):
        return atspi_tree.find_all(parent or self.window, role, name, showing)

    def find_text(self, text, timeout=15.0, exact=False, parent=None):
        return atspi_tree.find_text(parent or self.window, text, timeout, exact,
                                    roles=atspi_tree.WEB_TEXT_ROLES)

    # Acting ---------------------------------------------------------------------------------

    def activate(self, node):
        atspi_tree.activate(node, click=self.click)

    def click(self, node):
        """Clicks the middle of NODE with the pointer. The position comes from the window-relative
        extents plus the X window's place: GTK 4 gives no screen coordinates on X11, and the
        dogtail of Debian 12 asks for those (its node.click() would click the window's corner)."""
        import pyatspi
        extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        window = wait_for(self.window_id, "the X window")
        output = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window],
                                capture_output=True, text=True, check=True).stdout
        place = dict(line.split("=", 1) for line in output.split() if "=" in line)
        x = int(place.get("X", 0)) + extents.x + extents.width // 2
        y = int(place.get("Y", 0)) + extents.y + extents.height // 2
        rawinput.click(x, y)
        time.sleep(0.3)

    def keys(self, combo):
        rawinput.keyCombo(combo)
        time.sleep(0.3)

    def type(self, text):
        rawinput.typeText(text)

    def window_id(self):
        ids = window_ids()
        return ids[0] if ids else None

    def focus(self):
        """Gives the main window the keyboard focus (there is no window manager to do it)."""
        window = wait_for(self.window_id, "the X window")
        subprocess.run(["xdotool", "windowfocus", window], check=False)
        time.sleep(0.2)

    def quit(self, timeout=15.0):
        """Quits with Ctrl+Q, as a user would, and waits for the sandbox to end."""
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
        kill_app(self.env)
        wait_for(lambda: not window_ids(), "the window to go away", timeout=10)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def run(test_main):
    """Runs a check's main function, turns failures into an exit status, and ends the app."""
    try:
        atspi_tree.run(test_main)
    finally:
        try:
            kill_app()
        except Exception:
            pass
