"""Web pages -> blocks, through trafilatura's main-content extraction.

trafilatura drops navigation, advertising, related links, comments and footers, and reads the page's metadata
(``og:``/``<meta>`` tags, JSON-LD, ``<link rel=canonical>``). Its XML output keeps the structure we need:
``<head rend="h2">`` headings, ``<p>``, ``<list>/<item>``, ``<quote>``. Tables and code blocks are left out (they
rarely hold sentences worth quoting); the reader says how many it left out in a warning.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring as safe_xml_fromstring

from briefgen.errors import InputError
from briefgen.ingest.blocks import Block, BlockKind, RawDocument, check_reading_cancelled
from briefgen.ingest.decode import decode_bytes
from briefgen.ingest.readers.common import (
    clean_meta,
    clean_text,
    left_out,
    should_infer_headings,
    translate_errors,
)
from briefgen.ingest.safety import refuse_html_dtd_subset
from briefgen.model import Metadata

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_HEADING_REND = re.compile(r"^h([1-6])$")
_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_LEFT_OUT = {"table": "table", "code": "code block"}
_SKIPPED = frozenset({"graphic", "comments", "fw", "note"})
FAST_EXTRACTION_CHARS = 3_000_000
"""Pages longer than this (in characters) are extracted without trafilatura's fallback comparison."""
_SPED_UP = False


def read_html(data: bytes, path: str) -> RawDocument:
    """Read a web page, saved as a file (``.html``, ``.htm``, ``.xhtml``) or fetched from the address *path*
    (the page's canonical address, when it names one, is the URL metadata)."""
    text = decode_html(data, path)
    url = path if path.lower().startswith(("http://", "https://")) else None
    refuse_html_dtd_subset(text, path)
    with translate_errors(path, "cannot read the web page"):
        xml = _extract(text, url)
    check_reading_cancelled()  # trafilatura itself cannot be stopped; what follows can
    if xml is None:
        raise InputError("no article text found in the web page", path)
    with translate_errors(path, "cannot read the web page"):
        root: Element = safe_xml_fromstring(xml)
    blocks, dropped = _blocks(root)
    if not any(b.kind is not BlockKind.HEADING for b in blocks):
        raise InputError("no article text found in the web page", path)
    warnings = tuple(w for what, n in dropped.items() if (w := left_out(n, what, what + "s")))
    return RawDocument(
        format="html",
        blocks=tuple(blocks),
        metadata=_metadata(root, url),
        infer_headings=should_infer_headings(blocks),
        warnings=warnings,
    )


def decode_html(data: bytes, path: str) -> str:
    """Decode a page: BOM, then UTF-8, then the ``<meta charset>`` it declares, then a guess."""
    if not data.strip():
        raise InputError("file is empty", path)
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
    text, _encoding = decode_bytes(data, path)
    return text


def _extract(text: str, url: str | None) -> str | None:
    import trafilatura  # imported here: it takes a while to load
    import trafilatura.settings

    global _SPED_UP
    if not _SPED_UP:
        _speed_up_trafilatura()
        _SPED_UP = True

    options: dict[str, Any] = {
        "url": url,
        "output_format": "xml",
        "with_metadata": True,
        "include_comments": False,
        "include_tables": True,  # so that left-out tables can be counted
        "include_images": False,
        "include_links": False,
        "include_formatting": False,
        "deduplicate": False,
        # dates from the page's markup (meta tags, <time>, the address), never guessed from the prose
        "date_extraction_params": trafilatura.settings.set_date_params(extensive=False),
    }
    if len(text) > FAST_EXTRACTION_CHARS:  # no comparison with the fallback extractors (a third of the time)
        options["fast" if "fast" in inspect.signature(trafilatura.extract).parameters else "no_fallback"] = True
    result: str | None = trafilatura.extract(text, favor_precision=True, **options)
    if result is None:
        # short pages can fall below the precision thresholds; the balanced setting still drops boilerplate
        result = trafilatura.extract(text, **options)
    return result


def _speed_up_trafilatura() -> None:
    """Two of trafilatura's steps cost more than the rest of reading a large page; make them cheap, once.

    - ``strip_double_tags`` lists the page's ``head``, ``code`` and ``p`` elements with the XPath union
      ``.//head | .//code | .//p``, which libxml2 merges in time quadratic in their number (52 of the 83 seconds
      a 17 MB page took). One ``iterdescendants`` call gives the same elements in the same (document) order;
      the rest is trafilatura's own loop, unchanged.
    - With metadata asked for, ``extract`` adds a SimHash fingerprint of the whole text (a quarter of the time
      on any page, about a second per megabyte). briefgen never reads it: a plain BLAKE2 digest stands in.

    Each is left alone when this trafilatura lacks the names it relies on.
    """
    import trafilatura.core as tcore
    import trafilatura.xml as txml

    whitelist = getattr(txml, "NESTING_WHITELIST", None)
    merge = getattr(txml, "merge_with_parent", None)
    if whitelist is not None and merge is not None and hasattr(txml, "strip_double_tags"):

        def strip_double_tags(tree: Any) -> Any:
            for elem in reversed(list(tree.iterdescendants("head", "code", "p"))):
                for subelem in elem.iterdescendants("code", "head", "p"):
                    if subelem.tag == elem.tag and subelem.getparent().tag not in whitelist:
                        merge(subelem)
            return tree

        txml.strip_double_tags = strip_double_tags
    if hasattr(tcore, "content_fingerprint"):

        def content_fingerprint(content: str) -> str:
            return hashlib.blake2b(content.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()

        tcore.content_fingerprint = content_fingerprint


def _metadata(root: Element, url: str | None) -> Metadata:
    date = clean_meta(root.get("date"))
    return Metadata(
        title=clean_meta(root.get("title")),
        author=clean_meta(root.get("author")),
        publisher=clean_meta(root.get("sitename")),
        date=date if date and _ISO_DATE.match(date) else None,
        url=clean_meta(root.get("url")) or url,
    )


def _blocks(root: Element) -> tuple[list[Block], dict[str, int]]:
    blocks: list[Block] = []
    dropped = dict.fromkeys(_LEFT_OUT.values(), 0)
    main = root.find("main")
    if main is not None:
        _walk(main, blocks, dropped)
    return blocks, dropped


def _walk(parent: Element, blocks: list[Block], dropped: dict[str, int]) -> None:
    for el in parent:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "head":
            match = _HEADING_REND.match(el.get("rend", ""))
            _add(blocks, BlockKind.HEADING, _text(el), level=int(match.group(1)) if match else 0)
        elif tag == "p":
            _add(blocks, BlockKind.PARAGRAPH, _text(el))
        elif tag == "list":
            _walk_list(el, blocks)
        elif tag == "quote":
            if el.find("p") is not None:
                for child in el.iter("p"):
                    _add(blocks, BlockKind.QUOTE, _text(child))
            else:
                _add(blocks, BlockKind.QUOTE, _text(el))
        elif tag in _LEFT_OUT:
            dropped[_LEFT_OUT[tag]] += 1
        elif tag in _SKIPPED or not tag:
            continue
        elif len(el):
            _walk(el, blocks, dropped)
        else:
            _add(blocks, BlockKind.PARAGRAPH, _text(el))


def _walk_list(lst: Element, blocks: list[Block]) -> None:
    for item in lst.findall("item"):
        _add(blocks, BlockKind.BULLET, _text(item, skip=("list",)))
        for nested in item.findall("list"):
            _walk_list(nested, blocks)


def _text(el: Element, skip: tuple[str, ...] = ()) -> str:
    """The element's text with inline markup dropped; ``<lb/>`` (a ``<br>``) becomes a space."""
    parts: list[str] = []
    _collect(el, parts, skip, top=True)
    return clean_text("".join(parts))


def _collect(el: Element, parts: list[str], skip: tuple[str, ...], *, top: bool) -> None:
    if not top and el.tag in skip:
        if el.tail:
            parts.append(el.tail)
        return
    if el.text:
        parts.append(el.text)
    for child in el:
        if child.tag == "lb":
            parts.append(" ")
            if child.tail:
                parts.append(child.tail)
            continue
        _collect(child, parts, skip, top=False)
    if not top and el.tail:
        parts.append(el.tail)


def _add(blocks: list[Block], kind: BlockKind, text: str, level: int = 0) -> None:
    if text:
        blocks.append(Block(kind, text, level=level, explicit=kind is not BlockKind.PARAGRAPH))
