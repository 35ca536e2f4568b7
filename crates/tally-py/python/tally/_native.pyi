"""Type stubs of the Rust extension module `tally._native`. The documented API is the
`tally` package (`__init__.py`), which wraps these."""

from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

__version__: str

class TallyError(Exception):
    """An input, extraction or store error."""

    code: str
    """The stable diagnostic code (`I005`, `E001`, `S004`, ...)."""

class Pipeline:
    def __init__(
        self, *, gazetteer: Optional[str] = None, conventions: Optional[str] = None
    ) -> None: ...
    @property
    def names(self) -> List[str]: ...
    def extract(
        self,
        text: str,
        *,
        published: Optional[str] = None,
        url: Optional[str] = None,
        title: Optional[str] = None,
        format: Optional[str] = None,
        name: Optional[str] = None,
    ) -> Dict[str, Any]: ...
    def extract_many(
        self,
        items: Any,
        *,
        threads: Optional[int] = None,
        published: Optional[str] = None,
        url: Optional[str] = None,
        format: Optional[str] = None,
        chunk_size: int = 512,
        output: str = "dict",
    ) -> List[Any]: ...
    def read(
        self,
        paths: Sequence[str],
        *,
        extract: bool = True,
        published: Optional[str] = None,
        url: Optional[str] = None,
        format: Optional[str] = None,
        max_document_bytes: Optional[int] = None,
        errors: str = "raise",
    ) -> DocumentIter: ...
    def export_rows(
        self,
        sources: Sequence[Tuple[str, Optional[bytes]]],
        *,
        published: Optional[str] = None,
        url: Optional[str] = None,
        format: Optional[str] = None,
        max_document_bytes: Optional[int] = None,
    ) -> RowIter: ...

class DocumentIter(Iterator[Dict[str, Any]]):
    def __iter__(self) -> DocumentIter: ...
    def __next__(self) -> Dict[str, Any]: ...

#: ("document", document_row, claim_instances, figure_rows, bands, signature)
#: or ("error", path, record, code, message)
RowItem = Tuple[Any, ...]

class RowIter(Iterator[RowItem]):
    def __iter__(self) -> RowIter: ...
    def __next__(self) -> RowItem: ...

class Store:
    def __init__(self, path: str, *, create: bool = False) -> None: ...
    @property
    def path(self) -> str: ...
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
    ) -> Dict[str, Any]: ...
    def claim(self, key: str) -> Optional[Dict[str, Any]]: ...
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
        limit: int = 10000,
    ) -> Dict[str, Any]: ...
    def search(self, query: str, *, scope: str = "both", limit: int = 20) -> List[Dict[str, Any]]: ...
    def sources(
        self, *, min_size: int = 2, limit: int = 20, members: int = 10
    ) -> List[Dict[str, Any]]: ...
    def export(self, table: str) -> List[Dict[str, Any]]: ...
    def add_json(self, documents: List[str]) -> Dict[str, int]: ...
    def counts(self) -> Dict[str, int]: ...

def columns(table: str) -> List[Tuple[str, str]]: ...
def similarity(a: bytes, b: bytes) -> Optional[float]: ...
def cluster_similarity() -> float: ...
