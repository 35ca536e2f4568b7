"""tally.extract / extract_many / read: plain dicts with the schema of `tally extract`."""

import json
import subprocess
import threading
import time

import pytest

import tally

STORY = (
    "A senior U.S. military official said on Tuesday that North Korean forces had "
    "suffered several hundred casualties in Russia's Kursk region.\n\n"
    '"Several hundred casualties, ranging from light wounds to killed in action," the '
    "official said, speaking on condition of anonymity."
)


def test_extract_finds_figures_times_and_claims():
    doc = tally.extract(STORY, published="2024-12-18", url="https://www.themoscowtimes.com/a")
    assert doc["url"] == "https://www.themoscowtimes.com/a"
    assert doc["publisher"] == "The Moscow Times"
    assert doc["published"]["value"] == "2024-12-18"
    figure = next(f for f in doc["figures"] if f["raw"].lower() == "several hundred")
    assert (figure["low"], figure["high"], figure["measure"]) == (300.0, 900.0, "casualties")
    assert any(t["value"] == "2024-12-17" for t in doc["times"]), doc["times"]
    assert doc["claims"], "the official's statement is a claim"
    claimant = doc["claims"][0]["claimant"]
    assert claimant["anonymous"] is True
    # Spans are UTF-8 byte offsets into the body.
    body = doc["body"].encode()
    for f in doc["figures"]:
        span = f["span"]
        assert body[span["start"] : span["end"]].decode() == span["text"]


def test_extract_keeps_the_cli_field_order():
    doc = tally.extract("Officials said 300 people died.")
    assert list(doc)[:3] == ["id", "content_hash", "origin"] or list(doc)[:2] == [
        "id",
        "content_hash",
    ]


def test_extract_equals_the_cli_on_every_sample(samples, tally_bin):
    out = subprocess.run(
        [tally_bin, "extract", "--format", "jsonl", *map(str, samples)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    cli = [json.loads(line) for line in out.splitlines()]
    ours = list(tally.read(samples))
    assert len(ours) == len(cli) == len(samples)
    for a, b in zip(ours, cli):
        assert a == b, a.get("origin")
        assert list(a) == list(b), "same field order as the CLI"


def test_extract_text_equals_read_of_the_same_file(samples):
    path = samples[0]
    text = path.read_text()
    from_text = tally.extract(text, name=str(path))
    (from_file,) = tally.read(path)
    assert from_text["claims"] == from_file["claims"]
    assert from_text["figures"] == from_file["figures"]


def test_extract_many_equals_extract_in_order():
    texts = [f"Officials said {n} people were killed in the flood." for n in range(1, 40)]
    one_by_one = [tally.extract(t) for t in texts]
    for threads in (1, 2):
        many = tally.extract_many(iter(texts), threads=threads, chunk_size=7)
        assert many == one_by_one
    assert [d["figures"][0]["low"] for d in many] == [float(n) for n in range(1, 40)]


def test_extract_many_takes_dicts_with_metadata():
    docs = tally.extract_many(
        [
            {"text": "Police said 12 people were detained.", "url": "https://apnews.com/x", "title": "Arrests"},
            {"html": "<html><body><article><p>Rebels said 40 soldiers were killed.</p></article></body></html>"},
            "Plain text: 7 people were injured, police said.",
        ],
        published="2020-05-01",
    )
    assert docs[0]["title"] == "Arrests" and docs[0]["publisher"] == "AP News"
    assert docs[0]["published"]["value"] == "2020-05-01"
    assert docs[1]["origin"]["format"] == "html"
    assert "40 soldiers" in docs[1]["body"]
    assert docs[2]["figures"][0]["low"] == 7.0


def test_extract_many_rejects_bad_items():
    with pytest.raises(TypeError, match="item 1"):
        tally.extract_many(["fine text here.", 42])
    with pytest.raises(ValueError, match="text"):
        tally.extract_many([{"url": "https://a.example"}])
    with pytest.raises(ValueError, match="threads"):
        tally.extract_many(["x"], threads=0)


def test_extract_many_json_output_is_the_dicts_as_text(samples):
    items = [p.read_text() for p in samples] * 3
    dicts = tally.extract_many(items, threads=2, chunk_size=5)
    texts = tally.extract_many(items, threads=2, chunk_size=5, output="json")
    assert all(isinstance(t, str) for t in texts)
    assert len(texts) == len(dicts) == len(items)
    for text, doc in zip(texts, dicts):
        parsed = json.loads(text)
        assert parsed == doc
        # Same keys in the same order, and the same number types (300 and 300.0 differ).
        assert json.dumps(parsed) == json.dumps(doc)
    with pytest.raises(ValueError, match="output"):
        tally.extract_many(items, output="arrow")


def test_extract_many_reports_the_first_failing_item_across_chunks():
    texts = [f"Officials said {n} people were killed." for n in range(12)]
    # An article with no body text (item 3) comes before an item that is not one (item
    # 9, in a later chunk read while item 3's chunk is being extracted): item 3 is raised.
    items = texts[:3] + ["   "] + texts[4:9] + [42] + texts[10:]
    with pytest.raises(tally.TallyError, match="item 3") as info:
        tally.extract_many(items, threads=1, chunk_size=4)
    assert info.value.code == "I003"
    with pytest.raises(TypeError, match="item 9"):
        tally.extract_many(texts[:9] + [42] + texts[10:], threads=1, chunk_size=4)
    with pytest.raises(tally.TallyError, match="item 11"):
        tally.extract_many(texts[:11] + [""], threads=2, chunk_size=4)


def test_extract_many_releases_the_gil():
    """A Python thread keeps running while extract_many works: the GIL is released."""
    texts = [STORY * 20] * 64
    ticks = 0
    done = threading.Event()

    def tick():
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0)

    thread = threading.Thread(target=tick)
    thread.start()
    started = time.perf_counter()
    try:
        tally.extract_many(texts, threads=1, chunk_size=64)
    finally:
        elapsed = time.perf_counter() - started
        done.set()
        thread.join()
    # Holding the GIL for the whole call would starve the ticker (it could only run at the
    # call's boundaries, a tick or two); released, it spins thousands of times on an idle
    # machine, and hundreds on a loaded one, where each sleep(0) gives up the core.
    assert elapsed > 0.01
    assert ticks > 20, (ticks, elapsed)


def test_errors_carry_codes():
    with pytest.raises(tally.TallyError) as info:
        tally.extract("   \n\n  ")
    assert info.value.code == "I003"
    with pytest.raises(tally.TallyError) as info:
        tally.extract("Text.", published="not a date")
    assert "published" in str(info.value)
    with pytest.raises(tally.TallyError):
        tally.Pipeline(conventions="no-such-convention-file.tsv")


def test_read_jsonl_errors_raise_skip_or_include(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text(
        '{"url": "https://a.example/1", "published": "1987-02-26", "text": "Officials said 300 people died."}\n'
        "{broken json\n"
        '{"url": "https://a.example/2", "text": "Police said 12 people were detained."}\n'
    )
    with pytest.raises(tally.TallyError) as info:
        list(tally.read(path))
    assert info.value.code == "I005" and "line 2" in str(info.value)
    docs = list(tally.read(path, errors="skip"))
    assert [d["url"] for d in docs] == ["https://a.example/1", "https://a.example/2"]
    items = list(tally.read(str(path), errors="include"))
    assert items[1]["error"]["record"] == "line 2" and items[1]["error"]["code"] == "I005"
    raw = list(tally.read(path, extract=False, errors="skip"))
    assert raw[0]["figures"] == [] and raw[0]["layers"] == ["paragraphs"]


def test_read_walks_directories_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second story: 20 people were hurt.")
    (tmp_path / "a.txt").write_text("First story: 10 people were hurt.")
    docs = list(tally.read(tmp_path))
    assert [d["origin"]["path"].rsplit("/", 1)[-1] for d in docs] == ["a.txt", "2.txt"]
    with pytest.raises(tally.TallyError) as info:
        list(tally.read(tmp_path / "missing.txt"))
    assert info.value.code == "I001"
    assert str(info.value) == f"{tmp_path / 'missing.txt'}: no such file"


def test_pipeline_options_and_names():
    pipeline = tally.Pipeline(conventions="acled")
    assert pipeline.names[0] == "segment" and pipeline.names[-1] == "claims"
    doc = pipeline.extract("Officials said dozens of people were killed.")
    figure = doc["figures"][0]
    assert figure["convention"] == "acled" and figure["best"] == 12.0
