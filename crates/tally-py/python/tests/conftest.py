"""Shared fixtures: the repository's sample articles and the `tally` binary to compare with."""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def samples(root: Path) -> list:
    paths = sorted(
        p
        for p in (root / "samples").rglob("*")
        if p.is_file() and p.suffix in (".md", ".txt") and p.name != "NOTICE.md"
    )
    assert len(paths) >= 8, paths
    return paths


@pytest.fixture(scope="session")
def tally_bin(root: Path) -> str:
    """The `tally` CLI: $TALLY_BIN, else target/debug/tally, else on PATH. Under CI a
    missing binary fails the tests that need it instead of skipping them silently."""
    for candidate in (
        os.environ.get("TALLY_BIN"),
        str(root / "target" / "debug" / "tally"),
        shutil.which("tally"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    if os.environ.get("CI"):
        pytest.fail("the tally binary is missing: run `cargo build -p tally-cli` first")
    pytest.skip("the tally binary is not built (cargo build -p tally-cli)")
