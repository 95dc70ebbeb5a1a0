"""Orca, GNOME's screen reader, in the display suite: what a blind user hears from the app.

`Orca` starts speech-dispatcher and Orca inside the private display, D-Bus session and
accessibility bus that build-aux/with-display gives the suite, sends keys to the app with xdotool
and reads what Orca says from the `SPEECH OUTPUT:` lines of its debug file (`--debug-file`), the
record of its speech that Orca's own tests read too. speech-dispatcher speaks through its dummy
output module into a null sound device (tests/display/screen-reader/speechd.conf), and Orca runs
with the settings a new user gets, less braille, sound and key echo
(tests/display/screen-reader/orca-customizations.py).

    with App() as app:
        app.focus()
        with Orca() as orca:
            orca.wait_for_speech(r"^MSCOS Outcomes frame")
            orca.press("Tab", r"^Main menu toggle button")

Everything Orca says is kept in order as a list of utterances (one per `SPEECH OUTPUT:` line, as
Orca hands them to the speech server): `mark()` is a place in that list, `utterances(since=mark)`
what was said after it. Orca speaks from its own process, after the app has sent it the events a
key caused, so a test waits for what it expects to hear (`wait_for_speech`), never for a guessed
time. `listen(key)` presses a key and returns all that Orca said about it: it waits for Orca to
start speaking, then for Orca to have dealt with every event it had been sent (the debug file
records each event Orca queues and each it finishes). `where_am_i()` asks Orca where the focus is.

Start Orca once the app's window has the keyboard focus (after `App()` and `app.focus()`), as a
user who turns the screen reader on with the app open: Orca then finds the window and its focus
itself. Under the virtual display, without a window manager, GTK gives a new window the focus as
soon as it is mapped, before it has put its accessible objects on the bus, and an Orca already
running would hear of a window it cannot reach yet, and lose the focus.

`tab_until(pattern)` presses Tab until Orca says what is expected, failing if Tab comes round
to the window's first control first; `hear(key, pattern)` leaves out what Orca was still saying
about earlier keys. If Orca cannot run in this root, `start()` skips the test (exit status 77)
and says why. `Pending` holds checks that wait for work not merged yet, each under a named
reason, so that a journey can say today what it must hear and still pass.

The module is named so, not orca.py, so as not to hide Orca's own Python package `orca`, and
Orca is started without the suite's PYTHONPATH for the same reason."""

import contextlib
import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import pyatspi

from harness import check, fail, wait_for

CONFIG_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "screen-reader")

# A line of Orca's debug file that records speech: "HH:MM:SS.ffffff - SPEECH OUTPUT: 'text'",
# followed by the voice it was spoken with, if any. Lines of a message that had line breaks go on
# in lines indented by 18 spaces, under the text after the time stamp.
SPEECH_LINE = re.compile(r"^[\d:.]+ - SPEECH OUTPUT: '(?P<text>.*?)'(?: \{.*\})?$", re.S)
CONTINUATION = " " * 18
# Logged once Orca listens to the accessibility bus and has its key grabs in place.
READY_LINE = "ORCA: Starting Atspi main event loop"
# Logged for each event Orca puts in its queue and for each it has dealt with; when as many have
# been dealt with as were queued, Orca has spoken about all it was told.
QUEUED = "EVENT MANAGER: Queued "
FINISHED = "^^^^^ FINISHED PRIORITY-"
# Orca's answer to its "speak the time" command (Insert+T), which follows everything it said in
# answer to the keys pressed before.
TIME = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?( ?[AP]M)?$")

PR_SET_PDEATHSIG = 1
# The exit status meson reports as SKIP.
SKIP_STATUS = 77
# What Orca says as Tab wraps round from the page to the window's first control.
WINDOW_START = re.compile(r"^Search toggle button")


def skip(reason):
    """Ends the test as skipped: Orca cannot run here, for `reason`."""
    print(f"SKIP: Orca cannot run in this root: {reason}")
    sys.exit(SKIP_STATUS)


def wait_for_first_page(app, pack):
    """Waits until the app shows its first outcome page and has selected its entry in the
    sidebar. The app does both once the pack is loaded, a moment after its window appears; Orca
    announces the selection when it comes, and a key pressed before would be heard with it."""
    title = pack["outcomes"][0]["title"]
    app.find(title, role="heading")
    entry = app.find(title, role="list item")
    wait_for(lambda: entry.getState().contains(pyatspi.STATE_SELECTED),
             f"the sidebar to select {title!r}")


def _stop_here(message):
    """Fails a check without printing FAIL, for a step that Pending may expect to fail; the
    test prints what failed if it was not expected to."""
    raise AssertionError(message)


def said(text):
    """A pattern for an utterance that is `text`, with or without the full stop Orca adds."""
    return "^" + re.escape(text) + r"\.?$"


def opening(text, words=6):
    """A pattern for the first words of `text`, as Orca begins to read it."""
    return re.escape(" ".join(text.split()[:words]))


def _end_with_parent():
    """Runs in a child before it executes its program: the child is sent SIGTERM if the test
    process ends before it has stopped the child, even by a signal it cannot catch."""
    os.setsid()
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _stop(process, timeout=10):
    """Ends a process this module started, and any process of its group (its own children, such
    as speech-dispatcher's output module): SIGTERM, then SIGKILL if it has not ended in time."""
    if process is None:
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if process.poll() is not None:
            break
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            continue
    if process.poll() is None:
        process.wait()
    # Whatever of its group outlived it (a group is named by its leader's pid, which stays
    # reserved while the group has members).
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class Orca:
    """A running Orca and what it has said."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="mscos-orca-")
        self.debug_file = os.path.join(self.root, "orca-debug.out")
        self.prefs = os.path.join(self.root, "prefs")
        self.bin = os.path.join(self.root, "bin")
        self.socket = os.path.join(self.root, "speechd.sock")
        self.speechd = None
        self.process = None
        self._read = 0
        self._pending = ""
        self._said = []
        self._queued = 0
        self._finished = 0
        self._ready = False

    # Starting and stopping -----------------------------------------------------------------

    def start(self, timeout=60):
        """Starts speech-dispatcher, then Orca, and returns once Orca listens to the
        accessibility bus and has said "Screen reader on.".

        If Orca cannot run in this root (it or speech-dispatcher is not installed, does not
        start, or finds no speech server), the test is skipped (exit status 77, which meson
        reports as SKIP) with the reason: that is the root's problem, not the app's, as Orca is
        started only once the app is up."""
        for program in ("orca", "speech-dispatcher", "xdotool"):
            if shutil.which(program) is None:
                skip(f"{program} is not installed (build-aux/dev-packages.txt lists it)")
        try:
            self._start(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self, timeout):
        os.makedirs(self.prefs)
        os.makedirs(self.bin)
        logs = os.path.join(self.root, "speechd-logs")
        os.makedirs(logs)
        shutil.copy(os.path.join(CONFIG_DIR, "orca-customizations.py"), self.prefs)

        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        # speech-dispatcher's client library would start a server of its own (with the user's
        # configuration) if it found none at this address: Orca talks to this one or to none.
        env["SPEECHD_ADDRESS"] = "unix_socket:" + self.socket
        env["SPEECHD_CMD"] = "/bin/false"
        # A braille display on the machine (brltty) is never this session's.
        env["BRLAPI_HOST"] = "127.0.0.1:9"
        self.speechd = subprocess.Popen(
            ["speech-dispatcher", "--run-single", "--config-dir", CONFIG_DIR,
             "--communication-method", "unix_socket", "--socket-path", self.socket,
             "--timeout", "0", "--log-dir", logs],
            env=env, preexec_fn=_end_with_parent, stdout=subprocess.DEVNULL)

        def listening():
            if self.speechd.poll() is not None:
                skip("speech-dispatcher exited as it started: " + self._logs(logs))
            return os.path.exists(self.socket)
        try:
            wait_for(listening, "speech-dispatcher to listen", timeout=timeout)
        except AssertionError:
            skip(f"speech-dispatcher did not listen within {timeout} s: " + self._logs(logs))

        # Orca refuses to start while another Orca of this user runs, and with --replace it
        # kills them all: any Orca on this machine (a desktop's screen reader, another test run)
        # would stop this one or be stopped. Orca looks for them with `pgrep -x orca`; the Orca
        # it is given instead finds none, as this session has only the one it is starting.
        with open(os.path.join(self.bin, "pgrep"), "w") as pgrep:
            pgrep.write("#!/bin/sh\n# No other Orca in this test session.\nexit 1\n")
        os.chmod(os.path.join(self.bin, "pgrep"), 0o755)
        env["PATH"] = self.bin + os.pathsep + env.get("PATH", "")
        self.process = subprocess.Popen(
            ["orca", "--user-prefs", self.prefs, "--debug-file", self.debug_file],
            env=env, preexec_fn=_end_with_parent, stdout=subprocess.DEVNULL)

        def ready():
            if self.process.poll() is not None:
                skip(f"Orca exited with status {self.process.returncode} as it started: "
                     + self._debug_tail())
            self._collect()
            return self._ready and "Screen reader on." in self._said
        try:
            wait_for(ready, "Orca to start", timeout=timeout)
        except AssertionError:
            skip(f"Orca did not say \"Screen reader on.\" within {timeout} s: "
                 + self._debug_tail())
        if not self._speech_server_connected():
            skip("Orca found no speech server: " + self._logs(logs))

    def _debug_tail(self, lines=15):
        try:
            with open(self.debug_file, encoding="utf-8", errors="replace") as file:
                return " | ".join(file.read().splitlines()[-lines:]) or "its debug file is empty"
        except FileNotFoundError:
            return "it wrote no debug file"

    def _speech_server_connected(self):
        with open(self.debug_file, encoding="utf-8", errors="replace") as file:
            log = file.read()
        return "Speech server is <orca.speechdispatcherfactory.SpeechServer" in log

    def _logs(self, folder):
        texts = []
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), errors="replace") as file:
                texts.append(f"{name}: {file.read()[-2000:]}")
        return " | ".join(texts) or "no log"

    def stop(self):
        """Stops Orca, then speech-dispatcher, and removes their files. Safe to call twice."""
        _stop(self.process)
        _stop(self.speechd)
        self.process = self.speechd = None
        if self.root and os.environ.get("MSCOS_KEEP_ORCA_LOG"):
            print(f"Orca's debug file: {self.debug_file}")
        elif self.root:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def __enter__(self):
        return self.start()

    def __exit__(self, exc_type, *exc):
        if exc_type is not None and self._said:
            print("Orca said, last first:\n  " + "\n  ".join(reversed(self._said[-40:])))
        self.stop()
        return False

    # What Orca said -----------------------------------------------------------------------

    def _collect(self):
        """Reads the lines Orca has written to its debug file since the last look."""
        try:
            with open(self.debug_file, "rb") as file:
                file.seek(self._read)
                data = file.read()
        except FileNotFoundError:
            return
        self._read += len(data)
        self._pending += data.decode("utf-8", errors="replace")
        # A record is complete once the next one has begun: the last may still be followed by
        # continuation lines, unless Orca has stopped.
        lines = self._pending.split("\n")
        done = len(lines) - 1
        while done > 0 and lines[done].startswith(CONTINUATION):
            done -= 1
        record = None
        for line in lines[:done]:
            if line.startswith(CONTINUATION) and record is not None:
                record += "\n" + line[len(CONTINUATION):]
                continue
            if record is not None:
                self._take(record)
            record = line
        if record is not None:
            self._take(record)
        self._pending = "\n".join(lines[done:])

    def _take(self, record):
        if READY_LINE in record:
            self._ready = True
        elif record.startswith(FINISHED):
            self._finished += 1
        elif QUEUED in record:
            self._queued += 1
        match = SPEECH_LINE.match(record)
        if match:
            self._said.append(match.group("text"))

    def mark(self):
        """A place in what Orca has said: what it says from now on comes after it."""
        self._collect()
        return len(self._said)

    def utterances(self, since=0):
        """What Orca has said since `since` (a mark), in order."""
        self._collect()
        return self._said[since:]

    def spoken(self, since=0):
        """What Orca has said since `since`, as one text."""
        return " ".join(self.utterances(since))

    def wait_for_speech(self, pattern, since=0, timeout=15.0, what=None):
        """Waits until Orca says something, after the mark `since`, that matches the regular
        expression `pattern` (searched in each utterance, case-sensitive), and returns that
        utterance."""
        regex = re.compile(pattern)

        def said():
            for text in self.utterances(since):
                if regex.search(text):
                    return text
            return None
        try:
            return wait_for(said, what or f"Orca to say {pattern!r}", timeout=timeout)
        except AssertionError:
            print("Orca said since the mark: " + repr(self.utterances(since)))
            raise

    def expect(self, pattern, since=0, message=None, timeout=15.0):
        """Waits for Orca to say `pattern` and passes the check `message` once it has."""
        text = self.wait_for_speech(pattern, since, timeout)
        check(True, f"{message or 'Orca says ' + repr(pattern)}: {text!r}")
        return text

    def idle(self):
        """Whether Orca has dealt with every event it has been sent so far."""
        self._collect()
        return self._finished >= self._queued

    # Keys ---------------------------------------------------------------------------------

    def keys(self, *combos):
        """Presses keys on the focused window, as a user would (xdotool names: "Tab",
        "shift+Tab", "ctrl+f", "KP_Enter"), one after the other."""
        subprocess.run(["xdotool", "key", "--delay", "50", *combos], check=True)

    def type(self, text):
        """Types `text` on the focused window."""
        subprocess.run(["xdotool", "type", "--delay", "30", text], check=True)

    def press(self, combo, pattern, timeout=15.0, what=None):
        """Presses `combo` and waits for Orca to say `pattern` after it; returns the
        utterance."""
        mark = self.mark()
        self.keys(combo)
        return self.wait_for_speech(pattern, since=mark, timeout=timeout,
                                    what=what or f"Orca to say {pattern!r} after {combo}")

    def listen(self, combo, timeout=5.0):
        """Presses `combo` and returns everything Orca says about it: once Orca has begun to
        speak, what it says until it has dealt with all the events it was sent. An empty list
        if Orca says nothing within `timeout` (the key moved the focus to nothing Orca
        presents, or did nothing)."""
        mark = self.mark()
        self.keys(combo)
        deadline = time.monotonic() + timeout
        while not self.utterances(mark):
            if time.monotonic() > deadline:
                return []
            time.sleep(0.05)
        wait_for(self.idle, "Orca to deal with the events of " + combo)
        return self.utterances(mark)

    def hear(self, combo, pattern, timeout=15.0):
        """Presses `combo`, waits for Orca to say `pattern`, then for Orca to have dealt with
        every event it was sent, and returns what it said from that utterance on: what Orca
        was still saying about earlier keys (the echo of typed text, say) is left out."""
        mark = self.mark()
        self.keys(combo)
        regex = re.compile(pattern)
        self.wait_for_speech(pattern, since=mark, timeout=timeout,
                             what=f"Orca to say {pattern!r} after {combo}")
        wait_for(self.idle, "Orca to deal with the events of " + combo)
        said = self.utterances(mark)
        return said[next(i for i, text in enumerate(said) if regex.search(text)):]

    def hear_all(self, combo, *patterns, timeout=15.0):
        """Presses `combo`, waits until Orca has said something that matches each of `patterns`
        and has dealt with every event it was sent, and returns all it said after the key, as
        one text. Orca may present a key's events one at a time (a list, then its entry), and
        be idle in between: this waits for all that is expected."""
        mark = self.mark()
        self.keys(combo)
        for pattern in patterns:
            self.wait_for_speech(pattern, since=mark, timeout=timeout,
                                 what=f"Orca to say {pattern!r} after {combo}")
        wait_for(self.idle, "Orca to deal with the events of " + combo)
        return self.spoken(mark)

    def where_am_i(self, timeout=15.0):
        """Asks Orca where the focus is (its Where Am I command, KP_Enter on a desktop
        keyboard) and returns its answer as one text. Orca's "speak the time" command, pressed
        after it, marks the end of the answer."""
        mark = self.mark()
        self.keys("KP_Enter", "Insert+t")

        def answered():
            said = self.utterances(mark)
            ends = [i for i, text in enumerate(said) if TIME.match(text)]
            return ends and (said[:ends[0]],)
        return " ".join(wait_for(answered, "Orca to say where the focus is", timeout=timeout)[0])

    def tab_until(self, pattern, limit=40, key="Tab"):
        """Presses `key` until Orca says something that matches `pattern` (searched in each
        utterance), and returns all it said for that press as one text. Fails if a press
        reaches nothing Orca announces, or Tab comes round to the window's first control
        first, naming what came before."""
        regex = re.compile(pattern)
        last = "the start"
        for count in range(1, limit + 1):
            spoken = self.listen(key)
            if not spoken:
                _stop_here(f"{key} number {count}, after {last!r}, reaches nothing Orca announces")
            if any(regex.search(text) for text in spoken):
                return " ".join(spoken)
            if count > 1 and any(WINDOW_START.search(text) for text in spoken):
                _stop_here(f"{key} comes round to the window's first control after {last!r}, and "
                     f"never reaches {pattern!r}")
            last = " ".join(spoken)
        _stop_here(f"{limit} presses of {key} did not reach {pattern!r}; the last said {last!r}")


class Pending:
    """Checks that wait for work not merged yet, each under a named reason.

    `reasons` maps a reason's key to what it waits for. A check (or a whole step, with `step`)
    that names a reason in the map may fail: it is reported as XFAIL with the reason and the
    test goes on. Once it passes it is reported as XPASS, and `finish()` fails the test, so that
    the reason is taken out of the map as soon as the work is in: remove its key and the checks
    are ordinary checks again. A check whose reason is not in the map is an ordinary check."""

    def __init__(self, reasons):
        self.reasons = reasons
        self.xfailed = []
        self.xpassed = []

    def check(self, condition, message, waits_for=None):
        if waits_for not in self.reasons:
            check(condition, message)
        elif condition:
            self._passed(message, waits_for)
        else:
            self._failed(message, waits_for)

    @contextlib.contextmanager
    def step(self, what, waits_for):
        """A step of a journey that cannot go on today for the reason `waits_for`: a failure
        in it ends the step, not the test."""
        try:
            yield
        except AssertionError as error:
            if waits_for not in self.reasons:
                raise
            self._failed(f"{what}: {error}", waits_for)
        else:
            if waits_for in self.reasons:
                self._passed(what, waits_for)

    def _failed(self, message, reason):
        print(f"XFAIL - {message} (waits for {reason!r}: {self.reasons[reason]})")
        self.xfailed.append(message)

    def _passed(self, message, reason):
        print(f"XPASS - {message}: passes now, so take {reason!r} out of the test's PENDING")
        self.xpassed.append(reason)

    def finish(self):
        if self.xfailed:
            print(f"{len(self.xfailed)} checks wait for work not merged yet (XFAIL above)")
        if self.xpassed:
            fail("checks listed as waiting pass now: take "
                 + ", ".join(sorted(set(self.xpassed))) + " out of PENDING")
