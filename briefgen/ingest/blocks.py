"""What every format reader produces: a flat list of text blocks plus document-level metadata.

Readers know their format (markup, styles, page layout); everything after them is shared: boilerplate and
metadata-line removal, article splitting, heading inference, sentence splitting (see :mod:`.pipeline`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import StrEnum

from briefgen.model import Metadata
from briefgen.progress import CancelToken, check

_READING_CANCEL: ContextVar[CancelToken | None] = ContextVar("briefgen_reading_cancel", default=None)


@contextlib.contextmanager
def cancellable_reading(cancel: CancelToken | None) -> Iterator[None]:
    """Within the block, readers' long loops stop with :class:`~briefgen.errors.Cancelled` once *cancel* is set
    (readers keep the ``reader(data, path)`` signature; the token travels with the context)."""
    token = _READING_CANCEL.set(cancel)
    try:
        yield
    finally:
        _READING_CANCEL.reset(token)


def check_reading_cancelled() -> None:
    """For readers, between units of work (pages, paragraphs): raise if the reading was cancelled."""
    check(_READING_CANCEL.get())


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    QUOTE = "quote"
    RULE = "rule"
    """A separator line (``* * *``, ``----``, a page break): a possible boundary between articles."""


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    """Normalised text: one paragraph, no line breaks, no bullet marker, no markup."""
    level: int = 0
    """Heading level (1 = document title level) when the format says so; 0 when unknown."""
    explicit: bool = False
    """True when the kind comes from markup or styles (Markdown ``#``, HTML ``<h2>``, a Word heading style),
    False when a plain-text reader only guessed it. Explicit headings are never second-guessed."""


@dataclass(frozen=True, slots=True)
class RawDocument:
    format: str
    """``text``, ``markdown``, ``html``, ``docx``, ``pdf``."""
    blocks: tuple[Block, ...]
    metadata: Metadata = field(default_factory=Metadata)
    """What the file itself says (HTML meta tags, DOCX core properties, PDF info); lines in the text can add to it."""
    infer_headings: bool = True
    """Whether the shared pipeline should look for headings among paragraphs (plain text: yes; a Word file whose
    headings are styled: no)."""
    warnings: tuple[str, ...] = ()
