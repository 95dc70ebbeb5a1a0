#!/usr/bin/env python3
"""The in-app web viewer works inside Flatpak, WebKit's own sandbox included: the sandboxed app
opens a link to a page that this check serves on 127.0.0.1, the page is fetched (the app shares
the network), its script runs and reports the width it was laid out at, its title or text shows
in the app, and the WebKit web process that renders it runs in a sandbox of its own, nested in the
app's (Flatpak's portal starts it, as WebKit asks inside Flatpak): another mount namespace, where
the app's data folder is not there. No address but 127.0.0.1 is used."""

import http.server
import json
import os
import shutil
import threading
import time
import urllib.parse

from fpharness import (APP_DATA, SOURCE_DIR, App, check, fail, note, run, sandbox_info, sandboxed_processes,
                       screenshot, wait_for)

TITLE = "MSCOS Flatpak viewer check"
TEXT = "This page was served on 127.0.0.1 by the Flatpak checks."
LINK_TITLE = "Local test page"
EVERY_KIND = os.path.join(SOURCE_DIR, "tests", "data", "good", "every-kind.json")
OUTCOME = "Safety from any trafficker or other abusers"

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><h1>{TITLE}</h1><p>{TEXT}</p>
<script>
  window.addEventListener("load", () => {{
    fetch("/rendered?width=" + window.innerWidth + "&height=" + window.innerHeight);
  }});
</script></body></html>
""".encode("utf-8")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests = []


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append((self.path, self.headers.get("User-Agent", "")))
        if self.path.startswith("/page.html"):
            body, kind = PAGE, "text/html; charset=utf-8"
        elif self.path.startswith("/rendered"):
            body, kind = b"ok", "text/plain"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def write_pack(url):
    """every-kind.json with the Helpline link pointing at the local page, in the app's own data
    folder: the only place the sandbox can open it from without a portal."""
    with open(EVERY_KIND, encoding="utf-8") as file:
        pack = json.load(file)
    changed = 0
    for outcome in pack["outcomes"]:
        for section in outcome["sections"]:
            for item in section["items"]:
                for link in item.get("links", []):
                    if link["uri"].startswith("https://www.modernslaveryhelpline.org"):
                        link.update(title=LINK_TITLE, uri=url)
                        changed += 1
                        # The item first on its page, so that its link is on screen: the page
                        # makes widgets only for the rows it shows.
                        section["items"].remove(item)
                        section["items"].insert(0, item)
                        outcome["sections"].remove(section)
                        outcome["sections"].insert(0, section)
                        break
    if changed != 1:
        fail("tests/data/good/every-kind.json no longer has the Helpline link this check uses")
    folder = os.path.join(APP_DATA, "flatpak-viewer-check")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(os.path.join(os.path.dirname(EVERY_KIND), "audio"), os.path.join(folder, "audio"))
    path = os.path.join(folder, "pack.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(pack, file, ensure_ascii=False)
    return path


def mount_namespace(pid):
    return os.readlink(f"/proc/{pid}/ns/mnt")


def main():
    server = Server()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    url = f"http://127.0.0.1:{port}/page.html"
    pack = write_pack(url)
    try:
        with App("--content", pack) as app:
            app.click(app.find(OUTCOME, role="list item"))
            app.find(OUTCOME, role="heading")
            links = app.find_all(name=LINK_TITLE, role="button")
            if not links:
                # The link is in what the resource's Find out more opens.
                app.activate(app.find("Find out more", role="toggle button"))
            app.activate(app.find(LINK_TITLE, role="button"))

            def paths():
                return [path for path, _ in server.requests]

            wait_for(lambda: any(p.startswith("/page.html") for p in paths()),
                     f"the viewer to fetch {url}", timeout=45)
            check(True, f"the sandboxed viewer fetched {url}")
            rendered = wait_for(lambda: [p for p in paths() if p.startswith("/rendered")],
                                "the page's script to report its layout", timeout=30)
            query = urllib.parse.parse_qs(urllib.parse.urlparse(rendered[0]).query)
            width = int(query.get("width", ["0"])[0])
            check(width > 0, f"the page's script ran and the page was laid out {width} px wide")
            note(f"user agent: {server.requests[0][1]}")

            shown = wait_for(lambda: app.find_all(name=TITLE, showing=True, parent=app.node)
                             or [n for n in app.node.findChildren(lambda n: TEXT in (n.name or ""))],
                             "the page's title or text in the app", timeout=20)
            check(bool(shown), f"the app shows the page ({shown[0].roleName} {shown[0].name!r})")
            screenshot("viewer")

            app_pid = app.app_pid()

            def settled_web_processes():
                # WebKit may start a process and replace it: take the set once it holds still.
                first = sandboxed_processes("WebKitWebProces")
                time.sleep(0.5)
                return first if first and first == sandboxed_processes("WebKitWebProces") else None

            web = wait_for(settled_web_processes, "WebKit's web process")
            for pid in [app_pid] + web:
                try:
                    with open(f"/proc/{pid}/stat", encoding="utf-8") as file:
                        parent = file.read().rsplit(")", 1)[1].split()[1]
                    with open(f"/proc/{parent}/cmdline", "rb") as file:
                        parent_command = file.read().replace(b"\0", b" ").decode(errors="replace")[:80]
                    note(f"PID {pid}: {mount_namespace(pid)}, parent {parent} ({parent_command})")
                except OSError as error:
                    note(f"PID {pid}: {error}")
            check(all(mount_namespace(pid) != mount_namespace(app_pid) for pid in web),
                  "WebKit's web process runs in a sandbox of its own (another mount namespace)")
            info = sandbox_info(web[0])
            check(info.get("Instance", "sandbox", fallback="") == "true"
                  and "network" not in info.get("Context", "shared", fallback=""),
                  "Flatpak started it as a sandboxed instance (sandbox=true), without the network")
            check(os.path.exists(f"/proc/{app_pid}/root{pack}")
                  and not any(os.path.exists(f"/proc/{pid}/root{pack}") for pid in web),
                  "the app's data folder is there for the app and not for the web process")
            with open(f"/proc/{web[0]}/environ", "rb") as file:
                environ = file.read().split(b"\0")
            check(not any(v.startswith(b"WEBKIT_DISABLE_SANDBOX") for v in environ),
                  "WebKit's sandbox is not switched off")
            app.quit()
    finally:
        server.shutdown()


if __name__ == "__main__":
    run(main)
