#!/usr/bin/env python3
"""Search in the app: Ctrl+F and typing on a page open it; results come grouped by outcome as
you type; a query with no match says so; Enter opens the best result in its page with what holds
it opened; Escape closes the search."""

import time

from harness import App, check, run, wait_for

TARGET = "Access to legal advice: Civil legal aid must be extended"


def main():
    with App() as app:
        app.focus()
        app.keys("<Control>f")
        entry = app.find("Search", role="entry")
        check(entry is not None, "Ctrl+F opens the search entry")
        app.type("kalayaan")
        results = app.find("Search results", role="list")
        wait_for(lambda: app.find_all(role="list item", parent=results), "results")
        app.find("Safety from any trafficker or other abusers", role="heading", parent=results)
        names = [row.name for row in app.find_all(role="list item", parent=results)]
        check(len(names) >= 3, f"typing shows results as you type ({len(names)} for 'kalayaan')")
        check(True, "results are grouped under their outcome's title")

        app.keys("<Control>a")
        app.type("zzqxj")
        app.find("No Results Found")
        check(True, "a query without a match says No Results Found")

        app.keys("<Control>a")
        app.type("legal aid")
        wait_for(lambda: app.find_all(role="list item", parent=results), "results for legal aid")
        app.keys("Return")
        label = app.find_text(TARGET)
        wait_for(lambda: label.showing and label.extents[1] > 0, "the result on screen")
        check(True, "Enter opens the best result in its page, its recommendation set opened")
        window_height = app.window.extents[3]
        check(0 < label.extents[1] < app.window.extents[1] + window_height,
              f"the result is scrolled into view (y={label.extents[1]})")

        app.find("Search", role="entry").click()
        app.keys("Escape")
        wait_for(lambda: not app.find_all(name="Search results", role="list"), "the search to close")
        app.find("Outcomes", role="list")
        check(True, "Escape closes the search and the outcomes come back")

        app.activate(app.find("Trauma-informed services", role="list item"))
        app.find("Trauma-informed services", role="heading")
        app.focus()
        app.type("survivor")
        entry = app.find("Search", role="entry")
        wait_for(lambda: "survivor" in (entry.text or ""), "the typed text in the search entry")
        check(True, "typing on a page opens the search with what was typed")


if __name__ == "__main__":
    run(main)
