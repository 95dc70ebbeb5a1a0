#!/usr/bin/env python3
"""Print… and Export as PDF…: Ctrl+P asks what to print, with the outcome shown chosen, and goes
on to the print dialog; Export as PDF… (Ctrl+Shift+P, or the primary menu) writes the outcome shown, chosen outcomes, or the Library
when the Library is shown, as a private PDF (0600) with the same words as the command line's
--export-pdf of the same thing, and says so in a toast."""

import json
import os
import shutil
import stat
import subprocess
import tempfile

from harness import App, Home, check, run, wait_for

SAFETY = "Safety from any trafficker or other abusers"
HOUSING = "Secure and suitable housing"


def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True,
                          check=True).stdout


def cli_pdf_text(home, folder, *args):
    """The text of the PDF that `mscos-outcomes --export-pdf` writes with `args`."""
    path = os.path.join(folder, "cli.pdf")
    subprocess.run(["mscos-outcomes", "--export-pdf", path, *args], env=home.env(), check=True)
    text = pdf_text(path)
    os.remove(path)
    return text


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def choice_dialog(app, title):
    """The dialog that asks what to print, titled `title`."""
    return app.find(title, role="alert")


NOTE = "Ask the case conference about the safe house's landline"


def write_library(home):
    """A library with a bookmarked, annotated quote, for the Library's PDF."""
    entry = {"pack": "uk.co.mscos.content", "item": "safety.quote-victoria-marks",
             "bookmark": {"created": "2026-11-28T10:15:00Z"},
             "note": {"text": NOTE, "created": "2026-11-28T10:15:00Z", "modified": "2026-11-28T10:15:00Z"}}
    os.makedirs(os.path.dirname(home.library_path()), mode=0o700, exist_ok=True)
    with open(home.library_path(), "w", encoding="utf-8") as file:
        json.dump({"format": "mscos-library", "version": 1, "entries": [entry]}, file)


def tab_to(app, dialog, name, role):
    """Presses Tab until the keyboard focus is on the node of `dialog` named `name`."""
    def focused():
        if any(node.focused for node in app.find_all(role=role, name=name, parent=dialog)):
            return True
        app.keys("Tab")
        return False
    wait_for(focused, f"the keyboard focus on {name!r}")


def export_pdf_menu_item(app):
    """Export as PDF…, from the primary menu."""
    app.focus()
    app.activate(app.find("Main menu", role="toggle button"))
    app.activate(app.find("Export as PDF…", role="menu item"))


def main():
    home = Home()
    folder = tempfile.mkdtemp(prefix="mscos-print-")
    try:
        write_library(home)
        with App(home=home) as app:
            app.activate(app.find(SAFETY, role="list item"))
            app.find(SAFETY, role="heading")

            # Ctrl+P: the outcome shown is chosen, and Print… opens GTK's print dialog.
            app.focus()
            app.keys("<Control>p")
            dialog = choice_dialog(app, "Print")
            shown = app.find("This Outcome", role="radio button", parent=dialog)
            check(shown.checked, "Ctrl+P asks what to print, with the outcome shown chosen")
            app.find(SAFETY, parent=dialog)
            check(app.find("The Whole Pack", role="radio button", parent=dialog) is not None
                  and app.find("Chosen Outcomes", role="radio button", parent=dialog) is not None
                  and app.find("The Library", role="radio button", parent=dialog) is not None,
                  "it offers the outcome shown, chosen outcomes, the whole pack and the Library")
            app.screenshot("print-choice")
            app.activate(app.find("Print…", role="button", parent=dialog))
            printer = wait_for(lambda: [w for w in app.node.children if w.name == "Print" and w.showing
                                        and w.roleName in ("dialog", "frame", "window")], "the print dialog")[0]
            check(printer is not None, "Print… opens the print dialog")
            app.activate(app.find("Cancel", role="button", parent=printer))
            wait_for(lambda: not printer.showing, "the print dialog to close")
            check(not app.has_text("Could not print"), "cancelling the print dialog says nothing went wrong")

            # Export as PDF… of the outcome shown, with its key.
            safety_pdf = os.path.join(folder, "safety.pdf")
            app.focus()
            app.keys("<Control><Shift>p")
            dialog = choice_dialog(app, "Export as PDF")
            check(app.find("This Outcome", role="radio button", parent=dialog).checked,
                  "Export as PDF… has the outcome shown chosen")
            app.activate(app.find("Export…", role="button", parent=dialog))
            app.save_file("Export as PDF", safety_pdf)
            app.find_text("Exported as PDF to “safety.pdf”", exact=True)
            check(os.path.exists(safety_pdf), "the toast says the PDF is exported, by its name")
            text = pdf_text(safety_pdf)
            check(SAFETY in text and "Quoted on the MSCOS page, not attributed" in text
                  and text == cli_pdf_text(home, folder, "--outcome", "safety"),
                  "the PDF holds the outcome shown, as --export-pdf --outcome safety does")
            check(mode(safety_pdf) == 0o600, f"the PDF is private ({oct(mode(safety_pdf))})")

            # Chosen outcomes: Housing ticked as well, after Safety in the pack's order.
            chosen_pdf = os.path.join(folder, "chosen.pdf")
            export_pdf_menu_item(app)
            dialog = choice_dialog(app, "Export as PDF")
            # Check buttons have no AT-SPI action in GTK 4.18, and pointer positions in a dialog
            # are not where AT-SPI says: the keyboard goes there, as many users do.
            tab_to(app, dialog, "Chosen Outcomes", "list item")
            app.keys("space")
            housing = app.find(HOUSING, role="check box", parent=dialog)
            tab_to(app, dialog, HOUSING, "list item")
            app.keys("space")
            wait_for(lambda: housing.checked, "Housing to be ticked")
            check(app.find("Chosen Outcomes", role="radio button", parent=dialog).checked
                  and app.find(SAFETY, role="check box", parent=dialog).checked,
                  "ticking an outcome chooses Chosen Outcomes, the outcome shown ticked already")
            app.screenshot("print-chosen")
            app.activate(app.find("Export…", role="button", parent=dialog))
            app.save_file("Export as PDF", chosen_pdf)
            app.find_text("Exported as PDF to “chosen.pdf”", exact=True)
            text = pdf_text(chosen_pdf)
            check(text.index(HOUSING) < text.index(SAFETY)
                  and text == cli_pdf_text(home, folder, "--outcome", "housing", "--outcome", "safety"),
                  "chosen outcomes are printed in the pack's order, as --export-pdf prints them")

            # The Library, when the Library is shown.
            app.activate(app.find("Bookmarks", role="list item"))
            app.find("Bookmarks", role="list")
            library_pdf = os.path.join(folder, "library.pdf")
            export_pdf_menu_item(app)
            dialog = choice_dialog(app, "Export as PDF")
            check(app.find("The Library", role="radio button", parent=dialog).checked
                  and not app.find_all(name="This Outcome", role="radio button", parent=dialog),
                  "on the Library, Export as PDF… has the Library chosen")
            app.activate(app.find("Export…", role="button", parent=dialog))
            app.save_file("Export as PDF", library_pdf)
            app.find_text("Exported as PDF to “library.pdf”", exact=True)
            text = pdf_text(library_pdf)
            check("Bookmarks and notes" in text and "Victoria Marks" in text and NOTE in text
                  and text == cli_pdf_text(home, folder, "--library"),
                  "the Library's PDF holds the bookmarked quote and its note, as --export-pdf --library does")
            check(mode(library_pdf) == 0o600, f"the Library's PDF is private ({oct(mode(library_pdf))})")
            app.quit()
    finally:
        home.remove()
        # MSCOS_PRINT_TEST_OUTPUT=FOLDER keeps the PDFs, to look at them (docs/printing.md).
        keep = os.environ.get("MSCOS_PRINT_TEST_OUTPUT")
        for name in os.listdir(folder):
            if keep:
                os.makedirs(keep, exist_ok=True)
                shutil.copy(os.path.join(folder, name), os.path.join(keep, "dialog-" + name))
            os.remove(os.path.join(folder, name))
        os.rmdir(folder)


if __name__ == "__main__":
    run(main)
