"""Making untrusted text safe to show on one terminal line: file names, web addresses, server replies.

:func:`for_display` escapes control characters (``\\n``, ``\\x1b``, ``\\u202e``...) so that a newline in a file
name cannot split a message and a terminal escape sequence or a bidi override never reaches the terminal raw.
:func:`without_url_credentials` removes ``user:password@`` from every web address in a text.
"""

from __future__ import annotations

import re
import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_FORMAT_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi marks, overrides, isolates
    "\u2028\u2029"  # line and paragraph separators
)
_URL_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#\s]*@")


def _escaped(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _needs_escape(ch: str) -> bool:
    return ch in _FORMAT_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp")


def for_display(text: str) -> str:
    """*text* on one line with control, bidi-override and unpaired-surrogate characters written as escapes."""
    if text.isprintable():  # the common case: nothing to do
        return text
    return "".join(_escaped(ch) if _needs_escape(ch) else ch for ch in text)


def without_url_credentials(text: str) -> str:
    """*text* with the ``user:password@`` part removed from every ``scheme://`` address in it."""
    return _URL_USERINFO.sub(r"\1", text)
