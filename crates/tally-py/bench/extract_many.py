"""Binding overhead: `tally.extract_many` against `tally extract` on the same JSONL files.

    python crates/tally-py/bench/extract_many.py --tally target/release/tally FILE.jsonl...

Both read the same articles and produce every document (the CLI writes JSON lines to
/dev/null; the binding returns dicts, or JSON strings with `output="json"`). Times are CPU seconds of the process doing the
work (the CLI child; this process for the binding), so other load on a shared machine
counts less; wall time is printed too. `--repeat` rounds each run the CLI and every
configuration in turn, and the least CPU (and the least wall time) of each is kept.
"""

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import time

import tally


def cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tally", required=True)
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the least of each measure is kept")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    records = []
    for path in args.files:
        with open(path) as f:
            records.extend(json.loads(line) for line in f if line.strip())
    body_mb = sum(len(r["text"].encode()) for r in records) / 1e6
    print(f"{len(records)} articles, {body_mb:.1f} MB of text")

    items = [
        {"text": r["text"], "url": r["url"], "title": r["title"], "published": r["published"], "name": "x"}
        for r in records
    ]
    tally.extract("warm up the default pipeline.")
    configs = [("dict", 1), ("dict", 2), ("json", 1), ("json", 2)]
    inf = float("inf")
    best = {c: [inf, inf, inf] for c in ["cli", *configs]}  # CPU, wall, gc.collect() CPU
    # Rounds run the CLI and every configuration one after the other, so that a change in
    # the machine's load weighs on all of them alike.
    for _ in range(args.repeat):
        c0, w0 = cpu_children(), time.perf_counter()
        with open(os.devnull, "wb") as null:
            subprocess.run([args.tally, "extract", "--format", "jsonl", *args.files], stdout=null, check=True)
        keep(best["cli"], cpu_children() - c0, time.perf_counter() - w0, 0.0)
        for output, threads in configs:
            c0, w0 = cpu_self(), time.perf_counter()
            docs = tally.extract_many(items, threads=threads, output=output)
            cpu, wall = cpu_self() - c0, time.perf_counter() - w0
            assert len(docs) == len(records)
            # extract_many pauses the cyclic collector while it builds objects; the next
            # collections walk the new containers, as they would for any objects of that
            # size (json.loads of the same text). Shown apart: user code pays it whenever
            # the collector next runs.
            g0 = cpu_self()
            gc.collect()
            keep(best[(output, threads)], cpu, wall, cpu_self() - g0)
            del docs

    cli_cpu, cli_wall, _ = best["cli"]
    print(f"CLI                  : {cli_cpu:6.1f} s CPU {cli_wall:6.1f} s wall  {len(records) / cli_cpu:7.0f} docs/s/core  {body_mb / cli_cpu:5.2f} MB/s/core")
    for output, threads in configs:
        cpu, wall, gc_cpu = best[(output, threads)]
        print(
            f"extract_many {output:4} t={threads}: {cpu:6.1f} s CPU {wall:6.1f} s wall  {len(records) / cpu:7.0f} docs/s/core  "
            f"{body_mb / cpu:5.2f} MB/s/core  {len(records) / wall:7.0f} docs/s wall  overhead vs CLI {100 * (cpu / cli_cpu - 1):+.0f}% CPU"
            f"  (then gc.collect() {gc_cpu:.2f} s)"
        )


def keep(best: list, cpu: float, wall: float, gc_cpu: float) -> None:
    """Keeps the least of each measure: a shared machine only ever adds time."""
    for i, value in enumerate((cpu, wall, gc_cpu)):
        best[i] = min(best[i], value)

if __name__ == "__main__":
    sys.exit(main())
