"""tally on Spark: the claim ledger of a news crawl, written as Parquet.

Stage 1 (extract) reads WARC, JSONL or any other tally input (local paths, directories,
or Hadoop-compatible URIs such as ``hdfs://`` and ``s3a://``) with one tally pipeline per
partition (``mapPartitions``), and writes the ``documents``, ``claims`` and ``figures``
tables with exactly the columns and types of ``tally export --format parquet``. The
merge across documents follows the store: a document id seen twice is kept once (the
first in input order); a claim carried by syndicated copies is one row with all its
carriers; a figure takes its claimant from that row.

Stage 2 (Spark SQL) clusters syndicated copies (exact copies by content hash, near
copies by MinHash LSH bands confirmed by signature similarity, as the store does, then
connected components) to fill ``documents.cluster_id``, and builds ``timelines``: every
estimate per (measure, subject, place) with carriers, contradictions (ranges that do not
overlap within a window of days) and revisions (the same claimant's later, different
figure).

Output, under ``--output``::

    documents/published_month=YYYY-MM/part-*.parquet
    claims/said_month=YYYY-MM/part-*.parquet
    figures/month=YYYY-MM/part-*.parquet
    timelines/measure=NAME/part-*.parquet
    errors/part-*.parquet          records that could not be read or annotated

Each part file of documents, claims and figures has the export's schema exactly: the
month is a Hive partition directory, not a column in the files (Spark adds it back as a
column when it reads the directory).

Run locally (Java 17, ``pip install pyspark``, the tally wheel in the same environment)::

    python examples/spark/tally_spark.py --output out/ crawl/*.warc.gz dump.jsonl

or on a cluster::

    spark-submit --master yarn --archives tally-env.tar.gz#env \\
        --conf spark.pyspark.python=./env/bin/python \\
        examples/spark/tally_spark.py --output s3a://bucket/ledger/ s3a://bucket/crawl/

Limitations: the unit of parallelism is an input file (a WARC file or a JSONL shard),
since record numbers (``line 12``) must match ``tally``'s; split one huge JSONL file into
shards first. Remote files are read whole into memory by ``binaryFiles`` (a 1 GB WARC
shard needs about 1 GB per task); local files are streamed. Timelines compare estimates
within one (measure, subject, place) series only when the subject is known.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Iterable, Iterator, List, Optional, Sequence, Tuple
from urllib.parse import urlparse

TABLES = ("documents", "claims", "figures")
# Spark types of tally's export column types.
SPARK_TYPES = {
    "text": "string",
    "json": "string",
    "int": "bigint",
    "real": "double",
    "bool": "boolean",
}


def _local(name: str) -> Optional[str]:
    """The local path of ``name``, or None for a remote URI."""
    parsed = urlparse(name)
    if parsed.scheme in ("", "file") or (len(parsed.scheme) == 1 and name[1:2] == ":"):
        if name.startswith("file://"):
            return name[len("file://") :]
        if name.startswith("file:"):
            return name[len("file:") :]
        return name
    return None


def _walk(path: str, out: List[str]) -> None:
    # As tally_ingest::expand: files stay; directories are walked recursively, children
    # sorted by name, hidden entries skipped. Input order decides which copy of a
    # repeated document is kept and the numbering behind cluster ids.
    if not os.path.isdir(path):
        out.append(path)
        return
    for child in sorted(os.listdir(path)):
        if not child.startswith("."):
            _walk(os.path.join(path, child), out)


def list_inputs(spark, inputs: Sequence[str]) -> List[Tuple[str, bool]]:
    """Every input file in order, as (name, is_local)."""
    files: List[Tuple[str, bool]] = []
    for name in inputs:
        local = _local(name)
        if local is not None:
            found: List[str] = []
            _walk(local, found)
            files.extend((f, True) for f in found)
            continue
        jvm = spark.sparkContext._jvm
        conf = spark.sparkContext._jsc.hadoopConfiguration()
        path = jvm.org.apache.hadoop.fs.Path(name)
        fs = path.getFileSystem(conf)
        statuses = fs.globStatus(path) or []
        found = []
        for status in statuses:
            if status.isDirectory():
                it = fs.listFiles(status.getPath(), True)
                while it.hasNext():
                    p = it.next().getPath()
                    if not p.getName().startswith("."):
                        found.append(p.toString())
            else:
                found.append(status.getPath().toString())
        files.extend((f, False) for f in sorted(found))
    return files


def extract_partition(
    items: Iterable[Tuple[int, str, Optional[bytes]]], options: dict
) -> Iterator[tuple]:
    """One tally pipeline per partition; each file's documents become tagged rows:
    ``("d", file, seq, document_row, bands, signature)``, ``("c", file, seq, pos,
    instance)``, ``("f", file, seq, figure_row)``, ``("e", file, error_row)``."""
    import tally

    pipeline = tally.Pipeline(
        gazetteer=options.get("gazetteer"), conventions=options.get("conventions")
    )
    for file_index, name, data in items:
        seq = 0
        for item in pipeline._native.export_rows(
            [(name, data)], published=options.get("published")
        ):
            if item[0] == "error":
                yield ("e", file_index, tuple(item[1:]))
                continue
            _, document, claims, figures, bands, signature = item
            yield ("d", file_index, seq, document, list(bands), bytes(signature))
            for pos, claim in enumerate(claims):
                yield ("c", file_index, seq, pos, claim)
            for figure in figures:
                yield ("f", file_index, seq, figure)
            seq += 1


def _schema(table: str, extra: str = "") -> str:
    import tally

    fields = [f"`{name}` {SPARK_TYPES[ty]}" for name, ty in tally.columns(table)]
    return ", ".join(fields + ([extra] if extra else []))


CLAIM_INSTANCE = (
    "claim_key string, claimant_kind string, claimant string, claimant_anonymous boolean, "
    "kind string, content string, said_date string, document_id string, claim_id string, "
    "publisher string"
)


def stage_extract(spark, files: List[Tuple[str, bool]], args) -> dict:
    """Extracts every file; returns the per-document DataFrames, not yet merged."""
    sc = spark.sparkContext
    options = {
        "published": args.published,
        "gazetteer": args.gazetteer,
        "conventions": args.conventions,
    }
    index = {name: i for i, (name, _) in enumerate(files)}
    local = [(i, name, None) for i, (name, is_local) in enumerate(files) if is_local]
    remote = [name for name, is_local in files if not is_local]
    slices = args.partitions or max(1, min(len(files), sc.defaultParallelism * 4))
    rdds = []
    if local:
        rdds.append(sc.parallelize(local, min(slices, len(local))))
    if remote:
        # binaryFiles reads each file whole in the JVM; tally then reads it like a local
        # file (the bytes are staged under the original name).
        rdds.append(
            sc.binaryFiles(",".join(remote), minPartitions=min(slices, len(remote))).map(
                lambda kv: (index.get(kv[0], len(index)), kv[0], bytes(kv[1]))
            )
        )
    source = rdds[0] if len(rdds) == 1 else sc.union(rdds)
    tagged = source.mapPartitions(lambda it: extract_partition(it, options))
    from pyspark import StorageLevel

    tagged.persist(StorageLevel.MEMORY_AND_DISK)
    documents = spark.createDataFrame(
        tagged.filter(lambda t: t[0] == "d").map(
            lambda t: tuple(t[3]) + (t[1], t[2], t[4], t[5])
        ),
        _schema("documents", "_file bigint, _seq bigint, _bands array<bigint>, _signature binary"),
    )
    instances = spark.createDataFrame(
        tagged.filter(lambda t: t[0] == "c").map(lambda t: tuple(t[4]) + (t[1], t[2], t[3])),
        CLAIM_INSTANCE + ", _file bigint, _seq bigint, _pos bigint",
    )
    figures = spark.createDataFrame(
        tagged.filter(lambda t: t[0] == "f").map(lambda t: tuple(t[3]) + (t[1], t[2])),
        _schema("figures", "_file bigint, _seq bigint"),
    )
    errors = spark.createDataFrame(
        tagged.filter(lambda t: t[0] == "e").map(lambda t: tuple(t[2]) + (t[1],)),
        "path string, record string, code string, message string, _file bigint",
    )
    return {
        "tagged": tagged,
        "documents": documents,
        "instances": instances,
        "figures": figures,
        "errors": errors,
    }


def merge(spark, parts: dict) -> dict:
    """The store's merge: first copy of each document id, numbered in input order; claims
    merged by key; figures of kept documents with their claim row's claimant."""
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    documents = parts["documents"]
    first = Window.partitionBy("id").orderBy("_file", "_seq")
    kept = (
        documents.withColumn("_n", F.row_number().over(first)).filter("_n = 1").drop("_n")
    )
    # The store's pk: 1, 2, 3... over kept documents in input order. zipWithIndex numbers
    # a sorted RDD without moving every row to one partition.
    order = kept.select("id", "_file", "_seq").orderBy("_file", "_seq")
    numbered = order.rdd.zipWithIndex().map(lambda r: (r[0]["id"], r[1] + 1))
    pks = spark.createDataFrame(numbered, "id string, _pk bigint")
    kept = kept.join(pks, "id")
    kept.persist()

    keys = kept.select(
        F.col("id").alias("document_id"), "_file", "_seq", "_pk"
    )
    instances = parts["instances"].join(keys, ["document_id", "_file", "_seq"])
    ordered = F.struct("_pk", "claim_id", "document_id", "publisher")
    first_copy = F.min_by(
        F.struct("claimant_kind", "claimant", "claimant_anonymous", "kind", "content"),
        F.struct("_pk", "_pos"),
    )
    carriers = F.array_sort(F.collect_list(ordered))
    claims = (
        instances.groupBy("claim_key")
        .agg(
            first_copy.alias("_first"),
            F.min("said_date").alias("said_date"),
            F.count(F.lit(1)).alias("carriers"),
            carriers.alias("_carriers"),
        )
        .select(
            "claim_key",
            "_first.claimant_kind",
            "_first.claimant",
            "_first.claimant_anonymous",
            "_first.kind",
            "_first.content",
            "said_date",
            "carriers",
            F.to_json(F.transform("_carriers", lambda c: c["document_id"])).alias("documents"),
            F.to_json(
                F.array_distinct(
                    F.filter(
                        F.transform("_carriers", lambda c: c["publisher"]),
                        lambda p: p.isNotNull(),
                    )
                )
            ).alias("publishers"),
        )
    )
    claims.persist()

    figures = parts["figures"].join(
        kept.select(F.col("id").alias("document_id"), "_file", "_seq"),
        ["document_id", "_file", "_seq"],
    )
    claimant = claims.select("claim_key", F.col("claimant").alias("_claimant"))
    figures = figures.join(claimant, "claim_key", "left").withColumn(
        "claimant", F.when(F.col("claim_key").isNull(), F.col("claimant")).otherwise(F.col("_claimant"))
    )
    return {"documents": kept, "claims": claims, "figures": figures}


def clusters(spark, documents, similarity: float, max_rounds: int = 64):
    """Syndication clusters as the store finds them: an exact copy (same content hash)
    joins its first copy's cluster; a first copy joins every earlier document sharing an
    LSH band with signature similarity >= ``similarity``; clusters are connected
    components named by their smallest pk. Returns (``id``, ``cluster_id``)."""
    import tally
    from pyspark.sql import functions as F
    from pyspark.sql.types import DoubleType

    docs = documents.select("id", "_pk", "content_hash", "_bands", "_signature")
    firsts = docs.groupBy("content_hash").agg(F.min("_pk").alias("_first"))
    exact = (
        docs.join(firsts, "content_hash")
        .filter("_pk <> _first")
        .select(F.col("_pk").alias("a"), F.col("_first").alias("b"))
    )
    reps = docs.join(firsts, "content_hash").filter("_pk = _first")
    bands = reps.select("_pk", "_signature", F.posexplode("_bands").alias("_i", "_band"))
    x, y = bands.alias("x"), bands.alias("y")
    candidates = (
        x.join(y, (F.col("x._i") == F.col("y._i")) & (F.col("x._band") == F.col("y._band")))
        .filter(F.col("x._pk") < F.col("y._pk"))
        .select(
            F.col("x._pk").alias("a"),
            F.col("y._pk").alias("b"),
            F.col("x._signature").alias("sa"),
            F.col("y._signature").alias("sb"),
        )
        .dropDuplicates(["a", "b"])
    )
    sim = F.udf(lambda a, b: tally._native.similarity(bytes(a), bytes(b)), DoubleType())
    near = candidates.filter(sim("sa", "sb") >= F.lit(similarity)).select("a", "b")
    edges = exact.union(near)
    edges = edges.union(edges.select(F.col("b").alias("a"), F.col("a").alias("b"))).persist()

    # Connected components by min-label propagation; each round halves nothing in the
    # worst case but wire-story clusters are stars, done in two or three rounds.
    labels = docs.select(F.col("_pk").alias("v"), F.col("_pk").alias("label")).localCheckpoint()
    for _ in range(max_rounds):
        proposed = (
            edges.join(labels, edges.b == labels.v)
            .select(F.col("a").alias("v"), F.col("label").alias("offer"))
            .groupBy("v")
            .agg(F.min("offer").alias("offer"))
        )
        updated = (
            labels.join(proposed, "v", "left")
            .select("v", F.least("label", F.coalesce("offer", "label")).alias("label"))
            .localCheckpoint()
        )
        changed = updated.join(labels.withColumnRenamed("label", "old"), "v").filter(
            "label <> old"
        ).limit(1).count()
        labels = updated
        if changed == 0:
            break
    return docs.join(labels, docs._pk == labels.v).select("id", F.col("label").alias("cluster_id"))


def _day_range_sql(col: str) -> Tuple[str, str]:
    """Spark SQL for the first and last day a TIMEX3 value in ``col`` covers, as in
    tally-store's when.rs: a day (a time of day dropped), a month, an ISO week, its weekend
    or one of its days, a quarter, a half, a northern season (winter starts the year), a
    year, a decade (``201X``) or a century (``20XX``); NULL for references (``PRESENT_REF``),
    unknown years (``XXXX-03``) and malformed values. Every date is built from a month's
    first day and offsets, so no invalid value reaches make_date (which raises under ANSI
    mode); values before the year 1000 are left undated."""
    v = f"regexp_replace(trim({col}), 'T.*$', '')"
    y = f"int(substr({v}, 1, 4))"

    def month(year: str, m: str) -> str:
        return f"make_date({year}, {m}, 1)"

    def end(year: str, m: str) -> str:
        return f"last_day({month(year, m)})"

    # Months "SP", "SU", "FA" start in March, June, September.
    season = f"CASE substr({v}, 6, 2) WHEN 'SP' THEN 3 WHEN 'SU' THEN 6 ELSE 9 END"
    jan4 = f"make_date({y}, 1, 4)"
    monday = f"date_add({jan4}, (int(substr({v}, 7, 2)) - 1) * 7 - weekday({jan4}))"
    week_tail = f"substr({v}, 10)"
    week_day = f"date_add({monday}, int({week_tail}) - 1)"
    digits = f"regexp_extract({v}, '^([0-9]+)', 1)"
    span = f"int(pow(10, 4 - length({digits})))"
    decade_start = f"int({digits}) * {span}"
    day_of_month = f"int(substr({v}, 9, 2))"
    month_start = month(y, f"int(substr({v}, 6, 2))")
    day = (
        f"CASE WHEN {day_of_month} BETWEEN 1 AND day(last_day({month_start})) "
        f"THEN date_add({month_start}, {day_of_month} - 1) END"
    )
    kinds = [
        ("^[0-9]{4}-(0[1-9]|1[0-2])-[0-9]{2}$", day, day),
        ("^[0-9]{4}-(0[1-9]|1[0-2])$", month_start, f"last_day({month_start})"),
        (
            "^[0-9]{4}-Q[1-4]$",
            month(y, f"int(substr({v}, 7, 1)) * 3 - 2"),
            end(y, f"int(substr({v}, 7, 1)) * 3"),
        ),
        (
            "^[0-9]{4}-H[12]$",
            month(y, f"int(substr({v}, 7, 1)) * 6 - 5"),
            end(y, f"int(substr({v}, 7, 1)) * 6"),
        ),
        ("^[0-9]{4}-(SP|SU|FA)$", month(y, season), end(y, f"{season} + 2")),
        ("^[0-9]{4}-WI$", month(f"{y} - 1", "12"), end(y, "2")),
        ("^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$", monday, f"date_add({monday}, 6)"),
        (
            "^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])-WE$",
            f"date_add({monday}, 5)",
            f"date_add({monday}, 6)",
        ),
        ("^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])-[1-7]$", week_day, week_day),
        (
            "^[1-9][0-9]{0,3}X*$",
            f"CASE WHEN length({v}) <= 4 THEN make_date({decade_start}, 1, 1) END",
            f"CASE WHEN length({v}) <= 4 THEN make_date({decade_start} + {span} - 1, 12, 31) END",
        ),
    ]

    def case(pick: int) -> str:
        arms = " ".join(f"WHEN {v} RLIKE '{k[0]}' THEN {k[pick]}" for k in kinds)
        return f"CASE {arms} END"

    return case(1), case(2)


FIRST_DAY, LAST_DAY = _day_range_sql("f.date")

TIMELINE_SQL = """
WITH f AS (
    -- A document-local entity (local:E3) numbers one document's entities: across
    -- documents it is keyed by its phrase, as in tally's store.
    SELECT f.measure,
           coalesce(CASE WHEN f.subject_entity NOT LIKE 'local:%' THEN f.subject_entity END,
                    lower(f.subject)) AS subject_key,
           coalesce(CASE WHEN f.place_entity NOT LIKE 'local:%' THEN f.place_entity END,
                    lower(f.place)) AS place_key,
           -- One estimate per figure wording per claim, or per cluster without a claim,
           -- as in tally's store.
           CASE WHEN f.claim_key IS NOT NULL THEN concat('c', f.claim_key, ':', lower(f.raw))
                ELSE concat('d', d.cluster_id, ':', lower(f.raw)) END AS estimate,
           f.date, f.raw, f.low, f.best, f.high, f.open_high, f.unit, f.hedges, f.subject,
           f.place, coalesce(c.claimant, 'unattributed') AS claimant,
           coalesce(c.kind, 'unattributed') AS sourcing, c.content, f.document_id,
           f.publisher, d._pk, {first_day} AS first_day, {last_day} AS last_day
    FROM figures f
    JOIN documents d ON d.id = f.document_id
    LEFT JOIN claims c ON c.claim_key = f.claim_key
    WHERE f.measure <> 'other'
), e AS (
    SELECT measure, subject_key, place_key, estimate,
           -- An estimate is dated by its first copy in the store's day order.
           min_by(struct(date, first_day, last_day, raw, low, best, high, open_high, unit,
                         hedges, subject, place, claimant, sourcing, content),
                  struct(date IS NULL, first_day IS NULL, first_day, last_day, date, _pk)) AS v,
           count(DISTINCT document_id) AS carriers,
           to_json(array_sort(collect_set(publisher))) AS publishers
    FROM f GROUP BY measure, subject_key, place_key, estimate
)
SELECT measure, subject_key, place_key, estimate, v.*, carriers, publishers,
       coalesce(v.low, v.best) AS range_low,
       CASE WHEN v.open_high THEN double('inf') ELSE coalesce(v.high, v.best) END AS range_high
FROM e
""".format(first_day=FIRST_DAY, last_day=LAST_DAY)


# As tally-store's timeline.rs: dates wider than a year are never flagged.
MAX_FLAGGED_SPAN_DAYS = 366


def timelines(spark, window_days: int):
    """Estimates per (measure, subject, place) with contradiction and revision flags."""
    spark.sql(TIMELINE_SQL).createOrReplaceTempView("estimates")
    return spark.sql(
        f"""
        WITH known AS (
            -- Dates are TIMEX3 values, compared by the days they cover as in the store:
            -- "2016-03" overlaps "2016-03-14"; a date wider than a year (a decade) is
            -- left unflagged.
            SELECT * FROM estimates
            WHERE subject_key IS NOT NULL AND first_day IS NOT NULL
              AND datediff(last_day, first_day) <= {MAX_FLAGGED_SPAN_DAYS}
              AND range_low IS NOT NULL AND range_high IS NOT NULL
        ), contradictions AS (
            SELECT a.estimate, collect_set(b.estimate) AS contradicts
            FROM known a JOIN known b
              ON a.measure = b.measure AND a.subject_key = b.subject_key
             AND a.place_key <=> b.place_key AND a.estimate <> b.estimate
             -- The days between the two ranges, none when they overlap.
             AND greatest(datediff(b.first_day, a.last_day), datediff(a.first_day, b.last_day),
                          0) <= {int(window_days)}
             AND NOT (a.range_low <= b.range_high AND b.range_low <= a.range_high)
            GROUP BY a.estimate
        ), revisions AS (
            SELECT estimate,
                   lag(estimate) OVER w AS previous,
                   lag(range_low) OVER w AS previous_low,
                   lag(range_high) OVER w AS previous_high,
                   lag(first_day) OVER w AS previous_first,
                   lag(last_day) OVER w AS previous_last,
                   range_low, range_high, first_day, last_day
            FROM known WHERE sourcing <> 'unattributed'
            -- tally timeline's order: first day, last day, the date's text.
            WINDOW w AS (PARTITION BY measure, subject_key, lower(claimant)
                         ORDER BY first_day, last_day, date, estimate)
        )
        SELECT e.measure, e.subject_key, e.place_key, e.date, e.raw, e.low, e.best, e.high,
               e.open_high, e.unit, e.hedges, e.subject, e.place, e.claimant, e.sourcing,
               e.content, e.carriers, e.publishers, e.estimate,
               to_json(coalesce(c.contradicts, array())) AS contradicts,
               -- Later: starts and ends after the previous date (a day inside a month
               -- said earlier revises nothing).
               CASE WHEN r.previous IS NOT NULL AND r.first_day > r.previous_first
                     AND r.last_day > r.previous_last
                     AND (r.range_low <> r.previous_low OR r.range_high <> r.previous_high)
                    THEN r.previous END AS revises
        FROM estimates e
        LEFT JOIN contradictions c ON c.estimate = e.estimate
        LEFT JOIN revisions r ON r.estimate = e.estimate
        """
    )


def run(spark, inputs: Sequence[str], output: str, args) -> dict:
    """Runs both stages; returns counts and timings."""
    from pyspark.sql import functions as F

    started = time.perf_counter()
    files = list_inputs(spark, inputs)
    if not files:
        raise SystemExit("tally_spark: no input files")
    parts = stage_extract(spark, files, args)
    merged = merge(spark, parts)
    documents = merged["documents"]
    cluster_ids = clusters(spark, documents, args.cluster_similarity)
    documents = documents.drop("cluster_id").join(cluster_ids, "id")
    documents.persist()

    import tally

    out = output.rstrip("/")
    names = {t: [n for n, _ in tally.columns(t)] for t in TABLES}
    month = lambda c: F.coalesce(F.substring(c, 1, 7), F.lit("unknown"))  # noqa: E731
    (
        documents.select(*names["documents"], month("published").alias("published_month"))
        .write.mode("overwrite")
        .partitionBy("published_month")
        .parquet(f"{out}/documents")
    )
    (
        merged["claims"]
        .select(*names["claims"], month("said_date").alias("said_month"))
        .write.mode("overwrite")
        .partitionBy("said_month")
        .parquet(f"{out}/claims")
    )
    (
        merged["figures"]
        .select(*names["figures"], month("date").alias("month"))
        .write.mode("overwrite")
        .partitionBy("month")
        .parquet(f"{out}/figures")
    )
    parts["errors"].drop("_file").write.mode("overwrite").parquet(f"{out}/errors")
    extracted = time.perf_counter() - started

    documents.createOrReplaceTempView("documents")
    merged["claims"].createOrReplaceTempView("claims")
    merged["figures"].createOrReplaceTempView("figures")
    timeline = timelines(spark, args.window_days)
    timeline.write.mode("overwrite").partitionBy("measure").parquet(f"{out}/timelines")

    counts = {
        "files": len(files),
        "documents": documents.count(),
        "claims": merged["claims"].count(),
        "figures": merged["figures"].count(),
        "errors": parts["errors"].count(),
        "clusters": documents.groupBy("cluster_id").count().filter("count > 1").count(),
        "seconds_to_tables": round(extracted, 1),
        "seconds_total": round(time.perf_counter() - started, 1),
    }
    parts["tagged"].unpersist()
    return counts


def parse_args(argv: Optional[Sequence[str]] = None):
    parser = argparse.ArgumentParser(
        description="tally on Spark: extract WARC/JSONL inputs into the claim ledger as Parquet."
    )
    parser.add_argument("inputs", nargs="+", help="files, directories or Hadoop URIs")
    parser.add_argument("--output", required=True, help="output directory or URI")
    parser.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    parser.add_argument("--partitions", type=int, help="input partitions (default: 4 per core)")
    parser.add_argument("--published", help="publication date for inputs without one")
    parser.add_argument("--gazetteer", help="a gazetteer file merged over the bundled one")
    parser.add_argument("--conventions", help="figures convention: default, acled or a file")
    parser.add_argument("--cluster-similarity", type=float, default=None)
    parser.add_argument("--window-days", type=int, default=7)
    parser.add_argument(
        "--shuffle-partitions",
        type=int,
        help="Spark SQL shuffle partitions (default: 2 per core in local mode, else Spark's)",
    )
    args = parser.parse_args(argv)
    if args.cluster_similarity is None:
        import tally

        args.cluster_similarity = tally._native.cluster_similarity()
    return args


def session(master: Optional[str], shuffle_partitions: Optional[int] = None):
    # Workers must run the Python that has the tally wheel; in local mode that is this one.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("tally")
    # Without --master, spark-submit's master applies, or local[*] under plain python.
    if master:
        builder = builder.master(master)
    # Under spark-submit the JVM starts this process (and sets PYSPARK_GATEWAY_PORT); run
    # by plain python without --master, PySpark runs local[*].
    local = master.startswith("local") if master else "PYSPARK_GATEWAY_PORT" not in os.environ
    if shuffle_partitions is None and local:
        # Spark's default of 200 shuffle partitions is for clusters; on one machine each
        # small task costs more than it does.
        shuffle_partitions = 2 * (os.cpu_count() or 2)
    if shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
    return (
        builder.config("spark.sql.session.timeZone", "UTC")
        # Dates in news text can be impossible ("February 30"): a malformed one is NULL,
        # not a failed job.
        .config("spark.sql.ansi.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    spark = session(args.master, args.shuffle_partitions)
    spark.sparkContext.setLogLevel("WARN")
    counts = run(spark, args.inputs, args.output, args)
    seconds = counts["seconds_to_tables"]
    print(
        "tally_spark: {files} files, {documents} documents, {claims} claims, {figures} figures, "
        "{errors} errors, {clusters} clusters; tables in {seconds_to_tables}s, total {seconds_total}s".format(
            **counts
        )
    )
    print(f"tally_spark: {counts['documents'] / max(seconds, 1e-9):.0f} documents/s to tables")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
