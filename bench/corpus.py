#!/usr/bin/env python3
"""Builds tally's benchmark corpus from the third-party news in ../shared/eval/.

Writes, under OUT (default bench/out/corpus, git-ignored; never commit it, most of the
text is not redistributable):

- originals.jsonl: every article once, as JSON lines {"id", "source", "url", "title",
  "published", "text"} that `tally extract`/`tally bench` read as JSONL and the peers
  read too. Sources: Reuters-21578 (all stories with a body, from the SGML), MUC-3 (all
  reports), PolNeAR (every article text, dates and titles from metadata.tsv), MEANTIME
  (the rebuilt texts `tally-eval`'s entity_texts example writes, dates from each file's
  creation-time TIMEX3), when --meantime-texts is given.
- corpus.jsonl: originals.jsonl repeated (ids suffixed "~2", "~3", ...) until the text
  reaches --target-mb megabytes (10^6 bytes of UTF-8 text), for throughput.
Both list the articles of all sources interleaved in a fixed pseudo-random order.
- manifest.json: documents and bytes per source and in total, and a SHA-256 of each file,
  so a run can say exactly what it measured.

Deterministic: same inputs, same bytes out. Standard library only.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
from pathlib import Path

MONTHS = {m: i for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), start=1)}

REUTERS_DOC = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
TAG = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "DATELINE", "BODY")}


def reuters(root: Path):
    """Reuters-21578 stories: dateline + body, hard-wrapped lines joined into paragraphs."""
    for sgm in sorted(root.glob("reut2-*.sgm")):
        # The collection is ASCII apart from a few stray Latin-1 bytes.
        raw = sgm.read_bytes().decode("latin-1")
        for m in REUTERS_DOC.finditer(raw):
            newid, block = m.group(1), m.group(2)
            get = lambda name: (TAG[name].search(block).group(1) if TAG[name].search(block) else "")  # noqa: E731
            body = get("BODY")
            if not body.strip():
                continue
            body = html.unescape(body).replace("\x03", "")
            body = re.sub(r"\s*Reuter\s*$", "", body.strip())
            # Paragraphs start with an indented line; other newlines are only line wraps.
            paras = [" ".join(p.split()) for p in re.split(r"\n\s{3,}", body)]
            dateline = " ".join(html.unescape(get("DATELINE")).split())
            text = "\n\n".join(p for p in paras if p)
            if dateline:
                text = f"{dateline} {text}"
            yield {
                "id": f"reuters-{newid}",
                "source": "reuters21578",
                "url": None,
                "title": " ".join(html.unescape(get("TITLE")).split()) or None,
                "published": reuters_date(get("DATE")),
                "text": text,
            }


def reuters_date(raw: str) -> str | None:
    m = re.match(r"\s*(\d{1,2})-([A-Z]{3})-(\d{4})", raw)
    if not m or m.group(2) not in MONTHS:
        return None
    return f"{m.group(3)}-{MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"


def muc3(root: Path):
    """MUC-3 reports; the first line ("DEV-MUC3-0001 (NOSC)") is an archive id, not text."""
    with open(root / "muc3-plaintext.jsonl", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            text = rec["text"]
            head, sep, rest = text.partition("\n\n")
            if sep and rec["id"] in head:
                text = rest
            yield {
                "id": f"muc3-{rec['id']}",
                "source": "muc3",
                "url": None,
                "title": None,
                "published": rec.get("date"),
                "text": text.strip(),
            }


def polnear(root: Path):
    """PolNeAR article texts, once each (the compartments do not overlap by file name)."""
    meta = {}
    with open(root / "data" / "metadata.tsv", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            meta[row["filename"]] = row
    seen = set()
    for compartment in ("train", "dev", "annotator-training"):
        for path in sorted((root / "data" / compartment / "text").glob("*.txt")):
            if path.stem in seen:
                continue
            seen.add(path.stem)
            row = meta.get(path.stem, {})
            yield {
                "id": f"polnear-{path.stem}",
                "source": "polnear",
                "url": None,
                "title": row.get("title") or None,
                "published": row.get("publication_date") or None,
                "text": path.read_text(encoding="utf-8").strip(),
            }


CREATION = re.compile(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>")
VALUE = re.compile(r"value=\"(\d{4}-\d{2}-\d{2})")
URL = re.compile(r"<Document[^>]*url=\"([^\"]*)\"")


def meantime(texts: Path, root: Path):
    """MEANTIME texts as rebuilt by tally-eval (so offsets match the gold), dated by the DCT."""
    with open(texts, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            xml = (root / rec["doc"]).read_text(encoding="utf-8")
            dct = CREATION.search(xml)
            value = VALUE.search(dct.group(0)) if dct else None
            url = URL.search(xml)
            yield {
                "id": f"meantime-{rec['doc']}",
                "source": "meantime",
                "url": html.unescape(url.group(1)) if url else None,
                "title": None,
                "published": value.group(1) if value else None,
                "text": rec["text"],
            }


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval"),
                    help="the shared eval folder (default: ../shared/eval beside the repo)")
    ap.add_argument("--meantime-texts", help="JSONL {doc, text} from tally-eval's entity_texts example")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "out" / "corpus"))
    ap.add_argument("--target-mb", type=float, default=50.0)
    args = ap.parse_args()
    src, out = Path(args.eval), Path(args.out)
    if not src.is_dir():
        print(f"corpus: {src} is absent; nothing to build", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)

    sources = [reuters(src / "reuters21578"), muc3(src / "muc3"), polnear(src / "polnear")]
    if args.meantime_texts:
        sources.append(meantime(Path(args.meantime_texts), src / "meantime" / "intra-doc_annotation"))
    per_source: dict[str, dict[str, int]] = {}
    lines: list[bytes] = []
    text_bytes: list[int] = []
    for gen in sources:
        for rec in gen:
            if not rec["text"]:
                continue
            n = len(rec["text"].encode("utf-8"))
            s = per_source.setdefault(rec["source"], {"docs": 0, "bytes": 0})
            s["docs"] += 1
            s["bytes"] += n
            lines.append(json.dumps(rec, ensure_ascii=False).encode("utf-8") + b"\n")
            text_bytes.append(n)
    # Sources interleave in a fixed pseudo-random order (by a hash of the id), so that any
    # prefix, such as the part a slow peer gets through in its time budget, has the same mix.
    order = sorted(range(len(lines)), key=lambda i: hashlib.sha1(lines[i][:200]).digest())
    lines = [lines[i] for i in order]
    text_bytes = [text_bytes[i] for i in order]
    originals = out / "originals.jsonl"
    originals.write_bytes(b"".join(lines))
    unique = sum(text_bytes)

    target = int(args.target_mb * 1e6)
    corpus = out / "corpus.jsonl"
    total, docs, copy = 0, 0, 1
    with open(corpus, "wb") as f:
        while total < target:
            for line, n in zip(lines, text_bytes):
                if total >= target:
                    break
                if copy > 1:
                    rec = json.loads(line)
                    rec["id"] = f"{rec['id']}~{copy}"
                    line = json.dumps(rec, ensure_ascii=False).encode("utf-8") + b"\n"
                f.write(line)
                total += n
                docs += 1
            copy += 1
    manifest = {
        "sources": per_source,
        "originals": {"file": originals.name, "docs": len(lines), "text_bytes": unique,
                      "sha256": sha256(originals)},
        "corpus": {"file": corpus.name, "docs": docs, "text_bytes": total, "copies": copy - 1,
                   "target_mb": args.target_mb, "sha256": sha256(corpus)},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    print(f"corpus: {len(lines)} originals, {unique / 1e6:.1f} MB of text; "
          f"corpus.jsonl {docs} docs, {total / 1e6:.1f} MB ({copy - 1} copies) in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
