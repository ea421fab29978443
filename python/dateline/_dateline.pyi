"""Type stubs of the extension module (re-exported by ``dateline``)."""

import datetime
import os
from typing import Any, Dict, List, Optional, Union

DateLike = Union[str, datetime.date]
Record = Dict[str, Any]

__version__: str

class Error(Exception):
    """An error of dateline itself (a model that cannot be read, an input it cannot take)."""

def tag(text: str, dct: DateLike) -> List[Record]:
    """The temporal expressions of ``text``, resolved against ``dct``.

    Each: ``start``, ``end`` (character offsets), ``text``, ``type``
    (DATE, TIME, DURATION, SET), ``value`` (TIMEX3) and ``mod``.
    Raises ``ValueError`` for a ``dct`` that is not a date.
    """

def entities(text: str, dct: Optional[DateLike] = None) -> List[Record]:
    """The places (resolved to GeoNames), people and organisations of ``text``."""

def timeline(text: str, dct: DateLike) -> List[Record]:
    """The timeline of ``text`` published on ``dct``: one record per dated event.

    Each: ``date``, ``start``, ``end``, ``status`` (occurred, ongoing,
    scheduled, expected, missed, deadline), ``event``, ``text``, ``places``,
    ``actors``, ``date_source`` (explicit or inferred) and the expression.
    """

class Pipeline:
    """A pipeline built once and used for many texts."""

    def __init__(
        self, *, syntax: bool = False, inferred: bool = False, document_type: Optional[str] = None
    ) -> None:
        """``syntax``: anchor by the dependency tree (slower); ``inferred``: also
        the events with no date of their own; ``document_type``: "news",
        "narrative", or None to decide for each text."""
    def tag(self, text: str, dct: DateLike) -> List[Record]: ...
    def entities(self, text: str, dct: DateLike) -> List[Record]: ...
    def timeline(self, text: str, dct: DateLike) -> List[Record]: ...
    def analyse_batch(self, texts: List[str], dcts: List[DateLike]) -> List[Record]:
        """Analyses many texts on every core, without the GIL.

        One record per text, in order: ``id``, ``dct``, ``type``, ``timexes``,
        ``entities`` and ``entries``.
        """

class Store:
    """The SQLite store ``dateline ingest`` writes and ``dateline serve`` reads."""

    def __init__(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Opens the store at ``path``, creating it when there is none."""
    def ingest(self, records: List[Record]) -> Record:
        """Analyses and stores articles (dicts with ``text`` and ``date``; ``id``,
        ``title``, ``url``, ``source`` optional), then merges the events.

        Returns ``added``, ``already``, ``events``, ``entries``, ``conflicts``, ``links``.
        Raises ``ValueError`` naming the first bad record.
        """
    def events(
        self,
        *,
        entity: Optional[str] = None,
        place: Optional[str] = None,
        from_: Optional[DateLike] = None,
        to: Optional[DateLike] = None,
        status: Optional[str] = None,
        q: Optional[str] = None,
        inferred: bool = False,
        limit: Optional[int] = None,
    ) -> List[Record]:
        """The merged events, filtered as ``dateline timeline --db`` filters them."""
    def to_pandas(self) -> Any:
        """Every merged event as a pandas DataFrame (needs pandas)."""
    def __len__(self) -> int: ...
