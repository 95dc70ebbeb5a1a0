"""A stand-in application for a kind of link, installed in the test's home, that records the
addresses it is given: what the app hands to the desktop's handler for a link (a browser, a mail
client) is read back from its log."""

import os
import shutil
import stat
import tempfile


class FakeHandler:
    """The handler of SCHEMES (for example ["http", "https"]) in HOME's folders, named NAME."""

    def __init__(self, home, name, schemes):
        self.folder = tempfile.mkdtemp(prefix=f"mscos-{name}-")
        self.log = os.path.join(self.folder, "opened.txt")
        script = os.path.join(self.folder, f"fake-{name}")
        with open(script, "w") as file:
            file.write(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{self.log}"\n')
        os.chmod(script, stat.S_IRWXU)
        applications = os.path.join(home.data, "applications")
        os.makedirs(applications, exist_ok=True)
        desktop_id = f"mscos-test-{name}.desktop"
        mime_types = "".join(f"x-scheme-handler/{scheme};" for scheme in schemes)
        with open(os.path.join(applications, desktop_id), "w") as file:
            file.write(f"[Desktop Entry]\nType=Application\nName=Test {name}\n"
                       f"Exec={script} %u\nMimeType={mime_types}\n")
        with open(os.path.join(home.config, "mimeapps.list"), "w") as file:
            file.write("[Default Applications]\n")
            for scheme in schemes:
                file.write(f"x-scheme-handler/{scheme}={desktop_id}\n")
        # The files this handler put in the home, which a test of what the app writes ignores.
        self.files = {os.path.join(applications, desktop_id),
                      os.path.join(home.config, "mimeapps.list")}

    def opened(self):
        """The addresses given to the handler so far, in order."""
        try:
            with open(self.log) as file:
                return [line.strip() for line in file if line.strip()]
        except FileNotFoundError:
            return []

    def remove(self):
        shutil.rmtree(self.folder, ignore_errors=True)
