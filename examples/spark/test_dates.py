"""The Spark job's dates: the days a TIMEX3 value covers (as tally-store's when.rs) and the
timeline flags and order built on them (as `tally timeline`). Needs pyspark only.

    python -m pytest examples/spark/test_dates.py
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

if os.environ.get("CI") and os.environ.get("TALLY_SPARK_TEST") == "1":
    import pyspark  # noqa: F401 - must be installed in CI
else:
    pytest.importorskip("pyspark")

import tally_spark  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[1]")
        .appName("tally-dates")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    yield session
    session.stop()


def day_ranges(spark, values):
    first, last = tally_spark._day_range_sql("value")
    rows = spark.createDataFrame([(v,) for v in values], "value string").selectExpr(
        "value", f"string({first}) AS first", f"string({last}) AS last"
    )
    return {r["value"]: (r["first"], r["last"]) for r in rows.collect()}


def test_days_of_each_kind_of_value(spark):
    # The cases of when.rs's tests.
    expected = {
        "2016-03-14": ("2016-03-14", "2016-03-14"),
        "2016-03-14T10:30": ("2016-03-14", "2016-03-14"),
        "2016-03-14TMO": ("2016-03-14", "2016-03-14"),
        "2016-02": ("2016-02-01", "2016-02-29"),
        "2015-02": ("2015-02-01", "2015-02-28"),
        "2016-W11": ("2016-03-14", "2016-03-20"),
        "2016-W11-WE": ("2016-03-19", "2016-03-20"),
        "2016-W11-1": ("2016-03-14", "2016-03-14"),
        "2015-W01": ("2014-12-29", "2015-01-04"),
        "2015-W53": ("2015-12-28", "2016-01-03"),
        "2016-Q1": ("2016-01-01", "2016-03-31"),
        "2016-Q4": ("2016-10-01", "2016-12-31"),
        "2016-H2": ("2016-07-01", "2016-12-31"),
        "2016-SU": ("2016-06-01", "2016-08-31"),
        "2016-WI": ("2015-12-01", "2016-02-29"),
        "2016": ("2016-01-01", "2016-12-31"),
        "201": ("2010-01-01", "2019-12-31"),
        "201X": ("2010-01-01", "2019-12-31"),
        "20": ("2000-01-01", "2099-12-31"),
        "19XX": ("1900-01-01", "1999-12-31"),
    }
    undated = ["PRESENT_REF", "PAST_REF", "P3D", "XXXX-03", "2016-02-30", "2016-13"]
    undated += ["2016-W54", "2016-Q5", "", "20161", None]
    got = day_ranges(spark, list(expected) + undated)
    assert {v: got[v] for v in expected} == expected
    assert {v: got[v] for v in undated} == {v: (None, None) for v in undated}


def estimates(spark, rows):
    """The `estimates` view of (estimate, claimant, date, low, high) about one subject."""
    first, last = tally_spark._day_range_sql("date")
    schema = "estimate string, claimant string, date string, range_low double, range_high double"
    df = spark.createDataFrame(rows, schema)
    df.selectExpr(
        "'casualties' AS measure", "'KP' AS subject_key", "'kursk' AS place_key", "*",
        f"{first} AS first_day", f"{last} AS last_day", "estimate AS raw",
        "range_low AS low", "double(NULL) AS best", "range_high AS high",
        "false AS open_high", "string(NULL) AS unit", "string(NULL) AS hedges",
        "'KP' AS subject", "'Kursk' AS place", "'indirect' AS sourcing",
        "string(NULL) AS content", "1 AS carriers", "'[]' AS publishers",
    ).createOrReplaceTempView("estimates")


def flags(spark, rows, monkeypatch):
    estimates(spark, rows)
    # timelines() rebuilds the view from the tables; here the view is the input.
    monkeypatch.setattr(tally_spark, "TIMELINE_SQL", "SELECT * FROM estimates")
    out = tally_spark.timelines(spark, 7).collect()
    return {
        r["estimate"]: (sorted(json.loads(r["contradicts"])), r["revises"])
        for r in out
    }


def test_coarse_dates_are_flagged_by_the_days_they_cover(spark, monkeypatch):
    got = flags(
        spark,
        [
            ("hundreds", "a U.S. official", "2016-03", 300.0, 900.0),
            ("3,000", "Ukraine", "2016-03-14", 3000.0, 3000.0),
            # Five days after March ends, 22 after the 14th.
            ("50", "the ministry", "2016-04-05", 50.0, 50.0),
            ("10,000", "a think tank", "2015", 10000.0, 10000.0),
            ("1", "a blogger", "201X", 1.0, 1.0),
        ],
        monkeypatch,
    )
    assert got == {
        "hundreds": (["3,000", "50"], None),
        "3,000": (["hundreds"], None),
        "50": (["hundreds"], None),
        "10,000": ([], None),
        "1": ([], None),
    }


def test_revisions_follow_the_days_not_the_text(spark, monkeypatch):
    # As text "2016-Q2" sorts after "2016-07-02"; by its days it comes first. A day
    # inside a month said of earlier revises nothing.
    official = "a U.S. official"
    got = flags(
        spark,
        [
            ("hundreds", official, "2016-03", 300.0, 900.0),
            ("1,000 to 1,200", official, "2016-03-14", 1000.0, 1200.0),
            ("2,000", official, "2016-Q2", 2000.0, 2000.0),
            ("2,500", official, "2016-07-02", 2500.0, 2500.0),
        ],
        monkeypatch,
    )
    assert {k: v[1] for k, v in got.items()} == {
        "hundreds": None,
        "1,000 to 1,200": None,
        "2,000": "1,000 to 1,200",
        "2,500": "2,000",
    }
