#!/usr/bin/env bash
# tally's benchmark: speed and accuracy beside the tools users would pick instead.
#
#   bench/run.sh            # everything; results in bench/out/results.{md,json}
#
# Steps: builds the release binary once; installs the pinned peers into bench/.venv (PyPI
# only, skipped when already installed); builds the news corpus from ../shared/eval (see
# bench/corpus.py); times tally one-thread per stage and all-cores; times each peer on
# the same articles within a CPU budget; runs the eval suites for tally and the peers;
# merges it all with bench/report.py. Not part of the test run. Takes about
# 14 + 8 x PEER_BUDGET/60 minutes on 2 cores (the times peers' predictions on TempEval-3 and
# MEANTIME take ~4 of them, Recognizers-Text ~3).
#
# Environment: TALLY_EVAL (default ../shared/eval beside the repo), PEER_BUDGET (CPU
# seconds per peer, default 60), PEERS (space-separated subset), SKIP_PEERS=1 (tally only),
# SKIP_ACCURACY=1, SKIP_TALLY=1 (keep the last tally timings), BENCH_OUT (default bench/out).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
EVAL="${TALLY_EVAL:-$ROOT/../shared/eval}"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
BUDGET="${PEER_BUDGET:-60}"
PEERS="${PEERS:-spacy_sm_full spacy_sm_ner textacy_quotes quantulum3 dateparser recognizers_datetime recognizers_number duckling}"
VENV="$ROOT/bench/.venv"
PY="$VENV/bin/python"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
TALLY="$TARGET/release/tally"
mkdir -p "$OUT/peers" "$OUT/accuracy"
step() { printf '\n== %s\n' "$*" >&2; }

if [ ! -d "$EVAL" ]; then
  echo "bench: $EVAL is absent; the corpus and the eval suites need it (set TALLY_EVAL)" >&2
  exit 2
fi

step "release build"
cargo build --release -q -p tally-cli
cargo build --release -q -p tally-eval --example entity_texts
cargo build --release -q -p tally-eval --example times_texts

step "machine"
python3 - "$OUT/machine.json" <<'EOF'
import json, os, platform, subprocess, sys, datetime
def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""
cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
mem = sh("awk '/MemTotal/ {printf \"%.0f GB RAM\", $2/1048576}' /proc/meminfo")
json.dump({"date": datetime.date.today().isoformat(), "commit": sh("git rev-parse --short HEAD"),
           "dirty": bool(sh("git status --porcelain --untracked-files=no")),
           "cpu": cpu, "cores": os.cpu_count(), "memory": mem, "kernel": platform.release(),
           "rustc": sh("rustc -V"), "python": platform.python_version()},
          open(sys.argv[1], "w"), indent=1)
EOF

step "corpus"
"$TARGET/release/examples/entity_texts" "$EVAL/meantime/intra-doc_annotation" > "$OUT/meantime-texts.jsonl"
python3 bench/corpus.py --eval "$EVAL" --meantime-texts "$OUT/meantime-texts.jsonl" --out "$OUT/corpus"

if [ "${SKIP_TALLY:-0}" != 1 ]; then
  step "tally, one thread, every stage"
  "$TALLY" bench "$OUT/corpus/corpus.jsonl" --json > "$OUT/tally-1thread.json"
  step "tally, all cores"
  "$TALLY" bench "$OUT/corpus/corpus.jsonl" --threads 0 --json > "$OUT/tally-allcores.json"
fi

if [ "${SKIP_PEERS:-0}" != 1 ] || [ "${SKIP_ACCURACY:-0}" != 1 ]; then
  stamp="$VENV/.requirements.sha256"
  want="$(cat bench/peers/requirements*.txt | sha256sum | cut -d' ' -f1)"
  if [ ! -x "$PY" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    step "peers: installing pinned packages into bench/.venv"
    [ -x "$PY" ] || python3 -m venv "$VENV"
    "$PY" -m pip install -q --disable-pip-version-check -r bench/peers/requirements.txt
    echo "$want" > "$stamp"
  fi
fi

if [ "${SKIP_PEERS:-0}" != 1 ]; then
  for peer in $PEERS; do
    step "peer throughput: $peer (budget ${BUDGET}s CPU)"
    "$PY" bench/peers/peers.py throughput "$OUT/corpus/originals.jsonl" --peer "$peer" --budget "$BUDGET" \
      > "$OUT/peers/$peer.json" || { echo "bench: $peer failed" >&2; rm -f "$OUT/peers/$peer.json"; }
  done
fi

if [ "${SKIP_ACCURACY:-0}" != 1 ]; then
  ACC="$OUT/accuracy"
  step "accuracy: entities on MEANTIME (tally, spaCy small)"
  "$PY" bench/peers/spacy_entities.py "$OUT/meantime-texts.jsonl" > "$ACC/spacy_sm.jsonl"
  "$TALLY" eval entities "$EVAL/meantime/intra-doc_annotation" "$ACC/spacy_sm.jsonl" --json > "$ACC/entities.json"

  step "accuracy: attribution on PolNeAR dev (tally; textacy on the direct-quote subset)"
  python3 - "$EVAL/polnear/data/dev" "$EVAL/polnear/data/metadata.tsv" > "$OUT/polnear-dev-texts.jsonl" <<'EOF'
import csv, json, sys
from pathlib import Path
dates = {r["filename"]: r["publication_date"] for r in csv.DictReader(open(sys.argv[2]), delimiter="\t")}
for p in sorted((Path(sys.argv[1]) / "text").glob("*.txt")):
    print(json.dumps({"doc": p.stem, "text": p.read_text(encoding="utf-8"), "published": dates.get(p.stem)}))
EOF
  "$PY" bench/peers/peers.py predict quotes "$OUT/polnear-dev-texts.jsonl" --peer textacy > "$ACC/textacy.jsonl"
  "$TALLY" eval attribution "$EVAL/polnear/data/dev" "$ACC/textacy.jsonl" --json > "$ACC/attribution.json"

  # Suites that exist at this commit.
  suites="$("$TALLY" eval --help | sed -n 's/^  \([a-z]*\) .*/\1/p')"
  if grep -qx times <<< "$suites"; then
    step "accuracy: times on TempEval-3 and MEANTIME (tally, dateparser, Recognizers-Text, Duckling)"
    # The peers read the texts the suite scores (times-texts.jsonl: same bytes and offsets,
    # the DCT as "published"); the suite refuses a peer file whose text differs.
    "$TARGET/release/examples/times_texts" "$EVAL/tempeval3" "$EVAL/meantime/intra-doc_annotation" \
      > "$OUT/times-texts.jsonl"
    mkdir -p "$ACC/times"
    for peer in dateparser recognizers duckling; do
      "$PY" bench/peers/peers.py predict times "$OUT/times-texts.jsonl" --peer "$peer" \
        > "$ACC/times/$peer.jsonl" || { echo "bench: $peer times failed" >&2; rm -f "$ACC/times/$peer.jsonl"; }
    done
    shopt -s nullglob
    time_peers=("$ACC"/times/*.jsonl)
    shopt -u nullglob
    "$TALLY" eval times "$EVAL/tempeval3" "$EVAL/meantime/intra-doc_annotation" ${time_peers[@]+"${time_peers[@]}"} \
      --json > "$ACC/times.json" || true
  fi
  if grep -qx figures <<< "$suites"; then
    step "accuracy: figures on MEANTIME (tally, quantulum3, Duckling, Recognizers-Text)"
    # The peers read the texts the suite rebuilds (meantime-texts.jsonl, same bytes and
    # offsets); the suite refuses a peer file whose text differs.
    mkdir -p "$ACC/quantities"
    for peer in quantulum3 duckling recognizers_number; do
      "$PY" bench/peers/peers.py predict quantities "$OUT/meantime-texts.jsonl" --peer "$peer" \
        > "$ACC/quantities/$peer.jsonl" || { echo "bench: $peer quantities failed" >&2; rm -f "$ACC/quantities/$peer.jsonl"; }
    done
    "$TALLY" eval figures "$EVAL/meantime/intra-doc_annotation" "$ACC"/quantities/*.jsonl --json > "$ACC/figures.json" || true
  fi
fi

step "report"
python3 bench/report.py "$OUT"
echo >&2
echo "bench: wrote $OUT/results.md and $OUT/results.json" >&2
