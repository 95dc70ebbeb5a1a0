#!/usr/bin/env python3
"""A mailto: link asks first, and its confirmation shows the whole address: every recipient,
copies and blind copies included, and the subject; once confirmed, the mail client is given
only the fields that fill in a message (subject, body, cc, bcc): an "attach" field, which some
mail clients follow to attach a file, never reaches it.

The mail client is a stand-in .desktop handler that writes the addresses it is given to a file."""

import json
import os
import shutil
import tempfile

from fake_handler import FakeHandler
from harness import SOURCE_DIR, App, Home, check, run, wait_for

EVERY_KIND = os.path.join(SOURCE_DIR, "tests", "data", "good", "every-kind.json")
SAFETY = "Safety from any trafficker or other abusers"
RESOURCE = "Beyond Survival"
MAILTO = ("mailto:help@example.org,second@example.org?cc=copy@example.org&bcc=hidden@example.org"
          "&subject=Hello%20there&attach=%2Fetc%2Fpasswd&body=Hi")


def write_pack(folder):
    with open(EVERY_KIND, encoding="utf-8") as file:
        pack = json.load(file)
    for outcome in pack["outcomes"]:
        for section in outcome["sections"]:
            for item in section["items"]:
                if item["id"] == "safety.beyond-survival":
                    item["links"] = [{"title": "Write to the authors", "uri": MAILTO}]
    path = os.path.join(folder, "mailto-pack.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(pack, file)
    return path


def main():
    home = Home()
    mail = FakeHandler(home, "mail", ["mailto"])
    folder = tempfile.mkdtemp(prefix="mscos-mailto-")
    try:
        with App("--content", write_pack(folder), home=home, env={"HOME": home.root}) as app:
            app.activate(app.find(SAFETY, role="list item"))
            resource = app.find_on_page(RESOURCE)
            app.activate(app.find("Find out more", role="toggle button", parent=resource))
            app.activate(app.find_on_page("Write to the authors", role="button"))
            dialog = app.find("Open in Another App?", role="alert")
            address = app.find_text("mailto:", parent=dialog).name
            for part in ("help@example.org", "second@example.org", "cc=copy@example.org",
                         "bcc=hidden@example.org", "subject=Hello there"):
                check(part in address, f"the confirmation shows {part!r} ({address})")
            check("attach" not in address, "and not the attach field, which is dropped")

            app.activate(app.find("Open", role="button", parent=dialog))
            opened = wait_for(mail.opened, "the mail client to be given the address")[0]
            check("attach" not in opened and "passwd" not in opened,
                  f"the mail client is not given the attach field ({opened})")
            check(opened.startswith("mailto:help@example.org,second@example.org?")
                  and "cc=copy@example.org" in opened and "bcc=hidden@example.org" in opened
                  and "subject=Hello%20there" in opened and "body=Hi" in opened,
                  "it is given every recipient, the subject and the body")
    finally:
        mail.remove()
        home.remove()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    run(main)
