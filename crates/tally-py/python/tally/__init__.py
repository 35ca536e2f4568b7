"""tally: a sourced, queryable ledger of claims from news articles.

Who said what, how they were sourced, which figures (as ranges), about what and where,
and when; every figure and claim points back to the exact bytes of its sentence. This
package is the Rust engine behind the ``tally`` command line, for notebooks and Spark.

>>> import tally
>>> doc = tally.extract(
...     "A senior official said several hundred soldiers were killed on Tuesday.",
...     published="2024-12-18",
...     url="https://example.com/story",
... )
>>> doc["figures"][0]["raw"], doc["figures"][0]["low"], doc["figures"][0]["high"]
('several hundred', 300.0, 900.0)

Documents are plain dicts and lists with exactly the JSON schema ``tally extract``
prints (``docs/schema.md`` in the repository describes it field by field): ``id``,
``url``, ``title``, ``publisher``, ``body``, ``paragraphs``, ``sentences``, ``figures``,
``times``, ``entities``, ``speakers``, ``attributions``, ``claims``, ``diagnostics``...
Spans are ``{"start", "end", "text"}`` with UTF-8 *byte* offsets into ``body``.

- :func:`extract` one article; :func:`extract_many` a batch, in parallel, with the GIL
  released; :func:`read` files of any input format (Markdown, text, HTML, JSONL, WARC,
  RSS/Atom, gzip), streamed.
- :class:`Pipeline` holds one configured extractor (a user gazetteer, a figures
  convention); the module functions use a default one built on first use.
- :class:`Store` queries a database made by ``tally ingest`` (claims, timeline, search,
  syndication clusters, export tables) as lists of dicts, or as pandas DataFrames and
  Arrow tables when those packages are installed.

Errors are :class:`TallyError` with a stable ``code`` (``I005`` a bad record, ``E001`` an
extraction failure, ``S004`` a bad query argument; see ``docs/diagnostics.md``).
"""

from __future__ import annotations

import json
import os
import threading
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union

from . import _native
from ._native import TallyError, __version__, columns

__all__ = [
    "Document",
    "Pipeline",
    "Store",
    "TallyError",
    "__version__",
    "columns",
    "extract",
    "extract_many",
    "read",
    "to_arrow",
    "to_pandas",
]

#: A document as ``tally extract`` prints it: a dict of plain JSON values.
Document = Dict[str, Any]
#: What :func:`extract_many` takes per article: the text, or a dict with ``text`` or
#: ``html`` and optional ``url``, ``title``, ``published``, ``format``, ``name``.
Item = Union[str, Dict[str, Any]]
PathLike = Union[str, "os.PathLike[str]"]


class Pipeline:
    """The extraction pipeline: segmenter, figures, times, entities, attribution, claims.

    Building one loads its lexicons and automata (tens of milliseconds); keep it and reuse
    it. It is safe to share between threads.

    :param gazetteer: a TSV, CSV or JSON gazetteer merged over the bundled one (as
        ``tally extract --gazetteer``).
    :param conventions: how vague amounts become numbers: ``"default"``, ``"acled"`` or a
        conventions file (as ``--conventions``).
    :raises TallyError: when a gazetteer or conventions file cannot be loaded.
    """

    def __init__(
        self, *, gazetteer: Optional[PathLike] = None, conventions: Optional[str] = None
    ) -> None:
        self._native = _native.Pipeline(
            gazetteer=None if gazetteer is None else str(gazetteer), conventions=conventions
        )

    @property
    def names(self) -> List[str]:
        """The extractors, in the order they run."""
        return list(self._native.names)

    def extract(
        self,
        text: str,
        *,
        published: Optional[str] = None,
        url: Optional[str] = None,
        title: Optional[str] = None,
        format: Optional[str] = None,
        name: Optional[str] = None,
    ) -> Document:
        """Extracts one article.

        :param text: the article: Markdown (a ``# `` title, ``By`` line and date line are
            read as metadata), plain text, or HTML with ``format="html"``.
        :param published: publication date or date-time (``YYYY-MM-DD`` or RFC 3339);
            relative dates ("Tuesday", "next month") are resolved against it.
        :param url: the article's address (names the publisher, and is part of its id).
        :param title: a headline, used when the text has none.
        :param format: ``markdown``, ``text`` or ``html``; detected when absent.
        :param name: a name for messages and ``origin.path`` (``<string>`` by default).
        :raises TallyError: ``I003`` when no body text remains; ``E001`` when an
            extractor fails.
        """
        return self._native.extract(
            text, published=published, url=url, title=title, format=format, name=name
        )

    def extract_many(
        self,
        items: Iterable[Item],
        *,
        threads: Optional[int] = None,
        published: Optional[str] = None,
        url: Optional[str] = None,
        format: Optional[str] = None,
        chunk_size: int = 512,
        output: str = "dict",
    ) -> List[Any]:
        """Extracts many articles in parallel, results in input order.

        The iterable is consumed ``chunk_size`` items at a time; each chunk is extracted
        on ``threads`` threads (default: one per core) with the GIL released, so other
        Python threads keep running, while the previous chunk's documents are turned into
        Python objects.

        :param items: strings, or dicts with ``text`` (or ``html``) and optional ``url``,
            ``title``, ``published``, ``format``, ``name``, which override the keyword
            defaults below for that item.
        :param output: ``"dict"`` (default): each document as plain dicts and lists;
            ``"json"``: each document as its JSON text (a ``str``, the line ``tally
            extract --format jsonl`` prints), written on the worker threads. Use
            ``"json"`` to write documents out or hand them to another process: it skips
            building millions of Python objects, the one part of the work that holds the
            GIL.
        :raises TallyError: for the first article that fails (no body text, say).
        :raises TypeError: for an item that is neither a str nor a dict.
        :raises ValueError: for an unknown ``output``.
        """
        return self._native.extract_many(
            items,
            threads=threads,
            published=published,
            url=url,
            format=format,
            chunk_size=chunk_size,
            output=output,
        )

    def read(
        self,
        paths: Union[PathLike, Sequence[PathLike]],
        *,
        extract: bool = True,
        published: Optional[str] = None,
        url: Optional[str] = None,
        format: Optional[str] = None,
        max_document_bytes: Optional[int] = None,
        errors: str = "raise",
    ) -> Iterator[Document]:
        """Reads files and directories (walked recursively, in sorted order), one
        document at a time, as ``tally extract`` does.

        Reading and extraction run on a background thread, a few documents ahead, so a
        multi-gigabyte WARC file needs memory for a few documents only.

        :param extract: ``False`` returns documents as read, without annotation layers.
        :param format: force an input format (``markdown``, ``text``, ``html``,
            ``jsonl``, ``warc``, ``feed``); detected per file when absent.
        :param errors: what a bad file or record does: ``"raise"`` a
            :class:`TallyError`, ``"skip"`` it, or ``"include"`` it as
            ``{"error": {"path", "record", "code", "message"}}``.
        """
        if isinstance(paths, (str, bytes)) or not isinstance(paths, Sequence):
            paths = [paths]  # type: ignore[list-item]
        return self._native.read(
            [str(p) for p in paths],
            extract=extract,
            published=published,
            url=url,
            format=format,
            max_document_bytes=max_document_bytes,
            errors=errors,
        )


_default_pipeline: Optional[Pipeline] = None
_default_lock = threading.Lock()


def _default() -> Pipeline:
    global _default_pipeline
    with _default_lock:
        if _default_pipeline is None:
            _default_pipeline = Pipeline()
        return _default_pipeline


def extract(
    text: str,
    *,
    published: Optional[str] = None,
    url: Optional[str] = None,
    title: Optional[str] = None,
    format: Optional[str] = None,
    name: Optional[str] = None,
) -> Document:
    """Extracts one article with the default pipeline; see :meth:`Pipeline.extract`."""
    return _default().extract(
        text, published=published, url=url, title=title, format=format, name=name
    )


def extract_many(
    items: Iterable[Item],
    *,
    threads: Optional[int] = None,
    published: Optional[str] = None,
    url: Optional[str] = None,
    format: Optional[str] = None,
    chunk_size: int = 512,
    output: str = "dict",
) -> List[Any]:
    """Extracts many articles in parallel with the GIL released; see
    :meth:`Pipeline.extract_many`."""
    return _default().extract_many(
        items,
        threads=threads,
        published=published,
        url=url,
        format=format,
        chunk_size=chunk_size,
        output=output,
    )


def read(
    paths: Union[PathLike, Sequence[PathLike]],
    *,
    extract: bool = True,
    published: Optional[str] = None,
    url: Optional[str] = None,
    format: Optional[str] = None,
    max_document_bytes: Optional[int] = None,
    errors: str = "raise",
) -> Iterator[Document]:
    """Reads files with the default pipeline; see :meth:`Pipeline.read`."""
    return _default().read(
        paths,
        extract=extract,
        published=published,
        url=url,
        format=format,
        max_document_bytes=max_document_bytes,
        errors=errors,
    )


def to_pandas(records: Sequence[Dict[str, Any]]) -> Any:
    """A pandas DataFrame of ``records`` (nested dicts stay objects in their cells).

    :raises ImportError: when pandas is not installed (``pip install pandas``).
    """
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("output='pandas' needs pandas: pip install pandas") from e
    return pandas.DataFrame.from_records(list(records))


def to_arrow(records: Sequence[Dict[str, Any]]) -> Any:
    """A pyarrow Table of ``records`` (nested dicts become structs, lists lists).

    :raises ImportError: when pyarrow is not installed (``pip install pyarrow``).
    """
    try:
        import pyarrow
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("output='arrow' needs pyarrow: pip install pyarrow") from e
    return pyarrow.Table.from_pylist(list(records))


def _output(records: List[Dict[str, Any]], output: str) -> Any:
    if output == "records":
        return records
    if output == "pandas":
        return to_pandas(records)
    if output == "arrow":
        return to_arrow(records)
    raise ValueError(f"output must be 'records', 'pandas' or 'arrow', not {output!r}")


class Store:
    """A tally database, as ``tally ingest`` makes it.

    >>> store = tally.Store("news.db")                                  # doctest: +SKIP
    >>> store.timeline("casualties", subject="KP", output="pandas")     # doctest: +SKIP

    :param path: the database file.
    :param create: create (or migrate) it and allow :meth:`add`; otherwise it must exist
        and is opened read-only.
    :raises TallyError: ``S004`` when it does not exist (and ``create`` is false),
        ``S002`` when a newer tally wrote it, ``S001`` for SQLite errors.
    """

    def __init__(self, path: PathLike, *, create: bool = False) -> None:
        self._native = _native.Store(str(path), create=create)

    @property
    def path(self) -> str:
        """The database file."""
        return self._native.path

    def claims(
        self,
        *,
        q: Optional[str] = None,
        speaker: Optional[str] = None,
        entity: Optional[str] = None,
        measure: Optional[str] = None,
        place: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        kind: Optional[str] = None,
        anonymous: Optional[bool] = None,
        document: Optional[str] = None,
        limit: int = 20,
        offset: int = 0,
        output: str = "records",
    ) -> Any:
        """Claims matching every given filter, a page at a time (``limit`` at most 200):
        text matches first, then the newest said-at date. Each claim is a card: ``id``
        (its key across documents), ``kind``, ``content``, ``said_date``, ``claimant``,
        ``figures``, ``document``, ``passages``, ``carriers``.

        :param q: full-text query over claims, their figures' measures and documents.
        :param speaker: words of the claimant's name or descriptor ("official").
        :param entity: an entity id (``KP``) or canonical name the claim is about.
        :param measure: a measure one of its figures counts (``casualties``).
        :param place: a figure's place, or a place the claim mentions.
        :param since: said (else published) on or after this ``YYYY-MM-DD``.
        :param until: said (else published) on or before this ``YYYY-MM-DD``.
        :param kind: ``direct``, ``indirect``, ``mixed`` or ``reporter``.
        :param anonymous: only claims of anonymous (True) or of named (False) speakers;
            either leaves out the reporter's voice and claims whose speaker was not found.
        :param document: only claims carried by this document id.
        :param limit: claims in this page, 1 to 200; ``offset`` skips that many.
        :param output: ``"records"`` (list of dicts), ``"pandas"`` or ``"arrow"``.
        :raises TallyError: ``S004`` for a limit outside 1 to 200, an unknown measure or
            kind, or a malformed date.
        """
        page = self._native.claims(
            q=q,
            speaker=speaker,
            entity=entity,
            measure=measure,
            place=place,
            since=since,
            until=until,
            kind=kind,
            anonymous=anonymous,
            document=document,
            limit=limit,
            offset=offset,
        )
        return _output(page["claims"], output)

    def claim(self, key: str) -> Optional[Dict[str, Any]]:
        """One claim by its key, with every document carrying it; None when unknown."""
        return self._native.claim(key)

    def timeline(
        self,
        measure: str,
        *,
        subject: Optional[str] = None,
        place: Optional[str] = None,
        agent: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        window_days: int = 7,
        limit: int = 10_000,
        output: str = "records",
    ) -> Any:
        """Every estimate of ``measure`` (``casualties``, ``killed``, ``money``, ...) for a
        subject and place, date by date, with contradictions (ranges that do not overlap
        within ``window_days``) and revisions (the same claimant's later figure) flagged.

        With ``output="records"`` returns ``{"measure", "subject", "place",
        "estimates": [...]}``; with ``"pandas"`` or ``"arrow"``, one row per estimate.

        :param subject: an entity id (``KP``) or words of the subject phrase.
        :param place: an entity id or words of the place phrase ("Kursk"); words also
            match a figure without a place whose article's dateline names them.
        :param agent: who did the harm: an entity id (``RU``) or words of the agent phrase
            ("Russia" matches "Russian drones and missiles"); figures without an agent are
            left out, and the result echoes the filter as ``agent``.
        :param window_days: days within which non-overlapping ranges contradict (0 to
            3660).
        :raises TallyError: ``S004`` for an unknown measure, a malformed date or a window
            outside 0 to 3660.
        """
        result = self._native.timeline(
            measure,
            subject=subject,
            place=place,
            agent=agent,
            since=since,
            until=until,
            window_days=window_days,
            limit=limit,
        )
        if output == "records":
            return result
        return _output(result["estimates"], output)

    def search(self, query: str, *, scope: str = "both", limit: int = 20) -> List[Dict[str, Any]]:
        """Full-text search (FTS5 syntax or plain words) over ``documents``, ``claims``
        or ``both``, best first, with ``[bracketed]`` matches in each snippet."""
        return self._native.search(query, scope=scope, limit=limit)

    def sources(
        self, *, min_size: int = 2, limit: int = 20, members: int = 10
    ) -> List[Dict[str, Any]]:
        """Syndication clusters (copies of one story) with at least ``min_size``
        documents, largest first."""
        return self._native.sources(min_size=min_size, limit=limit, members=members)

    def table(self, name: str, *, output: str = "records") -> Any:
        """A whole export table, ``claims``, ``figures`` or ``documents``, with exactly
        the columns of ``tally export`` (see :func:`columns`)."""
        names = [column for column, _ in columns(name)]
        # The JSONL export sorts keys; rows here keep the table's column order.
        rows = [{column: row.get(column) for column in names} for row in self._native.export(name)]
        return _output(rows, output)

    def add(self, documents: Iterable[Union[Document, str]]) -> Dict[str, int]:
        """Stores extracted documents (needs ``create=True``) in one transaction; a
        document already stored is skipped. Documents are dicts, or their JSON text as
        ``extract_many(..., output="json")`` returns it (stored as is, without a round
        trip through dicts). Returns ``{"inserted", "skipped", "claims"}``."""
        return self._native.add_json([d if isinstance(d, str) else json.dumps(d) for d in documents])

    def counts(self) -> Dict[str, int]:
        """Row counts: documents, claims, claim carriers, figures, errors, clusters."""
        return self._native.counts()

    def __repr__(self) -> str:
        return f"tally.Store({self.path!r})"
