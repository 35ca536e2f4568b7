#!/usr/bin/env python3
"""Merges one bench/run.sh run into OUT/results.json and OUT/results.md.

Reads OUT/machine.json, OUT/corpus/manifest.json, OUT/tally-1thread.json,
OUT/tally-allcores.json, OUT/peers/*.json (throughput) and OUT/accuracy/*.json (eval
reports), whichever exist. Standard library only.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

# Which tally stage does the job each peer does, for the stage-to-peer ratio.
PEER_STAGE = {
    "spacy_sm_full": "entities",
    "spacy_sm_ner": "entities",
    "textacy_quotes": "attribution",
    "quantulum3": "figures",
    "dateparser": "times",
    "recognizers_datetime": "times",
    "recognizers_number": "figures",
    "duckling": "times",
}
PEER_JOB = {
    "spacy_sm_full": "entities (whole spaCy pipeline)",
    "spacy_sm_ner": "entities (NER only)",
    "textacy_quotes": "direct quotes (spaCy parse + textacy)",
    "quantulum3": "quantities",
    "dateparser": "dates",
    "recognizers_datetime": "dates and times",
    "recognizers_number": "numbers, percentages, money, dimensions",
    "duckling": "times, numbers, money, quantities",
}


def load(path: Path):
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def fmt(x, digits=1):
    if x is None:
        return "–"
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 1:
        return f"{x:.{digits}f}"
    return f"{x:.3g}"


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "out")
    machine = load(out / "machine.json") or {}
    manifest = load(out / "corpus" / "manifest.json") or {}
    single = load(out / "tally-1thread.json")
    multi = load(out / "tally-allcores.json")
    peers = {}
    for p in sorted((out / "peers").glob("*.json")):
        data = load(p)
        if data:
            peers[data["peer"]] = data
    accuracy = {p.stem: load(p) for p in sorted((out / "accuracy").glob("*.json"))}

    stages = {s["name"]: s for s in (single or {}).get("stages", [])}
    full = stages.get("full pipeline", {}).get("mb_per_s")
    md = []
    md.append(f"Run {machine.get('date', '?')} at commit `{machine.get('commit', '?')}` on "
              f"{machine.get('cpu', '?')}, {machine.get('cores', '?')} cores, "
              f"{machine.get('memory', '?')}; {machine.get('rustc', '')}; Python {machine.get('python', '?')}.")
    if manifest:
        c, o = manifest.get("corpus", {}), manifest.get("originals", {})
        src = ", ".join(f"{k} {v['docs']:,} docs / {v['bytes'] / 1e6:.1f} MB"
                        for k, v in manifest.get("sources", {}).items())
        md.append(f"\nCorpus: {o.get('docs', 0):,} real news articles, {o.get('text_bytes', 0) / 1e6:.1f} MB "
                  f"of text ({src}), repeated to {c.get('docs', 0):,} docs / {c.get('text_bytes', 0) / 1e6:.1f} MB "
                  f"for tally (sha256 `{c.get('sha256', '')[:12]}`). Peers run on the same articles in "
                  "the same order within a CPU-time budget each. MB = 10^6 bytes of UTF-8 text; "
                  "per core = bytes over CPU seconds of one thread.")
    if single:
        md.append(f"\n### tally, one thread (stages: {' → '.join(single['pipeline'])})\n")
        md.append("| stage | MB/s per core | docs/s | seconds |")
        md.append("|---|---:|---:|---:|")
        for s in single["stages"]:
            md.append(f"| {s['name']} | {fmt(s['mb_per_s'])} | {fmt(s['docs_per_s'], 0)} | {s['seconds']:.2f} |")
        md.append(f"\n{single['docs']:,} documents, {single['bytes'] / 1e6:.1f} MB of body text; "
                  f"peak RSS {fmt(single.get('peak_rss_mb'))} MB; "
                  f"found {', '.join(f'{k} {v:,}' for k, v in single.get('annotations', {}).items())}.")
    if multi:
        md.append(f"\n### tally, full pipeline on all cores ({multi['threads']} threads, rayon)\n")
        md.append(f"{fmt(multi['mb_per_s_wall'])} MB/s wall-clock, {fmt(multi.get('mb_per_cpu_s'))} MB/s per "
                  f"core (CPU time), {fmt(multi['docs_per_s_wall'], 0)} docs/s; peak RSS "
                  f"{fmt(multi.get('peak_rss_mb'))} MB.")
    if peers:
        md.append("\n### Peers, one thread, same texts\n")
        md.append("| peer | does | MB/s per core | docs done | peak RSS MB | tally full pipeline ÷ peer | tally stage ÷ peer |")
        md.append("|---|---|---:|---:|---:|---:|---:|")
        for name, p in peers.items():
            rate = p.get("mb_per_cpu_s")
            stage = stages.get(PEER_STAGE.get(name, ""), {}).get("mb_per_s")
            ratio = f"{full / rate:,.0f}×" if full and rate else "–"
            sratio = f"{stage / rate:,.0f}× ({PEER_STAGE[name]})" if stage and rate else "–"
            md.append(f"| {name} (`{p['version']}`) | {PEER_JOB.get(name, '')} | {fmt(rate)} | "
                      f"{p['docs']:,} ({p['bytes'] / 1e6:.2f} MB) | {fmt(p.get('peak_rss_mb'))} | {ratio} | {sratio} |")
    if accuracy:
        md.append("\n### Accuracy, same scorer for tally and peers\n")
        for suite, report in accuracy.items():
            if report is None:
                continue
            md.append(f"- `{suite}`: see `{suite}.json`; " + summary(suite, report))
        figures = accuracy.get("figures") or {}
        if figures.get("systems"):
            md.append(f"\nFigures on MEANTIME ({figures.get('articles', '?')} articles, VALUE markables: "
                      "QUANTITY, MONEY, PERCENT), spans scored inside the annotated part:\n")
            md.append("| system | exact P / R / F1 | overlap P / R / F1 | type accuracy | "
                      "exact F1 QUANTITY / MONEY / PERCENT |")
            md.append("|---|---|---|---:|---|")
            for name, sys_ in sorted(figures["systems"].items(),
                                     key=lambda kv: -kv[1].get("exact", {}).get("f1", 0)):
                e, o = sys_.get("exact", {}), sys_.get("overlap", {})
                per = sys_.get("per_type", {})
                types = " / ".join(f"{per.get(t, {}).get('exact', {}).get('f1', 0):.3f}"
                                   for t in ("QUANTITY", "MONEY", "PERCENT"))
                md.append(f"| {name} | {e.get('precision', 0):.3f} / {e.get('recall', 0):.3f} / "
                          f"**{e.get('f1', 0):.3f}** | {o.get('precision', 0):.3f} / {o.get('recall', 0):.3f} / "
                          f"{o.get('f1', 0):.3f} | {sys_.get('type_accuracy', 0):.3f} | {types} |")

        times = accuracy.get("times") or {}
        if times.get("systems"):
            md.append("\nTimes (TempEval-3 definitions: value F1 counts a prediction with the gold value on an "
                      "overlapping span, F1 over gold and predicted), same texts, same DCTs, same scorer:\n")
            md.append("| system | TempEval-3 train (TimeBank+AQUAINT): value F1 / relaxed F1 / strict F1 | "
                      "MEANTIME: value F1 / relaxed F1 / strict F1 | all: type accuracy |")
            md.append("|---|---|---|---:|")

            def cells(group):
                if not group:
                    return "–"
                return (f"**{group['value']['f1']:.3f}** / {group['relaxed']['f1']:.3f} / "
                        f"{group['strict']['f1']:.3f}")

            for name, sys_ in sorted(times["systems"].items(),
                                     key=lambda kv: -kv[1].get("total", {}).get("value", {}).get("f1", 0)):
                groups = sys_.get("groups", [])
                te3 = next((g for g in groups if "tempeval" in g.get("path", "").lower()), None)
                mt = next((g for g in groups if "meantime" in g.get("path", "").lower()), None)
                md.append(f"| {name} | {cells(te3)} | {cells(mt)} | "
                          f"{sys_.get('total', {}).get('type_accuracy', 0):.3f} |")

    results = {"machine": machine, "corpus": manifest, "tally": {"single": single, "all_cores": multi},
               "peers": peers, "accuracy": accuracy}
    (out / "results.json").write_text(json.dumps(results, indent=1) + "\n")
    (out / "results.md").write_text("\n".join(md) + "\n")
    print("\n".join(md))
    return 0


def summary(suite: str, report) -> str:
    """One line per suite: the headline F1 of each system the report holds."""
    if suite.startswith("entities"):
        parts = []
        for name, system in (report.get("systems") or {}).items():
            exact = system.get("exact", {}).get("all", {}).get("f1")
            lenient = system.get("lenient", {}).get("all", {}).get("f1")
            parts.append(f"{name}: exact F1 {exact}, lenient F1 {lenient}")
        return "; ".join(parts) or "no systems"
    if suite.startswith("attribution"):
        parts = []
        for r in report.get("results", []):
            if "attribution" in r:
                parts.append(f"{Path(r.get('path', '')).name}: attribution F1 {r['attribution'].get('f1')}, "
                             f"content overlap F1 {r.get('content', {}).get('overlap', {}).get('f1')}")
            for name, system in ((r.get("direct_quotes") or {}).get("systems") or {}).items():
                parts.append(f"direct quotes, {name}: attribution F1 {system.get('attribution', {}).get('f1')}")
        return "; ".join(parts) or "no results"
    if suite.startswith("times") and report.get("systems"):
        return "; ".join(f"{name}: value F1 {s.get('total', {}).get('value', {}).get('f1')}, "
                         f"relaxed F1 {s.get('total', {}).get('relaxed', {}).get('f1')}"
                         for name, s in report["systems"].items())
    if suite.startswith("figures") and report.get("systems"):
        return "; ".join(f"{name}: exact F1 {s.get('exact', {}).get('f1')}, overlap F1 {s.get('overlap', {}).get('f1')}"
                         for name, s in report["systems"].items())
    return json.dumps(report)[:300]


if __name__ == "__main__":
    sys.exit(main())
