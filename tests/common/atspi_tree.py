"""What the display tests and the Flatpak checks share: dogtail set up for speed, the way a
check passes or fails, waiting, and finding and activating widgets in the accessibility tree.
The two harnesses differ only in how they start the app (tests/display/harness.py runs the built
program, tests/flatpak/fpharness.py runs `flatpak run`)."""

import json
import os
import sys
import time
import traceback

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

from dogtail import rawinput, tree  # noqa: E402,F401
from gi.repository import Atspi  # noqa: E402

# A call the app never answers fails after 8 s rather than AT-SPI's 25: GTK 4.18 drops, now
# and then, the reply to the first call after a list view recycles its rows, and the helpers
# below ask again (wait_for) when a call fails.
Atspi.set_timeout(8000, 8000)

# Roles whose name is text on screen: GTK's labels; and with them the web viewer's content.
TEXT_ROLES = ("label", "heading", "text", "static")
WEB_TEXT_ROLES = TEXT_ROLES + ("paragraph", "section", "document web", "link")
# Debian 12's AT-SPI calls a button "push button" where Debian 13's says "button".
ROLE_ALIASES = {"button": {"button", "push button"}}


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
        except AssertionError:
            raise
        except Exception as error:  # the tree changes under us while the app works
            last_error = error
        time.sleep(interval)
    fail(f"timed out waiting for {what}" + (f" ({last_error})" if last_error else ""))


def load_pack(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def role_matches(node, role):
    return role is None or node.roleName in ROLE_ALIASES.get(role, {role})


def find_all(parent, role=None, name=None, showing=True):
    def match(node):
        if not role_matches(node, role):
            return False
        if name is not None and node.name != name:
            return False
        return not showing or node.showing
    return parent.findChildren(match)


def find(parent, name=None, role=None, timeout=15.0, showing=True):
    """Waits for a node under `parent` with this accessible name (and role), showing on screen."""
    def search():
        def match(node):
            if not role_matches(node, role):
                return False
            if name is not None and node.name != name:
                return False
            return not showing or node.showing
        return parent.findChild(match, retry=False, requireResult=False)

    return wait_for(search, f"{role or 'node'} named {name!r}", timeout=timeout)


def node_text(node):
    value = node.name or ""
    if not value:
        try:
            value = node.text or ""
        except Exception:
            value = ""
    return value


def find_text(parent, text, timeout=15.0, exact=False, roles=TEXT_ROLES):
    """Waits for a label under `parent` (or a node of one of `roles`) whose text contains (or
    equals) `text`."""
    def search():
        def match(node):
            if node.roleName not in roles:
                return False
            value = node_text(node)
            return (value == text) if exact else (text in value)
        return parent.findChild(match, retry=False, requireResult=False)

    return wait_for(search, f"text {text!r}", timeout=timeout)


def has_text(parent, text):
    def match(node):
        return node.roleName in TEXT_ROLES and node.showing and text in (node.name or "")
    return parent.findChild(match, retry=False, requireResult=False) is not None


def click(node):
    """Clicks a node with the pointer, as dogtail places it (right for Debian 13's dogtail; the
    Flatpak checks, run by Debian 12's, bring their own)."""
    node.click()
    time.sleep(0.3)


def activate(node, click=click):
    """Activates a widget the way a screen reader does, through its AT-SPI action; a pointer
    click (`click`), which can race animations, only when it has none. A menu button is a node
    without actions around the toggle button that has them."""
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
    click(node)


def run(test_main):
    """Runs a test's main function and turns failures into an exit status."""
    try:
        test_main()
    except AssertionError:
        traceback.print_exc()
        sys.exit(1)
    except SystemExit:
        raise
    except BaseException:
        traceback.print_exc()
        print("FAIL: the test stopped on an unexpected error", file=sys.stderr)
        sys.exit(1)
    print("all checks passed")
