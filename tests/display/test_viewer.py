#!/usr/bin/env python3
"""The in-app web viewer: WebKitGTK is not in the process until a web page is opened, and is
then; a resource's link opens its page in the viewer, with the page's title in the header bar;
a link that asks for a new window loads in the same view; a page's link to a scheme the app
does not open is refused with a toast, and a page cannot navigate to file: or start a message
by itself; Escape returns to the outcome page at the same scroll position; an unreachable page
shows a status page with its address; Open in Browser and a file the viewer cannot show go to
the user's browser; nothing of the pages visited is left in the user's folders; and with the
preference set so, links open in the browser without WebKitGTK being loaded.

The pages come from a small HTTP server run by the test on 127.0.0.1; the browser is a stand-in
.desktop handler that writes the addresses it is given to a file."""

import http.server
import json
import os
import shutil
import socket
import tempfile
import threading
import time

from dogtail import rawinput

import page_scroll
from fake_handler import FakeHandler
from harness import BUILD_DIR, SOURCE_DIR, App, Home, check, fail, run, wait_for

EVERY_KIND = os.path.join(SOURCE_DIR, "tests", "data", "good", "every-kind.json")
MODULE = os.path.join(BUILD_DIR, "src", "viewer", "libmscos-viewer.so")
SAFETY = "Safety from any trafficker or other abusers"
RESOURCE = "Beyond Survival"
TEST_TITLE = "MSCOS viewer test page"
REFUSED_TOAST = "This link was not opened"


def full_page_link(href, text, target=None):
    """A link that covers the whole view, so that a click anywhere in the page follows it."""
    target_attribute = f' target="{target}"' if target else ""
    return (f'<a href="{href}"{target_attribute} style="position:fixed;inset:0;display:block;'
            f'font:48px sans-serif;padding:40px">{text}</a>')


PAGES = {
    "/page.html": (
        "text/html",
        f"<!DOCTYPE html><html><head><title>{TEST_TITLE}</title></head><body>"
        + full_page_link("/second.html", "Second page, in a new window", target="_blank")
        + "</body></html>",
    ),
    "/second.html": (
        "text/html",
        "<!DOCTYPE html><html><head><title>Second page</title></head><body>"
        + full_page_link("ssh://127.0.0.1/refused", "A link to a scheme the app does not open")
        + "</body></html>",
    ),
    # The page tries, without a click, to go to a local file, to start a mail, to open a data:
    # window and to download a file; then it says it is done, and offers a mail link to click.
    "/redirect.html": (
        "text/html",
        "<!DOCTYPE html><html><head><title>Redirect test</title><script>"
        "setTimeout(() => { location.href = 'file:///etc/passwd'; }, 50);"
        "setTimeout(() => { location.href = 'mailto:someone@example.org'; }, 300);"
        "setTimeout(() => { location.href = 'ssh://127.0.0.1/by-script'; }, 500);"
        "setTimeout(() => { window.open('data:text/html,<title>Opened by script</title>'); }, 700);"
        "setTimeout(() => { location.href = '/file.bin?by-script'; }, 900);"
        "setTimeout(() => { document.title = 'Redirect test done'; }, 1500);"
        "</script></head><body>"
        + full_page_link("mailto:someone@example.org", "Write to someone")
        + "</body></html>",
    ),
    "/file.bin": ("application/octet-stream", "not a page"),
}


class Server:
    """Serves PAGES on a free port of 127.0.0.1 in a thread, and sets a cookie with each."""

    def __init__(self):
        self.requests = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(self.path)
                page = PAGES.get(self.path.split("?")[0])
                if page is None:
                    self.send_error(404)
                    return
                content_type, body = page
                data = body.encode("utf-8")
                self.send_response(200)
                charset = "; charset=utf-8" if content_type == "text/html" else ""
                self.send_header("Content-Type", content_type + charset)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Set-Cookie", "mscos_viewer_test=visited; Max-Age=86400; Path=/")
                self.send_header("Cache-Control", "max-age=86400")
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def closed_port():
    """A port of 127.0.0.1 that nothing listens on (not port 1: WebKit refuses that one itself)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_pack(folder, base, closed):
    with open(EVERY_KIND, encoding="utf-8") as file:
        pack = json.load(file)
    for outcome in pack["outcomes"]:
        for section in outcome["sections"]:
            for item in section["items"]:
                if item["id"] == "safety.beyond-survival":
                    item["links"] = [
                        {"title": "Viewer test page", "uri": f"{base}/page.html"},
                        {"title": "Closed port", "uri": f"http://127.0.0.1:{closed}/"},
                        {"title": "Blocked port", "uri": "http://127.0.0.1:1/"},
                        {"title": "Redirect test", "uri": f"{base}/redirect.html"},
                        {"title": "A file", "uri": f"{base}/file.bin"},
                    ]
    path = os.path.join(folder, "viewer-pack.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(pack, file)
    return path


def maps_hold_webkit(app):
    with open(f"/proc/{app.process.pid}/maps") as file:
        return "libwebkitgtk" in file.read()


def center(node):
    x, y, width, height = node.extents
    return x + width // 2, y + height // 2


def click_in_page(app, title):
    """Clicks in the middle of the viewer, under the header bar whose title is `title`."""
    label = app.find_text(title, exact=True)
    x, y = center(label)
    rawinput.click(x, y + 250)


def viewer_title(app, title, timeout=30):
    return app.find_text(title, exact=True, timeout=timeout)


def test_open_page(app, server, browser):
    app.resize(1000, 640)
    app.activate(app.find(SAFETY, role="list item"))
    resource = app.find_on_page(RESOURCE)
    app.activate(app.find("Find out more", role="toggle button", parent=resource))
    link = app.find_on_page("Viewer test page", role="button")

    # Scroll the outcome page with the mouse wheel until the link is part way down the page.
    for _ in range(60):
        if link.extents[1] < 450:
            break
        top = link.extents[1]
        page_scroll.wheel(app, page_scroll.WHEEL_DOWN, clicks=1)
        wait_for(lambda: link.extents[1] != top, "the page to scroll")
    before = app.wait_still(link, "the scrolled page to come to rest")
    check(0 < before[1] < 450 and not app.find_all(name=SAFETY, role="heading"),
          f"the outcome page is scrolled down to the resource's links (link at y={before[1]})")

    check(not maps_hold_webkit(app), "before any web page is opened, WebKitGTK is not in the process")
    app.activate(link)
    viewer_title(app, TEST_TITLE)
    check(True, f"the resource's link opens its page in the viewer, titled {TEST_TITLE!r}")
    check(maps_hold_webkit(app), "once a web page is open, WebKitGTK is in the process")
    check("/page.html" in server.requests, "the page came from the test's server")
    app.find("Reload", role="button")
    app.find("Open in browser", role="button")
    check(True, "the viewer has Reload and Open in browser buttons")
    app.screenshot("viewer-page")

    app.activate(app.find("Open in browser", role="button"))
    wait_for(lambda: f"{server.base}/page.html" in browser.opened(), "the page to reach the browser")
    check(True, "Open in browser hands the page's address to the user's browser")

    click_in_page(app, TEST_TITLE)
    viewer_title(app, "Second page")
    check(True, "a link that asks for a new window loads in the same view")

    click_in_page(app, "Second page")
    app.find_text(REFUSED_TOAST)
    check(app.has_text("Second page"),
          "a page's link to an ssh: address is refused with a toast, and the page stays")
    app.screenshot("viewer-refused-link")

    # The web view has the keyboard focus after the clicks: Escape must still go back.
    app.keys("Escape")
    wait_for(lambda: not app.has_text("Second page"), "the viewer to close after Escape")
    wait_for(lambda: link.showing, "the outcome page")
    after = wait_for(lambda: (extents := link.extents) and abs(extents[1] - before[1]) <= 2
                     and abs(extents[0] - before[0]) <= 2 and extents,
                     f"the link back at y={before[1]}")
    check(True, f"Escape returns to the outcome page at the same scroll position (link at y={before[1]}, "
          f"then y={after[1]})")


def test_unreachable(app, closed):
    resource = app.find_on_page(RESOURCE)
    app.activate(app.find_on_page("Closed port", role="button"))
    app.find_text("This page needs an internet connection", timeout=30)
    app.find_text(f"http://127.0.0.1:{closed}/", exact=True)
    app.find("Copy Address", role="button")
    app.find("Try Again", role="button")
    check(True, "an unreachable page shows 'This page needs an internet connection', its address, "
          "Copy Address and Try Again")
    app.screenshot("viewer-unreachable")
    app.activate(app.find("Try Again", role="button"))
    time.sleep(1.0)
    app.find_text("This page needs an internet connection")
    check(True, "Try Again on a page that is still unreachable keeps the status page")
    app.activate(app.find("Copy Address", role="button"))
    app.find_text("Address copied")
    check(True, "Copy Address copies it (with a toast)")
    app.activate(app.find("Back", role="button"))
    wait_for(lambda: not app.has_text("This page needs an internet connection"), "the viewer to close")
    app.find(RESOURCE, role="heading")
    check(True, "the Back button returns to the outcome page")

    # WebKit refuses some ports itself and shows an empty document: the viewer says so.
    app.activate(app.find_on_page("Blocked port", role="button"))
    app.find_text("This page could not be loaded", timeout=30)
    app.find_text("http://127.0.0.1:1/", exact=True)
    check(True, "an address WebKit refuses (port 1) shows 'This page could not be loaded', not a blank view")
    app.keys("Escape")
    wait_for(lambda: not app.has_text("This page could not be loaded"), "the viewer to close")


def test_page_cannot_wander(app, server, browser):
    resource = app.find_on_page(RESOURCE)
    app.activate(app.find_on_page("Redirect test", role="button"))
    viewer_title(app, "Redirect test")

    def done():
        if app.find_all(name="Open in Another App?"):
            fail("the page started a mail without a click")
        return app.has_text("Redirect test done")
    wait_for(done, "the page to finish its attempts", timeout=15)
    check(not app.find_all(name="Opened by script") and not app.has_text("Opened by script"),
          "a page cannot go to file:, open a data: window or start a mail by itself: it stays put")
    app.find_text("it was blocked")
    check(not any("by-script" in uri for uri in browser.opened()),
          "a file a page downloads without a click is blocked (with a toast), not handed to the browser")

    click_in_page(app, "Redirect test done")
    dialog_title = app.find_text("Open in Another App?")
    check(dialog_title is not None, "a click on a page's mail link asks before opening another app")
    app.activate(app.find("Cancel", role="button"))
    wait_for(lambda: not app.has_text("Open in Another App?"), "the dialog to close")
    app.keys("<Alt>Left")
    wait_for(lambda: not app.has_text("Redirect test done"), "the viewer to close after Alt+Left")
    check(True, "Alt+Left returns to the outcome page")


def test_file(app, server, browser):
    resource = app.find_on_page(RESOURCE)
    app.activate(app.find_on_page("A file", role="button"))
    wait_for(lambda: f"{server.base}/file.bin" in browser.opened(), "the file to reach the browser",
             timeout=30)
    app.find_text("Opened in Your Browser")
    check(True, "a file the viewer cannot show goes to the browser, and the viewer says so")
    app.screenshot("viewer-file")
    app.keys("Escape")
    app.find(RESOURCE, role="heading")


def test_quick_exit(app):
    resource = app.find_on_page(RESOURCE)
    app.activate(app.find_on_page("Viewer test page", role="button"))
    viewer_title(app, TEST_TITLE)
    click_in_page(app, TEST_TITLE)
    viewer_title(app, "Second page")
    app.keys("<Shift>Escape")
    try:
        status = app.process.wait(timeout=10)
    except Exception:
        fail("Shift+Esc did not close the app while a web page had the focus")
    check(status == 0, f"Shift+Esc (quick exit) closes the app while a web page has the keyboard focus "
          f"(status {status})")


def test_links_in_browser(home, pack, env, server, browser):
    """With the preference set to open links in the browser, a resource's link goes to the
    browser, and the app neither fetches it nor loads WebKitGTK."""
    home.set_setting("open-links", "'in-browser'")
    address = f"{server.base}/page.html"
    opened_before = browser.opened().count(address)
    requests_before = len(server.requests)
    with App("--content", pack, home=home, env=env) as app:
        app.activate(app.find(SAFETY, role="list item"))
        resource = app.find_on_page(RESOURCE)
        app.activate(app.find("Find out more", role="toggle button", parent=resource))
        app.activate(app.find_on_page("Viewer test page", role="button"))
        wait_for(lambda: browser.opened().count(address) > opened_before, "the link to reach the browser")
        check(True, "with links set to open in the browser, a resource's link opens there")
        time.sleep(1.0)
        check(len(server.requests) == requests_before and not maps_hold_webkit(app),
              "and the app neither fetches the page nor loads WebKitGTK")
        app.quit()


def check_no_traces(home, browser):
    leftovers = []
    seen = []
    for folder, _, files in os.walk(home.root):
        for name in files:
            path = os.path.join(folder, name)
            if path in browser.files:
                continue
            seen.append("/".join(os.path.relpath(path, home.root).split(os.sep)[:2]))
            try:
                with open(path, "rb") as file:
                    data = file.read()
            except OSError:
                continue
            if (b"127.0.0.1" in data or b"mscos_viewer_test" in data or "webkit" in path.lower()
                    or b"Second page" in data):
                leftovers.append(os.path.relpath(path, home.root))
    print(f"files in the user's folders after the run: {sorted(set(seen))}")
    check(not leftovers, "nothing of the pages visited (address, cookie, cache, WebKit storage) is left "
          "in the user's data, configuration or cache folders" + (f": {leftovers}" if leftovers else ""))


def main():
    if not os.path.exists(os.environ.get("MSCOS_VIEWER_MODULE", MODULE)):
        fail(f"the viewer module is not built ({MODULE})")
    server = Server()
    folder = tempfile.mkdtemp(prefix="mscos-viewer-test-")
    home = Home()
    browser = FakeHandler(home, "browser", ["http", "https"])
    try:
        closed = closed_port()
        pack = write_pack(folder, server.base, closed)
        env = {"HOME": home.root, "MSCOS_VIEWER_MODULE": os.environ.get("MSCOS_VIEWER_MODULE", MODULE)}
        with App("--content", pack, home=home, env=env) as app:
            test_open_page(app, server, browser)
            test_unreachable(app, closed)
            test_page_cannot_wander(app, server, browser)
            test_file(app, server, browser)
            test_quick_exit(app)
        check_no_traces(home, browser)
        test_links_in_browser(home, pack, env, server, browser)
    finally:
        server.close()
        browser.remove()
        home.remove()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    run(main)
