"""tally.Store: queries over a database, as records, DataFrames and Arrow tables."""

import subprocess

import pytest

import tally


@pytest.fixture(scope="module")
def store(tmp_path_factory, samples):
    path = tmp_path_factory.mktemp("db") / "tally.db"
    store = tally.Store(path, create=True)
    stats = store.add(tally.read(samples))
    assert stats["inserted"] == len(samples)
    return store


def test_add_is_idempotent(store, samples):
    again = store.add(tally.read(samples[:2]))
    assert again == {"inserted": 0, "skipped": 2, "claims": 0}
    counts = store.counts()
    assert counts["documents"] == len(samples) and counts["claims"] > 0


def test_add_takes_json_text_from_extract_many(tmp_path, samples):
    texts = [p.read_text() for p in samples[:3]]
    from_text = tally.Store(tmp_path / "text.db", create=True)
    from_dicts = tally.Store(tmp_path / "dicts.db", create=True)
    assert from_text.add(tally.extract_many(texts, output="json")) == from_dicts.add(
        tally.extract_many(texts)
    )
    assert from_text.table("claims") == from_dicts.table("claims")


def test_claims_filter_and_page(store):
    claims = store.claims(limit=200)
    assert claims and all({"id", "kind", "content", "claimant", "carriers"} <= set(c) for c in claims)
    anonymous = store.claims(anonymous=True, limit=200)
    assert anonymous and all(c["claimant"]["anonymous"] for c in anonymous)
    key = claims[0]["id"]
    detail = store.claim(key)
    assert detail is not None and detail["claim"]["id"] == key
    assert store.claim("no-such-key") is None


def test_timeline_and_table_as_frames(store):
    pandas = pytest.importorskip("pandas")
    pyarrow = pytest.importorskip("pyarrow")
    measures = {row["measure"] for row in store.table("figures")}
    measure = "casualties" if "casualties" in measures else sorted(measures)[0]
    timeline = store.timeline(measure)
    assert timeline["measure"] == measure and timeline["estimates"]
    frame = store.timeline(measure, output="pandas")
    assert isinstance(frame, pandas.DataFrame) and len(frame) == len(timeline["estimates"])
    assert {"date", "raw", "low", "high", "claimant", "carriers", "flags"} <= set(frame.columns)
    table = store.table("claims", output="arrow")
    assert isinstance(table, pyarrow.Table)
    assert table.column_names == [name for name, _ in tally.columns("claims")]
    claims = store.claims(limit=5, output="pandas")
    assert len(claims) == 5


def test_timeline_agent_filter(tmp_path):
    """``agent=`` keeps the estimates whose figure names who did the harm, by words of the
    agent phrase or by its entity id, like ``tally timeline --agent``."""
    store = tally.Store(tmp_path / "agent.db", create=True)
    strike = (
        "Russian drones and missiles struck Kharkiv overnight, killing at least 12 people, "
        "regional officials said on Sunday."
    )
    flood = "Nine people died in floods in the south of the country, officials said on Sunday."
    documents = [tally.extract(text) for text in (strike, flood)]
    assert [f.get("agent") is not None for d in documents for f in d["figures"]] == [True, False]
    assert store.add(documents)["inserted"] == 2
    everything = store.timeline("killed")
    assert "agent" not in everything
    assert sorted(e["raw"] for e in everything["estimates"]) == ["12", "Nine"]
    for agent in ("russian DRONES", "RU"):
        by_agent = store.timeline("killed", agent=agent)
        assert by_agent["agent"] == agent
        [estimate] = by_agent["estimates"]
        assert estimate["raw"] == "12"
        assert estimate["agent"] == "Russian drones and missiles"
        assert estimate["agent_entity"] == "RU"
    assert store.timeline("killed", agent="no such agent")["estimates"] == []


def test_table_equals_tally_export(store, tally_bin, tmp_path, samples):
    db = tmp_path / "cli.db"
    subprocess.run([tally_bin, "ingest", "-q", "--db", str(db), *map(str, samples)], check=True)
    import json

    for table in ("claims", "figures", "documents"):
        out = subprocess.run(
            [tally_bin, "export", "--db", str(db), "--table", table],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        cli = [json.loads(line) for line in out.splitlines()]
        ours = tally.Store(db).table(table)
        assert ours == cli


def test_search_and_sources(store):
    hits = store.search("official", limit=5)
    assert hits and all(h["snippet"] and h["kind"] in ("document", "claim") for h in hits)
    assert isinstance(store.sources(min_size=1), list)
    with pytest.raises(ValueError):
        store.search("x", scope="everything")


def test_bad_queries_raise_with_codes(store, tmp_path):
    with pytest.raises(tally.TallyError) as info:
        store.timeline("no-such-measure")
    assert info.value.code == "S004"
    with pytest.raises(tally.TallyError) as info:
        tally.Store(tmp_path / "missing.db")
    assert info.value.code == "S004"
    with pytest.raises(ValueError):
        store.claims(output="excel")
    # A page size the store would not honour (0 read as 20, 500 capped at 200) is refused,
    # as GET /api/claims refuses it, and so is a negative contradiction window.
    for limit in (0, 201, 500):
        with pytest.raises(tally.TallyError, match="limit") as info:
            store.claims(limit=limit)
        assert info.value.code == "S004"
    with pytest.raises(tally.TallyError, match="window_days") as info:
        store.timeline("killed", window_days=-1)
    assert info.value.code == "S004"


def test_columns():
    assert [n for n, _ in tally.columns("claims")][:3] == ["claim_key", "claimant_kind", "claimant"]
    assert dict(tally.columns("figures"))["low"] == "real"
    with pytest.raises(ValueError):
        tally.columns("speakers")
