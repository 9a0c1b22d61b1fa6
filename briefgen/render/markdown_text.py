"""Escaping source text for Markdown so it shows literally: no accidental emphasis, HTML, links or math."""

from __future__ import annotations

import re

from briefgen.render.common import clean, split_urls

_SPACE = re.compile(r"[ \t\r\n\f\v\u2028\u2029]+")
_INLINE = re.compile(r"([\\`*_\[\]<$|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.MULTILINE)


def md_escape(text: str) -> str:
    """*text* escaped so CommonMark/GFM shows exactly these characters."""
    text = _SPACE.sub(" ", clean(text))  # one line: no accidental headings, lists or code blocks
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    return _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)


def _escape_marker(marker: str) -> str:
    if marker[0].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def md_with_links(text: str) -> str:
    """Escaped *text* whose http/https/mailto URLs become autolinks."""
    out: list[str] = []
    for run, url in split_urls(clean(text)):
        if url is None:
            out.append(md_escape(run))
        else:
            out.append(f"<{url.replace('<', '%3C').replace('>', '%3E')}>")
    return "".join(out)
