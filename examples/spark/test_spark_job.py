"""Integration test: the Spark job in local mode on a small WARC + JSONL set writes the same
claims, figures and documents as `tally ingest` + `tally export --format parquet`.

Needs pyspark, pyarrow, the tally wheel and the `tally` binary (TALLY_BIN, else
target/debug/tally). Run from the repository root:

    python -m pytest examples/spark
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

if os.environ.get("CI") and os.environ.get("TALLY_SPARK_TEST") == "1":
    import pyarrow.parquet as pq  # noqa: F401 - must be installed in CI
    import pyspark  # noqa: F401
else:
    pytest.importorskip("pyspark")
pq = pytest.importorskip("pyarrow.parquet")

import tally  # noqa: E402


def tally_bin() -> str:
    for candidate in (os.environ.get("TALLY_BIN"), str(ROOT / "target" / "debug" / "tally")):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.fail("the tally binary is missing: run `cargo build -p tally-cli` first")


def markdown_article(path: Path):
    """(title, paragraphs) of a sample article, without its Markdown metadata lines."""
    lines = path.read_text().split("\n\n")
    title = lines[0].lstrip("# ").strip()
    body = [
        " ".join(p.split())
        for p in lines[1:]
        if p.strip()
        and not p.startswith(("By ", "Original url", "<http", "Published", "---", "!["))
    ]
    return title, body


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list:
    """A WARC.gz with four pages (one a syndicated copy, one trimmed) and a non-HTML
    record; a JSONL file with three articles, a repeated record and a broken line."""
    d = tmp_path_factory.mktemp("inputs")
    wikinews = sorted((ROOT / "samples" / "wikinews").glob("*.md"))
    synthetic = sorted((ROOT / "samples" / "synthetic").glob("*.md"))
    assert len(wikinews) >= 3 and len(synthetic) >= 3
    warc = b""
    # Speakers' claims are shared by syndicated copies (the reporter's own voice belongs to
    # each outlet), so the copies are of a story with named and anonymous speakers.
    pages = [(markdown_article(p), f"https://www.theguardian.com/{p.stem}") for p in synthetic[:3]]
    (title, body), _ = pages[0]
    pages.append(((title, body), "https://www.example-courier.org/copy"))
    pages.append(((title, body[:-1]), "https://www.example-herald.net/trimmed"))
    for (title, body), url in pages:
        page = make_corpus.html_page(title, body, "2007-05-10T09:00:00Z", url)
        warc += make_corpus.gzip_member(make_corpus.warc_record(url, page.encode()))
    warc += make_corpus.gzip_member(
        make_corpus.warc_record("https://www.theguardian.com/logo.png", b"\x89PNG\r\n", "image/png")
    )
    (d / "crawl.warc.gz").write_bytes(warc)

    lines = []
    for i, path in enumerate(wikinews[:3]):
        title, body = markdown_article(path)
        lines.append(
            json.dumps(
                {
                    "url": f"https://apnews.com/article/{i}",
                    "title": title,
                    "published": "2024-12-18",
                    "text": "\n\n".join(body),
                }
            )
        )
    lines.insert(2, "{not json")
    lines.append(lines[0])  # the same article again: stored once
    (d / "dump.jsonl").write_text("\n".join(lines) + "\n")
    return [str(d / "crawl.warc.gz"), str(d / "dump.jsonl")]


@pytest.fixture(scope="module")
def exported(inputs, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("cli")
    db = out / "tally.db"
    binary = tally_bin()
    subprocess.run([binary, "ingest", "-q", "--db", str(db), *inputs], check=False)
    files = {}
    for table in ("claims", "figures", "documents"):
        files[table] = out / f"{table}.parquet"
        subprocess.run(
            [binary, "export", "--db", str(db), "--table", table, "--format", "parquet", "-o", str(files[table])],
            check=True,
        )
    return files


@pytest.fixture(scope="module")
def spark_output(inputs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("spark") / "ledger"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, SPARK_LOCAL_IP="127.0.0.1")
    result = subprocess.run(
        [sys.executable, str(HERE / "tally_spark.py"), "--master", "local[2]", "--output", str(out), *inputs],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "tally_spark:" in result.stdout
    return out


def part_files(directory: Path) -> list:
    files = sorted(directory.rglob("*.parquet"))
    assert files, f"no Parquet files under {directory}"
    return files


JSON_COLUMNS = {
    table: {name for name, ty in tally.columns(table) if ty == "json"}
    for table in ("claims", "figures", "documents")
}
KEYS = {"claims": ("claim_key",), "figures": ("document_id", "figure_id"), "documents": ("id",)}


def normalized(rows: list, table: str) -> list:
    for row in rows:
        for column in JSON_COLUMNS[table]:
            if row[column] is not None:
                row[column] = json.loads(row[column])
    return sorted(rows, key=lambda r: tuple(r[k] for k in KEYS[table]))


@pytest.mark.parametrize("table", ["claims", "figures", "documents"])
def test_spark_output_equals_tally_export(table, exported, spark_output):
    expected = pq.read_table(exported[table])
    parts = part_files(spark_output / table)
    for part in parts:
        schema = pq.read_schema(part)
        # Each part file has the export's columns, in order, with the same types; the
        # month is only in the directory name.
        assert [(f.name, f.type) for f in schema] == [(f.name, f.type) for f in expected.schema], part
    rows = []
    for part in parts:
        rows.extend(pq.read_table(part).to_pylist())
    ours = normalized(rows, table)
    theirs = normalized(expected.to_pylist(), table)
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs):
        assert a == b
    if table == "claims":
        assert any(r["carriers"] > 1 for r in ours), "syndicated copies share claims"
    if table == "documents":
        clusters = [r["cluster_id"] for r in ours]
        assert len(set(clusters)) < len(clusters), "the copies form a cluster"


def test_errors_and_timelines(spark_output):
    errors = []
    for part in part_files(spark_output / "errors"):
        errors.extend(pq.read_table(part).to_pylist())
    assert any(e["code"] == "I005" and e["record"] == "line 3" for e in errors), errors
    estimates = []
    for part in part_files(spark_output / "timelines"):
        estimates.extend(pq.read_table(part).to_pylist())
    assert estimates
    assert all(e["carriers"] >= 1 and e["estimate"] for e in estimates)
