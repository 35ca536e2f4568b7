#!/usr/bin/env python3
"""Where an ingest's disk writes go: WAL frames by table and index, and checkpoints.

    bench/ingest/wal_pages.py TALLY_BIN CORPUS [INGEST_ARGS...]

Creates a scratch database, holds a read transaction on it while `TALLY_BIN ingest CORPUS`
runs (so no checkpoint can reset the WAL and every frame the ingest writes stays in it),
then maps each frame's page to the table or index owning that page at the end (`dbstat`)
and prints frames per table against the table's final pages: a table whose pages are
written once has about 1 frame per page, a random-key index that every commit touches
nearly everywhere has about as many as there were commits. It also replays the frames
under several `wal_autocheckpoint` thresholds: bytes written = WAL frames + the distinct
pages each checkpoint copies back (the last one at close). Not part of the tests.

The WAL holds every frame until the end: about 1.8x the final database (580 MB for the
80 MB generated corpus), deleted afterwards. Pages freed and reused during the run are
counted for their final owner.
"""
import collections
import os
import sqlite3
import struct
import subprocess
import sys
import tempfile


def frames(wal, page_size):
    """(page number, commit?) of each frame."""
    out = []
    with open(wal, "rb") as f:
        f.seek(32)
        while True:
            header = f.read(24)
            if len(header) < 24:
                return out
            page, commit = struct.unpack(">II", header[:8])
            f.seek(page_size, 1)
            out.append((page, commit != 0))


def by_table(conn, wal_frames):
    owner = dict(conn.execute("SELECT pageno, name FROM dbstat"))
    pages = collections.Counter(name for name in owner.values())
    written = collections.Counter(owner.get(page, "(freed)") for page, _ in wal_frames)
    total = len(wal_frames)
    print(f"{total} frames, {sum(c for _, c in wal_frames)} commits, {len(owner)} pages now")
    for name, n in written.most_common(30):
        print(f"{name:34s} {n:8d} frames {n / total:6.1%}  {pages[name]:7d} pages  "
              f"{n / max(pages[name], 1):5.1f} frames/page")


def checkpoints(wal_frames, page_size):
    for threshold in [1000, 4096, 16384, 32768, 65536]:
        window, since, copied = set(), 0, 0
        for page, commit in wal_frames:
            window.add(page)
            since += 1
            if commit and since >= threshold:
                copied, window, since = copied + len(window), set(), 0
        copied += len(window)
        wal_mb = len(wal_frames) * page_size / 1e6
        print(f"wal_autocheckpoint {threshold:6d}: WAL {wal_mb:8.1f} MB + checkpoints "
              f"{copied * page_size / 1e6:8.1f} MB = {wal_mb + copied * page_size / 1e6:8.1f} MB")


def main():
    tally, corpus, *extra = sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "w.db")
        empty = os.path.join(tmp, "empty.jsonl")
        open(empty, "w").close()
        subprocess.run([tally, "ingest", empty, "--db", db, "--quiet"], check=True)
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN")
        holder.execute("SELECT count(*) FROM sqlite_master").fetchone()
        subprocess.run([tally, "ingest", corpus, "--db", db, *extra], check=True)
        conn = sqlite3.connect(db)
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        wal_frames = frames(db + "-wal", page_size)
        by_table(conn, wal_frames)
        checkpoints(wal_frames, page_size)
        conn.close()
        holder.execute("COMMIT")
        holder.close()


if __name__ == "__main__":
    main()
