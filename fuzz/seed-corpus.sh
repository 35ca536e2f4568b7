#!/usr/bin/env bash
# Fills fuzz/corpus/TARGET/ (not committed) with starting inputs for each fuzz target:
# the bundled samples (samples/), the synthetic seeds (fuzz/seeds/), and, when the shared
# folders exist beside the repository, the seed story and a few MUC-3 and Reuters texts
# (those stay out of the repository: Reuters is not redistributable). Safe to rerun.
set -euo pipefail
cd "$(dirname "$0")"
shared=../../shared
corpus=corpus
mkdir -p "$corpus"/{ingest_text,ingest_html,ingest_jsonl,ingest_warc,ingest_feed,ingest_sniff,pipeline,store,blowup}

# Articles: Markdown and text, for the text, pipeline and store targets.
texts=$(mktemp -d)
trap 'rm -rf "$texts"' EXIT
find ../samples -type f \( -name '*.md' -o -name '*.txt' \) -exec cp {} "$texts"/ \;
if [ -d "$shared/seeds" ]; then cp "$shared"/seeds/*.txt "$texts"/; fi
jsonl_texts() { # FILE FIELD COUNT: the FIELD of the first COUNT records, one file each
    python3 - "$@" "$texts" <<'PY'
import json, sys
path, field, count, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
with open(path, encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i >= count:
            break
        text = json.loads(line).get(field) or ""
        open(f"{out}/{path.split('/')[-2]}-{i}.txt", "w", encoding="utf-8").write(text)
PY
}
if [ -f "$shared/eval/muc3/muc3-plaintext.jsonl" ]; then
    jsonl_texts "$shared/eval/muc3/muc3-plaintext.jsonl" text 8
fi
if [ -f "$shared/eval/reuters21578/reuters21578-sample1000.jsonl" ]; then
    jsonl_texts "$shared/eval/reuters21578/reuters21578-sample1000.jsonl" body 8
    head -n 5 "$shared/eval/reuters21578/reuters21578-sample1000.jsonl" > "$corpus/ingest_jsonl/reuters-5.jsonl"
fi
for target in ingest_text pipeline store ingest_sniff; do cp "$texts"/* "$corpus/$target"/; done

# The record formats and HTML.
cp seeds/html/* "$corpus/ingest_html"/
cp seeds/jsonl/* "$corpus/ingest_jsonl"/
cp seeds/warc/* "$corpus/ingest_warc"/
cp seeds/feed/* "$corpus/ingest_feed"/
for dir in html jsonl warc feed; do
    for f in seeds/$dir/*; do
        cp "$f" "$corpus/ingest_sniff/"
        gzip -c "$f" > "$corpus/ingest_sniff/$(basename "$f").gz"
    done
done

# Blow-up units: the first byte picks the route (0 text, 1 Markdown, 2 raw paragraphs,
# 3 HTML, 4 JSONL), the rest is repeated to 1 MB.
unit() { printf "$2" > "$corpus/blowup/$1"; }
unit text-said '\x00He said "'
unit text-number '\x001,000 '
unit text-abbrev '\x00Mr. U.S. Gen. '
unit text-quote '\x00"'
unit md-heading '\x01# '
unit md-link '\x01[a]('
unit md-list '\x01- '
unit raw-dateline '\x02BOGOTA, 24 OCT 88 (REUTER) -- '
unit raw-words '\x02officials said several hundred '
unit raw-nospace '\x02aaaaaaaaaaaaaaaaaaaaaaaa'
unit html-div '\x03<div>'
unit html-p '\x03<p>said 5 '
unit jsonl-said '\x04said "x" '
echo "corpus ready in fuzz/$corpus/"
