"""Generates a news corpus of WARC.gz and JSONL shards for the Spark job, from texts that are
not in this repository (Reuters-21578 and MUC-3 under ../shared/eval/); never commit it.

Syndication is built in, as in a real crawl: each story is published by several outlets,
some as exact copies, some with the last paragraph cut or a line of boilerplate added
(near copies the MinHash clustering must find).

    python examples/spark/make_corpus.py --articles 100000 --shards 32 --out /tmp/tally-corpus

The helpers (``html_page``, ``warc_record``) are also what the integration test uses to
build its small WARC file.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import random
import re
import uuid
import zlib
from pathlib import Path
from typing import Iterator, List, Optional, Sequence, Tuple

OUTLETS = [
    "www.reuters.com",
    "apnews.com",
    "www.theguardian.com",
    "www.themoscowtimes.com",
    "www.aljazeera.com",
    "news.example-daily.com",
    "www.example-courier.org",
    "www.example-herald.net",
]


def html_page(title: str, paragraphs: Sequence[str], published: Optional[str], url: str) -> str:
    """A small article page with the metadata tally reads (OpenGraph, canonical link)."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head>"
        f"<title>{html.escape(title)}</title>"
        f'<link rel="canonical" href="{url}">{meta}'
        f'<meta property="og:title" content="{html.escape(title)}">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{html.escape(title)}</h1>{body}</article>"
        "<footer>Copyright. All rights reserved.</footer></body></html>"
    )


def warc_record(
    url: str, payload: bytes, content_type: str = "text/html", date: str = "2024-12-18T10:00:00Z"
) -> bytes:
    """One WARC/1.0 response record holding an HTTP response."""
    http = (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}; charset=utf-8\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    ).encode() + payload
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}>\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: {date}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def gzip_member(data: bytes) -> bytes:
    """One gzip member: WARC.gz files compress each record on its own."""
    return gzip.compress(data, compresslevel=1, mtime=0)


MONTHS = {m: i + 1 for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}


def reuters(root: Path) -> Iterator[Tuple[str, List[str], Optional[str]]]:
    """(title, paragraphs, date) of each Reuters-21578 story with a body."""
    story = re.compile(r"<REUTERS.*?</REUTERS>", re.S)
    for path in sorted(root.glob("reut2-*.sgm")):
        text = path.read_bytes().decode("latin-1")
        for m in story.finditer(text):
            s = m.group(0)
            body = re.search(r"<BODY>(.*?)</BODY>", s, re.S)
            if not body:
                continue
            title = re.search(r"<TITLE>(.*?)</TITLE>", s, re.S)
            date = re.search(r"<DATE>\s*(\d+)-([A-Z]{3})-(\d{4})", s)
            raw = html.unescape(body.group(1)).replace("\x03", "").replace(" Reuter", "")
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s{3,}", raw) if p.strip()]
            if not paragraphs or sum(len(p) for p in paragraphs) < 200:
                continue
            iso = None
            if date:
                iso = f"{date.group(3)}-{MONTHS[date.group(2)]:02d}-{int(date.group(1)):02d}"
            yield (html.unescape(title.group(1)).title() if title else paragraphs[0][:60]), paragraphs, iso


def muc3(path: Path) -> Iterator[Tuple[str, List[str], Optional[str]]]:
    """(title, paragraphs, date) of each MUC-3 report, in sentence case."""
    for line in path.read_text().splitlines():
        record = json.loads(line)
        text = record["text"].split("\n", 1)[-1]
        paragraphs = [" ".join(p.split()).capitalize() for p in text.split("\n\n") if p.strip()]
        if paragraphs:
            yield record.get("coverage", "Report").title(), paragraphs, record.get("date")


def stories(eval_root: Path) -> List[Tuple[str, List[str], Optional[str]]]:
    out = list(reuters(eval_root / "reuters21578"))
    muc = eval_root / "muc3" / "muc3-plaintext.jsonl"
    if muc.exists():
        out.extend(muc3(muc))
    return out


def articles(pool, count: int, seed: int = 7) -> Iterator[dict]:
    """``count`` articles: stories in order, each carried by 1 to 8 outlets."""
    rng = random.Random(seed)
    made = 0
    story = 0
    while made < count:
        title, paragraphs, date = pool[story % len(pool)]
        round_ = story // len(pool)
        story += 1
        copies = min(count - made, rng.choice([1, 1, 2, 3, 5, 8]))
        outlets = rng.sample(OUTLETS, min(copies, len(OUTLETS)))
        for i, host in enumerate(outlets):
            text = list(paragraphs)
            variant = rng.random()
            if i > 0 and variant < 0.2 and len(text) > 2:
                text = text[:-1]  # a trimmed copy
            elif i > 0 and variant < 0.4:
                text = text + ["Reporting by staff; editing by the desk."]
            yield {
                "url": f"https://{host}/{round_}/{story}/{zlib.crc32(title.encode()) % 10**8}",
                "title": title,
                "published": date,
                "paragraphs": text,
            }
            made += 1


def write(out: Path, items: Iterator[dict], shards: int) -> Tuple[int, int]:
    """Writes half the shards as WARC.gz and half as JSONL; returns (articles, bytes)."""
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(shards):
        name = f"shard-{i:03d}." + ("warc.gz" if i % 2 == 0 else "jsonl")
        files.append(open(out / name, "wb"))
    n = 0
    for n, a in enumerate(items, 1):
        f = files[n % shards]
        if f.name.endswith(".warc.gz"):
            page = html_page(a["title"], a["paragraphs"], a["published"], a["url"])
            f.write(gzip_member(warc_record(a["url"], page.encode())))
        else:
            record = {
                "url": a["url"],
                "title": a["title"],
                "published": a["published"],
                "text": "\n\n".join(a["paragraphs"]),
            }
            f.write((json.dumps(record) + "\n").encode())
    for f in files:
        f.close()
    return n, sum(os.path.getsize(out / Path(f.name).name) for f in files)


def main() -> None:
    # The docstring's first paragraph, not its first line, which stops mid-sentence.
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("--articles", type=int, default=100_000, help="articles to write (default: %(default)s)")
    parser.add_argument("--shards", type=int, default=32, help="files, alternately WARC.gz and JSONL (default: %(default)s)")
    parser.add_argument("--out", required=True, help="directory for the shards")
    parser.add_argument(
        "--eval",
        default=str(Path(__file__).resolve().parents[3] / "shared" / "eval"),
        help="the eval data the texts come from (default: %(default)s)",
    )
    args = parser.parse_args()
    pool = stories(Path(args.eval))
    if not pool:
        raise SystemExit(f"no stories under {args.eval}")
    n, size = write(Path(args.out), articles(pool, args.articles), args.shards)
    print(f"make_corpus: {n} articles from {len(pool)} stories, {size / 1e6:.0f} MB on disk in {args.shards} shards")


if __name__ == "__main__":
    main()
