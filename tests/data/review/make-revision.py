#!/usr/bin/env python3
# make-revision.py — make a second revision of a content pack, with named edits of every kind
#
#   make-revision.py BASE.json REVISION.json EXPECTED.json
#
# The build runs this on the built-in pack (resources/content/mscos.json), so the revision
# never goes stale while the pack is being edited: each edit picks its target by its shape
# (the first numbered set with labels, the first quote with a role…), not by id, and no two
# edits pick the same thing. EXPECTED.json lists what a comparison of the two packs must find,
# edit by edit: the change, the id, the members that changed and, for a move, where from.
# test-pack-diff.c checks that the comparison finds exactly that. If the pack no longer has
# something an edit needs, the script says which edit and stops.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import json
import re
import sys


def is_group(node):
    return "kind" not in node and "text" not in node and "style" in node


def is_recommendation(node):
    return "kind" not in node and "text" in node


def walk_items(items, parent=None):
    """Yields (item, parent, list it is in) for every item below a section, depth first."""
    for item in items:
        yield item, parent, items
        if item.get("kind") == "resource":
            yield from walk_items(item.get("items", []), item)
        elif item.get("kind") == "recommendations":
            for group in item["groups"]:
                yield group, item, item["groups"]
                yield from walk_recommendations(group["items"], group)


def walk_recommendations(recommendations, parent):
    for recommendation in recommendations:
        yield recommendation, parent, recommendations
        yield from walk_recommendations(recommendation.get("items", []), recommendation)


def all_items(pack):
    for outcome in pack["outcomes"]:
        for section in outcome["sections"]:
            for item, parent, siblings in walk_items(section["items"]):
                yield outcome, section, item, parent, siblings


def ids_below(item):
    """The ids of everything nested in an item, in page order."""
    found = []
    for child, _, _ in walk_items(item.get("items", []), item):
        if "id" in child:
            found.append(child["id"])
    for group in item.get("groups", []):
        if "id" in group:
            found.append(group["id"])
        for recommendation, _, _ in walk_recommendations(group["items"], group):
            found.append(recommendation["id"])
    return found


class Reviser:
    def __init__(self, base):
        self.pack = copy.deepcopy(base)
        self.expected = []
        # Ids an edit changed, and containers whose order an edit changed: no other edit
        # takes them, so that every expected change has one cause.
        self.taken = set()

    def expect(self, edit, change, item_id, members=(), **where):
        entry = {"edit": edit, "change": change, "id": item_id, "members": sorted(members)}
        entry.update(where)
        self.expected.append(entry)
        self.taken.add(item_id)

    def find(self, edit, predicate):
        for outcome, section, item, parent, siblings in all_items(self.pack):
            if "id" in item and item["id"] not in self.taken \
                    and predicate(item, parent, siblings):
                return outcome, section, item, parent, siblings
        sys.exit(f"make-revision.py: edit “{edit}”: the pack has nothing this edit can change")

    def reword_recommendation(self):
        edit = "reworded recommendation"
        _, _, item, _, _ = self.find(edit, lambda i, p, s: is_recommendation(i) and is_group(p)
                                     and len(i["text"].split()) >= 6 and not i.get("items"))
        words = item["text"].split(" ")
        words[2] = "all"
        item["text"] = " ".join(words)
        self.expect(edit, "changed", item["id"], ["text"])

    def renumber_set(self):
        edit = "renumbered set"

        def numbered_with_labels(group, parent):
            return (is_group(group) and group["style"] == "numbered"
                    and len(group["items"]) >= 3
                    and all(re.fullmatch(r"[0-9]+\.", r.get("label", ""))
                            and r["id"] not in self.taken for r in group["items"])
                    and parent["id"] not in self.taken)

        for outcome, section, item, parent, siblings in all_items(self.pack):
            if parent is not None and parent.get("kind") == "recommendations" \
                    and numbered_with_labels(item, parent):
                group = item
                break
        else:
            sys.exit(f"make-revision.py: edit “{edit}”: no numbered group with labels")

        new_id = parent["id"] + ".review-new-first"
        for recommendation in group["items"]:
            number = int(recommendation["label"].rstrip("."))
            recommendation["label"] = f"{number + 1}."
            self.expect(edit, "changed", recommendation["id"], ["label"])
        group["items"].insert(0, {"id": new_id, "label": "1.",
                                  "text": "Review every recommendation with survivors."})
        self.expect(edit, "new", new_id)
        self.taken.add(parent["id"])

    def remove_resource(self):
        # The smallest resource that has items of its own, so that removing one removes
        # what is nested in it too.
        edit = "removed resource"
        candidates = [(len(ids_below(item)), n, item, siblings)
                      for n, (_, _, item, parent, siblings) in enumerate(all_items(self.pack))
                      if item.get("kind") == "resource" and item.get("items")
                      and not {item["id"], *ids_below(item)} & self.taken]
        if not candidates:
            sys.exit(f"make-revision.py: edit “{edit}”: no resource with items")
        _, _, item, siblings = min(candidates, key=lambda c: c[:2])
        for nested_id in ids_below(item):
            self.expect(edit, "removed", nested_id)
        self.expect(edit, "removed", item["id"])
        siblings.remove(item)

    def add_quote(self):
        edit = "new quote"
        for outcome in self.pack["outcomes"]:
            for section in outcome["sections"]:
                if len(section["items"]) >= 2 and section["id"] not in self.taken:
                    new_id = section["id"] + ".review-new-quote"
                    section["items"].insert(1, {
                        "id": new_id, "kind": "quote",
                        "text": "Being safe means being able to plan for tomorrow.",
                        "speaker": "A survivor",
                    })
                    self.expect(edit, "new", new_id)
                    self.taken.add(section["id"])
                    return
        sys.exit(f"make-revision.py: edit “{edit}”: no section with two items")

    def change_link(self):
        edit = "changed link"
        _, _, item, _, _ = self.find(edit, lambda i, p, s: i.get("kind") == "resource"
                                     and i.get("links"))
        item["links"][0]["uri"] = "https://www.example.org/moved-report"
        self.expect(edit, "changed", item["id"], ["links"])

    def move_item(self):
        edit = "moved item"
        sections = [s for o in self.pack["outcomes"] for s in o["sections"]
                    if s["id"] not in self.taken]
        if not sections:
            sys.exit(f"make-revision.py: edit “{edit}”: no section to move an item to")
        target = sections[-1]

        def movable(item, parent, siblings):
            return parent is None and item.get("kind") == "text" and len(siblings) >= 2 \
                and target["id"] not in self.taken and item not in target["items"]

        outcome, section, item, _, siblings = self.find(edit, movable)
        siblings.remove(item)
        target["items"].append(item)
        self.expect(edit, "moved", item["id"], old_section=section["id"],
                    old_outcome=outcome["id"], section=target["id"])
        self.taken.add(section["id"])
        self.taken.add(target["id"])

    def change_attribution(self):
        edit = "changed attribution"
        _, _, item, _, _ = self.find(edit, lambda i, p, s: i.get("kind") == "quote" and "role" in i)
        item["role"] = item["role"] + " (former member)"
        self.expect(edit, "changed", item["id"], ["role"])

    def change_nested_recommendation(self):
        edit = "nested recommendation"
        _, _, item, _, _ = self.find(edit, lambda i, p, s: is_recommendation(i)
                                     and is_recommendation(p) and p["id"] not in self.taken)
        item["text"] = item["text"].rstrip(".") + ", within a month."
        self.expect(edit, "changed", item["id"], ["text"])

    def bump_revision(self):
        revision = self.pack["pack"]["revision"]
        numbered = re.fullmatch(r"(.*\.)([0-9]+)", revision)
        if numbered:
            self.pack["pack"]["revision"] = numbered[1] + str(int(numbered[2]) + 1)
        else:
            self.pack["pack"]["revision"] = revision + ".1"
        self.pack["pack"]["date"] = "2027-01-15"
        self.expected.append({"edit": "new revision", "change": "changed", "id": None,
                              "members": ["date", "revision"]})


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: make-revision.py BASE.json REVISION.json EXPECTED.json")

    with open(sys.argv[1], encoding="utf-8") as f:
        base = json.load(f)

    reviser = Reviser(base)
    reviser.bump_revision()
    # The removal goes before the others, whose targets might be in the removed resource.
    reviser.remove_resource()
    reviser.renumber_set()
    reviser.change_nested_recommendation()
    reviser.reword_recommendation()
    reviser.add_quote()
    reviser.change_link()
    reviser.move_item()
    reviser.change_attribution()

    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(reviser.pack, f, ensure_ascii=False, indent=2)
        f.write("\n")
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        json.dump(reviser.expected, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
