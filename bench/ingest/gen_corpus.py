#!/usr/bin/env python3
"""Generates an ingest benchmark corpus (default 220 MB uncompressed) from the
third-party texts in ../shared/eval (Reuters-21578 sample, MUC-3), in every input
format tally reads: JSONL, HTML pages, WARC.gz, RSS feeds and Markdown.

The texts are research data that must not enter the repository: the corpus is written
under /tmp (or OUT) and never committed. Articles mix paragraphs of two source stories
with a unique lead sentence, so documents are distinct; every tenth article is also
republished verbatim by a second outlet (a syndicated copy), so clustering has work.

usage: gen_corpus.py [OUT] [--mb 220]
"""
import gzip, io, json, os, random, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"


def load():
    texts = []
    for line in open(EVAL / "reuters21578" / "reuters21578-sample1000.jsonl", encoding="utf-8"):
        r = json.loads(line)
        if len(r.get("body", "")) > 200:
            texts.append((r.get("title") or "Untitled", r["body"]))
    for line in open(EVAL / "muc3" / "muc3-plaintext.jsonl", encoding="utf-8"):
        r = json.loads(line)
        if len(r.get("text", "")) > 200:
            texts.append((r["text"].split("\n")[0][:80], r["text"]))
    return texts


def paragraphs(text):
    out = [p.strip().replace("\n", " ") for p in text.replace("\n    ", "\n\n").split("\n\n")]
    return [p for p in out if len(p) > 30]


PLACES = ["Kursk", "Donetsk", "San Salvador", "Bogota", "Lima", "Kharkiv", "Medellin"]
OUTLETS = [("The Harbor Ledger", "harborledger.example"), ("The Valley Courier", "valleycourier.example"),
           ("Metro Daily", "metrodaily.example"), ("The Northern Post", "northernpost.example")]


def article(i, texts, rng):
    (t1, a), (_, b) = rng.choice(texts), rng.choice(texts)
    lead = (f"Officials said {rng.randint(2, 900)} people were killed and {rng.randint(2, 3000)} wounded "
            f"near {rng.choice(PLACES)} on day {i}, according to a senior military official who spoke on condition of anonymity.")
    paras = [lead] + paragraphs(a)[:8] + paragraphs(b)[:6]
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    return {"title": f"{t1.title()} ({i})", "paragraphs": paras, "published": f"2024-{month:02d}-{day:02d}",
            "agency": "Reuters" if i % 3 == 0 else None}


def html_page(art, outlet, url):
    host = outlet[1]
    body = "\n".join(f"<p>{escape(p)}</p>" for p in art["paragraphs"])
    author = {"@type": "Organization", "name": art["agency"]} if art["agency"] else {"@type": "Person", "name": "Staff Writer"}
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": art["title"],
                     "datePublished": art["published"] + "T10:00:00Z", "author": author,
                     "publisher": {"@type": "Organization", "name": outlet[0]}, "url": url})
    nav = "".join(f'<li><a href="https://{host}/s{k}">Section {k}</a></li>' for k in range(12))
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(art["title"])} | {outlet[0]}</title>'
            f'<meta property="og:site_name" content="{outlet[0]}"><link rel="canonical" href="{url}">'
            f'<script type="application/ld+json">{ld}</script></head><body><header><nav><ul>{nav}</ul></nav></header>'
            f'<main><article><h1>{escape(art["title"])}</h1><figure><img src="a.jpg"><figcaption>File photo. '
            f'<span class="credit">STAFF / AFP</span></figcaption></figure>{body}</article>'
            f'<aside><h3>Most read</h3><ul>{nav}</ul></aside></main><footer>Copyright {outlet[0]}</footer></body></html>')


def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def warc_record(i, url, html):
    payload = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}".encode()
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bench-{i}>\r\n"
            f"WARC-Target-URI: {url}\r\nWARC-Date: 2024-12-31T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n").encode()
    return head + payload + b"\r\n\r\n"


def main():
    args = sys.argv[1:]
    mb = 220
    if "--mb" in args:
        k = args.index("--mb"); mb = int(args[k + 1]); del args[k:k + 2]
    out = Path(args[0] if args else "/tmp/tally-bench-corpus")
    (out / "html").mkdir(parents=True, exist_ok=True)
    (out / "md").mkdir(exist_ok=True)
    (out / "feeds").mkdir(exist_ok=True)
    texts = load()
    rng = random.Random(42)
    budget = mb * 1_000_000
    written = {"jsonl": 0, "html": 0, "warc": 0, "feed": 0, "md": 0}
    jsonl = open(out / "news.jsonl", "w", encoding="utf-8")
    warc = None
    warc_n = 0
    feed_items = []
    i = 0
    while sum(written.values()) < budget:
        art = article(i, texts, rng)
        outlet = OUTLETS[i % len(OUTLETS)]
        url = f"https://{outlet[1]}/2024/{art['published']}/story-{i}"
        kind = ["jsonl", "jsonl", "html", "warc", "warc", "feed", "md"][i % 7]
        copies = [(outlet, url)]
        if i % 10 == 0:
            other = OUTLETS[(i + 1) % len(OUTLETS)]
            copies.append((other, f"https://{other[1]}/wire/{i}"))
        for outlet, url in copies:
            if kind == "jsonl":
                line = json.dumps({"url": url, "title": art["title"], "published": art["published"],
                                   "publisher": outlet[0], "text": "\n\n".join(art["paragraphs"]),
                                   "section": "world", "id": i}) + "\n"
                jsonl.write(line); written["jsonl"] += len(line)
            elif kind == "html":
                page = html_page(art, outlet, url)
                (out / "html" / f"{i}-{outlet[1]}.html").write_text(page, encoding="utf-8"); written["html"] += len(page)
            elif kind == "warc":
                if warc is None or warc_n >= 2000:
                    if warc: warc.close()
                    warc = gzip.open(out / f"crawl-{i}.warc.gz", "wb", compresslevel=6); warc_n = 0
                rec = warc_record(i, url, html_page(art, outlet, url))
                # gzip.open streams one member per file; flate2 reads multi-member files too.
                warc.write(rec); warc_n += 1; written["warc"] += len(rec)
            elif kind == "feed":
                body = "".join(f"<p>{escape(p)}</p>" for p in art["paragraphs"])
                item = (f"<item><title>{escape(art['title'])}</title><link>{url}</link><guid>{url}</guid>"
                        f"<pubDate>Tue, {1 + i % 28:02d} Oct 2024 10:00:00 GMT</pubDate>"
                        f"<content:encoded><![CDATA[{body}]]></content:encoded></item>")
                feed_items.append((outlet, item)); written["feed"] += len(item)
                if len(feed_items) >= 50:
                    write_feed(out / "feeds" / f"feed-{i}.rss", feed_items); feed_items = []
            else:
                md = (f"# {art['title']}\n\nBy {art['agency'] or 'Staff Writer'}\n\n{art['published']}\n\n"
                      + "\n\n".join(art["paragraphs"]) + f"\n\nOriginal url:\n\n<{url}>\n")
                (out / "md" / f"{i}-{outlet[1]}.md").write_text(md, encoding="utf-8"); written["md"] += len(md)
        i += 1
    if feed_items:
        write_feed(out / "feeds" / f"feed-{i}.rss", feed_items)
    if warc:
        warc.close()
    jsonl.close()
    disk = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(json.dumps({"articles": i, "uncompressed_bytes": written, "total_uncompressed_mb": round(sum(written.values()) / 1e6, 1),
                      "on_disk_mb": round(disk / 1e6, 1), "out": str(out)}))


def write_feed(path, items):
    outlet = items[0][0]
    xml = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
           f"<channel><title>{outlet[0]}</title><link>https://{outlet[1]}</link>" + "".join(i for _, i in items) + "</channel></rss>")
    path.write_text(xml, encoding="utf-8")


if __name__ == "__main__":
    main()
