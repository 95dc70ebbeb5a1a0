#!/usr/bin/env python3
"""The Safety outcome of the built-in pack against the MSCOS page it was made from.

tests/data/seed/mscos-safety-page.txt is a text copy of the website's Safety page, the only
MSCOS page the pack has in full. Its content goes into the pack whole, and survivors' and
practitioners' words exactly as said, so this test checks, in both directions:

- every paragraph and every sentence of 40 characters or more of the page (the site menu above
  it and the footer below it left out) is in the Safety outcome, as written or through one of
  the `corrections` recorded on the item that holds it;
- every quote, and every quote block, is on the page word for word: a quote never carries a
  correction, and no attribution is given that the page does not give;
- every text of the Safety outcome that comes from the page (summaries, full texts,
  recommendations, descriptions, quotes) is on the page once its recorded corrections are
  undone, so nothing is added to the page's words unseen;
- every correction's original is on the page, and its corrected text on its own item.

The comparison normalises whitespace only: runs of spaces, non-breaking spaces and line breaks
count as one space. Quotation marks, dashes, apostrophes and letters are compared as they are.
Three presentation conventions of docs/content-review.md are applied, each named below where
it is used: the lines the text copy broke in the middle of a sentence are joined
(CONTINUED_LINES), a list's bullet or number is not part of an entry's words, and the marks
that open and close a quotation are left out with the quotation set apart. The page's
attribution lines are matched to the quotes' speakers and roles in ATTRIBUTIONS, and the one
line the pack splits in two is in SPLIT_PARAGRAPHS.
"""

import json
import os
import re
import sys

SOURCE_DIR = os.environ.get("MSCOS_SOURCE_DIR",
                            os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
PACK = os.path.join(SOURCE_DIR, "resources", "content", "mscos.json")
SEED = os.path.join(SOURCE_DIR, "tests", "data", "seed", "mscos-safety-page.txt")
OUTCOME = "safety"
MIN_LENGTH = 40

# Lines of the text copy that stop in the middle of a sentence and go on in the next line.
CONTINUED_LINES = [
    "Safety from any trafficker",
    "Relevant Practice Models and Frameworks",
    "Support for survivors is delivered to comply with a remote decision-making process, rather than being tailored",
    "\"The criminal exploitation of children is a complex type of child abuse where a young",
    "• New powers should be given to the police and criminal",
    "• Recruitment approaches in schools should ensure that staff are diverse",
    "and representative of the communities they work with, especially in senior",
    "6.",
    "Shiva Foundation’s latest report",
    "Trafficking in Human Beings in Ireland: The second",
    "Evaluation Report on the progress made and actions",
    "undertaken by the State to address and combat human",
    "trafficking, in all its forms",
    "is a resource for national policy",
]

# A label the page puts before a text, which the pack shows as a heading of its own.
LABELS = ["MSCOS study descriptor: "]

# The page's attribution lines: the words on the page, the quote they belong to, and that
# quote's speaker and role in the pack. A quote item of the Safety outcome has a speaker only if
# it is listed here; every other quote is shown as not attributed.
ATTRIBUTIONS = [
    ("Victoria Marks, Director and Solicitor, Anti Trafficking and Labour Exploitation Unit",
     "safety.quote-victoria-marks", "Victoria Marks",
     "Director and Solicitor, Anti Trafficking and Labour Exploitation Unit"),
    ("Phillipa King, Managing Director, Shiva Foundation",
     "safety.shiva-licensing-report.quote-phillipa-king", "Phillipa King",
     "Managing Director, Shiva Foundation"),
    # The caption over Keith Lewis's column, in which this quote stands.
    ("Keith Lewis MSCOS Research Advisory Board",
     "safety.quote-keith-lewis-licensing", "Keith Lewis", "MSCOS Research Advisory Board"),
    ("Caroline Haughey KC, OBE",
     "safety.sipps.endorsement-caroline-haughey", "Caroline Haughey KC, OBE", None),
    ("Head of Child Safeguarding, London",
     "safety.sipps.endorsement-head-of-child-safeguarding", "Head of Child Safeguarding", "London"),
    ("Detective Sergeant, London Metropolitan Police",
     "safety.sipps.endorsement-detective-sergeant", "Detective Sergeant", "London Metropolitan Police"),
    ("Social Worker, London",
     "safety.sipps.endorsement-social-worker", "Social Worker", "London"),
    ("Urmila Bhoola (former UN Special Rapporteur on Contemporary Forms of Slavery) in the foreword "
     "of the ATLEU report, \"It has destroyed me’: A legal advice system on the brink\".",
     "safety.atleu-legal-advice-report.quote-urmila-bhoola", "Urmila Bhoola",
     "former UN Special Rapporteur on Contemporary Forms of Slavery, in the foreword of the ATLEU "
     "report, \"It has destroyed me’: A legal advice system on the brink\""),
    ("Dragana Wright, HBF Counter-Trafficking Programme Manager",
     "safety.hbf-counter-trafficking.quote-dragana-wright", "Dragana Wright",
     "HBF Counter-Trafficking Programme Manager"),
    ("Anushya Kulupana, Senior Associate Just Right Scotland",
     "safety.satec.quote-anushya-kulupana", "Anushya Kulupana", "Senior Associate Just Right Scotland"),
]

# The one page line that runs a title into the text after it; the pack makes it a title and a
# summary.
SPLIT_PARAGRAPHS = {
    "Identifying pathways to support British victims of modern slavery towards safety and recovery "
    "Through analysis of data collected via surveys, interviews with survivors, support practitioners "
    "and criminal justice professionals, and a review of case law and legislation, this scoping study "
    "investigated the pathways to support for British nationals who are potential victims of modern slavery.": [
        "Identifying pathways to support British victims of modern slavery towards safety and recovery",
        "Through analysis of data collected via surveys, interviews with survivors, support practitioners "
        "and criminal justice professionals, and a review of case law and legislation, this scoping study "
        "investigated the pathways to support for British nationals who are potential victims of modern slavery.",
    ],
}

OPENING_MARKS = "\"“"
CLOSING_MARKS = "\"”"
LIST_MARK = re.compile(r"^(?:[•▪]\s*)?(?:\d+\.(?!\d)\s*)?")
SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")

failures = 0


def check(condition, message):
    global failures
    print(("ok - " if condition else "not ok - ") + message)
    if not condition:
        failures += 1
    return condition


def normalise(text):
    """Whitespace only: every run of white space (line breaks and non-breaking spaces too) is one space."""
    return " ".join(text.split())


def page_paragraphs(lines):
    """The page's paragraphs, without the site menu above the content and the footer below it."""
    start = 1  # the site's name, then the menu as a bulleted list (the copy holds it twice)
    while start < len(lines) and lines[start].strip().startswith("•"):
        start += 1
    end = next(i for i, line in enumerate(lines) if line.strip() == "MODERN SLAVERY CORE OUTCOME SET")
    continued = set(normalise(line) for line in CONTINUED_LINES)
    paragraphs, pending = [], []
    for line in lines[start:end]:
        text = normalise(line)
        if not text:
            continue
        pending.append(text)
        if text not in continued:
            paragraphs.append(" ".join(pending))
            pending = []
    if pending:
        paragraphs.append(" ".join(pending))
    return paragraphs


class Item:
    """One object of the pack with an id (the outcome, a section, an item or a recommendation):
    the texts that are its own, those of them that come from the page, and its corrections."""

    def __init__(self, data, kind):
        self.data = data
        self.id = data["id"]
        self.kind = kind
        self.own = []       # every text of this object, editors' titles too
        self.page = []      # the texts that come from the page
        self.corrections = data.get("corrections", [])


def block_texts(blocks, quotes):
    texts = []

    def entry(value):
        if isinstance(value, str):
            texts.append(value)
            return
        texts.append(value["text"])
        if "label" in value:
            texts.append(value["label"])
        for child in value.get("items", []):
            entry(child)

    for block in blocks:
        if block["type"] == "quote":
            quotes.append(block)
        if block["type"] == "list":
            for value in block["items"]:
                entry(value)
        else:
            texts.append(block["text"])
    return texts


def collect(outcome):
    """Every object with an id under the outcome, and every quote item and quote block."""
    items, quotes = [], []

    def add(data, kind, own, page):
        item = Item(data, kind)
        item.own = [text for text in own if text]
        item.page = [text for text in page if text]
        items.append(item)
        return item

    def recommendation(data, set_item):
        add(data, "recommendation", [data["text"], data.get("label")], [data["text"], data.get("label")])
        for child in data.get("items", []):
            recommendation(child, set_item)

    def item(data):
        kind = data["kind"]
        if kind == "quote":
            quotes.append(data)
            add(data, kind, [data["text"], data.get("speaker"), data.get("role")], [data["text"]])
        elif kind == "audio":
            add(data, kind, [data["title"], data["description"]] + block_texts(data.get("transcript", []), quotes),
                [data["description"]] + block_texts(data.get("transcript", []), quotes))
        elif kind == "resource":
            body = block_texts(data.get("body", []), quotes)
            add(data, kind, [data["title"], data["summary"]] + body, [data["summary"]] + body)
        elif kind == "profile":
            body = block_texts(data["body"], quotes)
            add(data, kind, [data["name"], data.get("role")] + body, body)
        elif kind == "text":
            body = block_texts(data["body"], quotes)
            add(data, kind, [data.get("title")] + body, body)
        elif kind == "recommendations":
            texts = block_texts(data.get("intro", []), quotes)
            for group in data["groups"]:
                texts += [group.get("title")] + block_texts(group.get("intro", []), quotes)
            add(data, kind, [data["title"]] + texts, texts)
            for group in data["groups"]:
                for child in group["items"]:
                    recommendation(child, data)
        for child in data.get("items", []):
            item(child)

    descriptor = block_texts(outcome["descriptor"], quotes)
    add(outcome, "outcome", [outcome["title"], outcome.get("strapline")] + descriptor,
        [outcome.get("strapline")] + descriptor)
    for section in outcome["sections"]:
        intro = block_texts(section.get("intro", []), quotes)
        add(section, "section", [section.get("title")] + intro, intro)
        for data in section["items"]:
            item(data)
    return items, quotes


def apply(corrections, text, undo=False):
    for correction in corrections:
        original, corrected = correction["original"], correction["corrected"]
        text = text.replace(corrected, original) if undo else text.replace(original, corrected)
    return text


def main():
    with open(PACK, encoding="utf-8") as file:
        pack = json.load(file)
    with open(SEED, encoding="utf-8") as file:
        lines = file.read().split("\n")
    outcome = next(o for o in pack["outcomes"] if o["id"] == OUTCOME)
    items, quotes = collect(outcome)
    by_id = {item.id: item for item in items}
    page = normalise("\n".join(lines))
    haystack = "\n".join(normalise(text) for item in items for text in item.own)
    corrected_items = [item for item in items if item.corrections]

    def in_pack(text):
        """How the pack holds a text of the page: as written, or through the corrections of one item."""
        if text in haystack:
            return "as written"
        for item in corrected_items:
            fixed = apply(item.corrections, text)
            if fixed != text and any(fixed in normalise(own) for own in item.own):
                return f"through the corrections of {item.id}"
        return None

    # The page in the pack.
    attribution_lines = {normalise(line) for line, *_ in ATTRIBUTIONS}
    missing = []
    paragraphs = page_paragraphs(lines)
    for paragraph in paragraphs:
        for label in LABELS:
            if paragraph.startswith(label):
                paragraph = paragraph[len(label):]
        # A list's bullet or number is not part of the entry's words (the pack keeps a number
        # as the recommendation's label).
        paragraph = LIST_MARK.sub("", paragraph, count=1)
        if len(paragraph) < MIN_LENGTH or paragraph in attribution_lines:
            continue
        if paragraph in SPLIT_PARAGRAPHS:
            pieces = SPLIT_PARAGRAPHS[paragraph]
            if all(in_pack(piece) for piece in pieces):
                continue
        found = in_pack(paragraph)
        if not found and (paragraph[0] in OPENING_MARKS or paragraph[-1] in CLOSING_MARKS):
            # The marks that open and close a quotation are left out: the app sets quotes apart.
            found = in_pack(paragraph.lstrip(OPENING_MARKS).rstrip(CLOSING_MARKS).strip())
        if found:
            continue
        sentences = [s for s in SENTENCE_END.split(paragraph) if len(s) >= MIN_LENGTH and not in_pack(s)]
        missing.append((paragraph, sentences))
    for paragraph, sentences in missing:
        print(f"  not in the pack: {paragraph[:160]!r}")
        for sentence in sentences:
            print(f"    sentence: {sentence[:160]!r}")
    check(not missing, f"each of the page's {len(paragraphs)} paragraphs of {MIN_LENGTH} characters or more, "
          "and each of their sentences, is in the Safety outcome, as written or through a recorded correction")

    # Quotes: the words as said, and only the attributions the page gives.
    changed = [q for q in quotes if normalise(q["text"]) not in page]
    for quote in changed:
        words = normalise(quote["text"])
        near = max((s for s in SENTENCE_END.split(words)), key=lambda s: (s not in page, len(s)))
        print(f"  a quote differs from the page: {quote.get('id', 'a quote block')}: {near[:160]!r}")
    check(not changed, f"all {len(quotes)} quotes and quote blocks are on the page word for word")
    corrected_quotes = [q["id"] for q in quotes if "id" in q and "corrections" in q]
    check(not corrected_quotes, f"no quote carries a correction ({corrected_quotes})")

    listed = {quote_id: (line, speaker, role) for line, quote_id, speaker, role in ATTRIBUTIONS}
    wrong = []
    for quote in (q for q in quotes if "id" in q):
        expected = listed.get(quote["id"])
        given = (quote.get("speaker"), quote.get("role"))
        if expected is None and given != (None, None):
            wrong.append(f"{quote['id']}: {given} has no attribution line on the page")
        elif expected is not None and (given != expected[1:] or normalise(expected[0]) not in page):
            wrong.append(f"{quote['id']}: {given}, the page gives {expected[0]!r}")
    for line in wrong:
        print("  " + line)
    check(not wrong and all(quote_id in by_id for quote_id in listed),
          "a quote has a speaker only where the page names one, and then as the page does")

    profiles = {}
    for item in items:
        if item.kind == "profile":
            for block in item.data["body"]:
                profiles[id(block)] = item.data["name"]
    stray = [q["text"][:60] for q in quotes if "id" not in q and "attribution" in q
             and profiles.get(id(q)) != q["attribution"]]
    check(not stray, f"a quote block is attributed only inside the profile of the person it names ({stray})")

    # The pack's texts on the page.
    added = []
    for item in items:
        for text in item.page:
            words = normalise(apply(item.corrections, text, undo=True))
            if words not in page:
                added.append((item.id, words))
    for item_id, words in added:
        near = max(SENTENCE_END.split(words), key=lambda s: (s not in page, len(s)))
        print(f"  not on the page: {item_id}: {near[:160]!r}")
    check(not added, "every text of the Safety outcome that comes from the page is on it, once its corrections are undone")

    # The corrections themselves.
    bad = []
    for item in corrected_items:
        for correction in item.corrections:
            if normalise(correction["original"]) not in page:
                bad.append(f"{item.id}: {correction['original']!r} is not on the page")
            if not any(correction["corrected"] in own for own in item.own):
                bad.append(f"{item.id}: {correction['corrected']!r} is not in the item's text")
    for line in bad:
        print("  " + line)
    count = sum(len(item.corrections) for item in corrected_items)
    check(not bad, f"each of the {count} corrections has its original on the page and its correction on its item")

    print("all checks passed" if failures == 0 else f"{failures} checks failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
