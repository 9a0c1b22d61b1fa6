"""A page's content stream split into operations with one regular expression, for pypdf's text extraction.

pypdf parses a content stream a byte at a time in Python, which is about 40 % of the time its text extraction
takes. :func:`fast_operations` gives the same list of ``(operands, operator)`` pairs, with the same pypdf object
types and values, for the forms that ordinary text pages use: numbers, names, literal and hexadecimal strings,
flat arrays and operators. Anything else (dictionaries, inline images, comments, procedures, nested arrays,
``#`` escapes in names, unusual escapes in strings, a token pypdf would refuse or treat specially) makes it give
``None``, and pypdf then parses the stream itself as always. pypdf's own limits are kept: the stream is decoded
by pypdf (with its caps on decompressed size), and a stream with more tokens than pypdf's parsing budget, or an
array with more elements than it allows, is also left to pypdf (which then refuses it as before).

:func:`prepared_contents` puts the parsed operations on a page for the duration of one extraction.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

_TOKEN = re.compile(
    rb"""
      [\x00\t\n\f\r ]+                                  # white space (what pypdf skips between tokens)
    | (?P<num>[+,\-.0-9]+)                              # pypdf reads a run of these characters as one number
    | (?P<name>/[^\s()<>\[\]{}/%\#\x80-\xff]*)          # a name without '#' escapes or non-ASCII bytes
    | \((?P<str>[^()\\]*)\)                             # a literal string without escapes or parentheses
    | (?P<lstr>\()                                      # any other literal string
    | <(?P<hex>[0-9A-Fa-f\x00\t\n\f\r ]*)>              # a hexadecimal string
    | (?P<open>\[)
    | (?P<close>\])
    | (?P<op>[A-Za-z'"][^\s()<>\[\]{}/%]*)              # an operator: what pypdf reads up to a delimiter
    """,
    re.VERBOSE,
)
_is_number = re.compile(rb"[+\-]?(?:\d+\.?\d*|\.\d+)").fullmatch
_STRING_PART = re.compile(rb"[^()\\]+|[()]|\\(?:[0-7]{1,3}|[\r\n][\r\n]?|.)", re.DOTALL)
_ESCAPES = {c: c for c in b"()/\\ %<>[]#_&$"} | {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
_HEX_SPACE = b"\x00\t\n\f\r "
_OPERATOR_LIMIT = 128
_NAME_LIMIT = 4096
_DEFAULT_TOKEN_BUDGET = 2_000_000
_DEFAULT_ARRAY_LIMIT = 100_000


class _UnsupportedError(Exception):
    """The stream holds something left to pypdf's own parser."""


def fast_operations(data: bytes) -> list[tuple[list[Any], bytes]] | None:
    """The operations pypdf's ``ContentStream`` would parse from *data* (decoded), or None when *data* holds
    something this parser leaves to pypdf."""
    try:
        return _parse(data)
    except _UnsupportedError:
        return None


@contextlib.contextmanager
def prepared_contents(page: Any) -> Iterator[None]:
    """Within the block, *page*'s ``/Contents`` is a pypdf ``ContentStream`` whose operations are already
    parsed (when :func:`fast_operations` can parse them); afterwards the page holds what it held before, so the
    parsed operations are not kept for the life of the document."""
    from pypdf.generic import ContentStream, NameObject

    key = NameObject("/Contents")
    original = dict.get(page, key)  # as stored (an indirect reference, usually), not resolved
    prepared = None
    if original is not None:
        try:
            stream = ContentStream(page[key], page.pdf, "bytes")
            operations = fast_operations(stream.get_data())
        except Exception:  # pypdf meets the same problem in its own path and reports it there
            operations = None
        if operations is not None:
            stream.operations = operations
            prepared = stream
    if prepared is None:
        yield
        return
    page[key] = prepared
    try:
        yield
    finally:
        page[key] = original


def _limits() -> tuple[int, int]:
    try:
        from pypdf import get_configuration

        configuration = get_configuration()
        return configuration.stream_parsing_work_maximum_count, configuration.array_maximum_element_count
    except (ImportError, AttributeError):
        return _DEFAULT_TOKEN_BUDGET, _DEFAULT_ARRAY_LIMIT


def _parse(data: bytes) -> list[tuple[list[Any], bytes]]:
    from pypdf.generic import ArrayObject, ByteStringObject, FloatObject, NameObject, NumberObject

    budget, array_limit = _limits()
    operations: list[tuple[list[Any], bytes]] = []
    operands: list[Any] = []
    array: list[Any] | None = None
    tokens = 0
    pos, end = 0, len(data)
    match = _TOKEN.match
    while pos < end:
        m = match(data, pos)
        if m is None:
            raise _UnsupportedError
        pos = m.end()
        kind = m.lastgroup
        if kind is None:  # white space
            continue
        tokens += 1
        if tokens > budget:
            raise _UnsupportedError
        value: Any
        if kind == "op":
            operator = m.group("op")
            if array is not None or len(operator) > _OPERATOR_LIMIT or operator == b"BI" or _may_be_reference(operator):
                raise _UnsupportedError
            operations.append((operands, operator))
            operands = []
            continue
        if kind == "num":
            token = m.group("num")
            if len(token) > 20 or not _is_number(token):
                raise _UnsupportedError
            value = FloatObject(token) if b"." in token else NumberObject(token)
        elif kind == "name":
            token = m.group("name")
            if len(token) > _NAME_LIMIT:
                raise _UnsupportedError
            value = NameObject(token.decode("ascii"))
        elif kind == "str":
            value = ByteStringObject(m.group("str"))
        elif kind == "lstr":
            raw, pos = _literal_string(data, pos)
            value = ByteStringObject(raw)
        elif kind == "hex":
            digits = m.group("hex").translate(None, _HEX_SPACE)
            value = ByteStringObject(bytes.fromhex(((digits + b"0") if len(digits) % 2 else digits).decode("ascii")))
        elif kind == "open":
            if array is not None:
                raise _UnsupportedError
            array = []
            continue
        else:  # close
            if array is None:
                raise _UnsupportedError
            operands.append(ArrayObject(array))
            array = None
            continue
        if array is not None:
            array.append(value)
            if len(array) > array_limit:
                raise _UnsupportedError
        else:
            operands.append(value)
    if array is not None:
        raise _UnsupportedError
    return operations


def _may_be_reference(operator: bytes) -> bool:
    """An ``R`` that pypdf could take for the end of an indirect reference (``1 0 R``) after two numbers."""
    return operator[:1] == b"R" and not operator[1:2].isalpha()


def _literal_string(data: bytes, pos: int) -> tuple[bytes, int]:
    """The bytes of the literal string whose opening parenthesis ends at *pos*, as pypdf reads them, and where
    the string ends."""
    out = bytearray()
    depth = 1
    for part in _STRING_PART.finditer(data, pos):
        text = part.group()
        if text == b"(":
            depth += 1
        elif text == b")":
            depth -= 1
            if depth == 0:
                return bytes(out), part.end()
        elif text[:1] != b"\\":
            out += text
            continue
        else:
            out += _escape(text)
            continue
        out += text
    raise _UnsupportedError  # not closed: pypdf reports the truncated stream


def _escape(text: bytes) -> bytes:
    code = text[1:]
    if b"0" <= code[:1] <= b"7":
        value = int(code, 8)
        if value > 255:
            raise _UnsupportedError  # pypdf keeps the backslash and reads the digits again
        return bytes((value,))
    if code[:1] in (b"\r", b"\n"):
        return b""  # an escaped line break (with its second character, if any) is left out
    if code[0] in _ESCAPES:
        return bytes((_ESCAPES[code[0]],))
    raise _UnsupportedError  # pypdf warns and keeps the backslash
