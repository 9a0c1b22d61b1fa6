"""What the HTML, Word and PDF readers share: text clean-up, metadata clean-up, the heading-inference decision
and the translation of third-party parser failures into :class:`~briefgen.errors.InputError`."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence

from briefgen.errors import BriefgenError, InputError
from briefgen.ingest.blocks import Block, BlockKind
from briefgen.ingest.decode import normalise_text

# metadata values that tools write by default and that say nothing about the text
_PLACEHOLDERS = frozenset(
    {
        "",
        "untitled",
        "(anonymous)",
        "anonymous",
        "unknown",
        "(unspecified)",
        "unspecified",
        "python-docx",
        "microsoft office user",
        "windows user",
        "user",
        "administrator",
        "admin",
        "author",
        "none",
        "null",
    }
)
_WORD_EXPORT_TITLE = re.compile(r"^(?:Microsoft (?:Word|PowerPoint) - )?(.*?)(?:\.(?:docx?|rtf|odt|pptx?))?$", re.I)
_MAX_META_CHARS = 300


def clean_text(text: str) -> str:
    """One paragraph of normalised text: NFC, odd spaces and control characters gone, runs of white space (line
    breaks included) collapsed to single spaces (``str.split`` and the regular expression ``\\s`` agree on what
    white space is)."""
    return " ".join(normalise_text(text).split())


def clean_meta(value: object) -> str | None:
    """A metadata value worth keeping, or None for blanks and tool placeholders (``untitled``, ``python-docx``)."""
    if not isinstance(value, str):
        return None
    text = clean_text(value)
    if text.lower() in _PLACEHOLDERS or len(text) > _MAX_META_CHARS:
        return None
    return text


def clean_title(value: object) -> str | None:
    """A document title from file properties: placeholders dropped, "Microsoft Word - report.docx" -> "report"."""
    text = clean_meta(value)
    if text is None:
        return None
    match = _WORD_EXPORT_TITLE.match(text)
    stripped = match.group(1).strip() if match else text
    return clean_meta(stripped)


def should_infer_headings(blocks: Sequence[Block]) -> bool:
    """Whether the shared pipeline should guess headings: yes unless the markup marked section headings.

    A heading before the first paragraph is the title and does not count: a page with an ``<h1>`` title and
    bold-paragraph "headings" still needs guessing.
    """
    seen_text = False
    for block in blocks:
        if block.kind is BlockKind.HEADING and block.explicit and seen_text:
            return False
        if block.kind is not BlockKind.HEADING:
            seen_text = True
    return True


def left_out(count: int, singular: str, plural: str) -> str | None:
    """A warning saying what a reader deliberately left out ("left out 2 tables"), or None for nothing."""
    if count <= 0:
        return None
    return f"left out {count} {singular if count == 1 else plural}"


@contextlib.contextmanager
def translate_errors(path: str, problem: str) -> Iterator[None]:
    """Turn any failure of a third-party parser into an :class:`InputError` naming *path*: *problem* in plain
    words ("the PDF is damaged or incomplete") followed by the library's message in brackets.

    Our own errors pass through; MemoryError and RecursionError (hostile nesting) become a plain message too.
    """
    try:
        yield
    except BriefgenError:
        raise
    except (MemoryError, RecursionError):
        raise InputError(f"{problem} (too large or too deeply nested to process)", path) from None
    except Exception as exc:
        raise InputError(f"{problem} ({summarise_exception(exc)})", path) from None


def summarise_exception(exc: BaseException) -> str:
    """A library's error message in one short line."""
    message = clean_text(str(exc)) or type(exc).__name__
    if len(message) > 160:
        message = message[:157] + "…"
    return message
