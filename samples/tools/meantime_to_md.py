#!/usr/bin/env python3
"""Turn a MEANTIME CAT XML document (English Wikinews, CC BY 2.5 text) into a Markdown
article for tally's bundled samples: sentence 0 is the title, sentence 1 the date line,
the rest the body (one paragraph per sentence: CAT XML keeps no paragraph breaks).

Usage: meantime_to_md.py FILE.xml > OUT.md
"""
import re
import sys
import xml.etree.ElementTree as ET

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "$", "US$", "€", "£", "#"}


QUOTE = {"open": False}  # quotation state carries across sentences


def detok(tokens):
    out = ""
    quote_open = QUOTE["open"]
    prev = None
    for tok in tokens:
        if tok in ("``", "''"):
            tok = '"'
        if tok == "#":  # Penn Treebank writes the pound sign as '#'
            tok = "£"
        if tok == "'" and prev and prev.endswith("s"):
            out += tok
            prev = tok
            continue
        space = bool(out)
        if tok in NO_SPACE_BEFORE or tok.startswith("'") and tok.lower() in NO_SPACE_BEFORE:
            space = False
        if prev in NO_SPACE_AFTER:
            space = False
        if tok == '"':
            if quote_open:
                space = False
            quote_open = not quote_open
        elif prev == '"' and quote_open:
            space = False
        out += (" " if space else "") + tok
        prev = tok
    QUOTE["open"] = quote_open
    return out


def main(path):
    root = ET.parse(path).getroot()
    sentences = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence")), []).append(tok.text or "")
    ordered = [detok(sentences[k]) for k in sorted(sentences)]
    url = root.get("url", "")
    print(f"# {ordered[0]}\n")
    print(f"{ordered[1]}\n")
    # A sentence that leaves a quotation open continues in the same paragraph.
    paragraph = ""
    for sentence in ordered[2:]:
        paragraph = f"{paragraph} {sentence}".strip()
        if paragraph.count('"') % 2 == 0:
            print(f"{paragraph}\n")
            paragraph = ""
    if paragraph:
        print(f"{paragraph}\n")
    print(f"Original url:\n\n<{url}>")


if __name__ == "__main__":
    main(sys.argv[1])
