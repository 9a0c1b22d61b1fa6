"""Where a reader finds a source: its DOI (as ``https://doi.org/…``) or its web address; and what is wrong with
a URL or DOI typed for a source."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from briefgen.model import Metadata

_DOI = re.compile(r"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)", re.IGNORECASE)


def doi_of(value: str | None) -> str | None:
    """The DOI in *value* when it is one: ``10.1234/abc``, ``doi:10.1234/abc`` or ``https://doi.org/10.1234/abc``."""
    m = _DOI.fullmatch((value or "").strip())
    return m.group(1) if m else None


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


def _web_address(value: str) -> bool:
    if any(ch.isspace() or ord(ch) < 32 for ch in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def url_problem(value: str | None) -> str | None:
    """What is wrong with *value* as the URL or DOI of a source, or ``None`` when it is fine (or empty)."""
    text = (value or "").strip()
    if not text or doi_of(text):
        return None
    if any(ch.isspace() for ch in text):
        return "A URL or DOI has no spaces."
    lowered = text.lower()
    if lowered.startswith(("doi:", "10.")) or "doi.org/" in lowered:
        return "Not a DOI: a DOI looks like 10.1234/abc (or doi:10.1234/abc, https://doi.org/10.1234/abc)."
    if _web_address(text):
        return None
    if "://" in text:
        scheme = text.split("://", 1)[0]
        if scheme.lower() in ("http", "https"):
            return "The web address has no site name after “://”."
        return f"Only web addresses (http:// or https://) or DOIs can be cited, not “{scheme}:” links."
    return "Not a web address or a DOI: start a web address with https://, or give a DOI such as 10.1234/abc."


def normalise_url(value: str | None) -> str | None:
    """*value* as it is stored: a DOI as ``https://doi.org/…``, anything else stripped; ``None`` when empty."""
    text = (value or "").strip()
    if not text:
        return None
    doi = doi_of(text)
    return doi_url(doi) if doi else text


def source_url(metadata: Metadata, path: str) -> str | None:
    """Where a reader finds the source: its DOI as ``https://doi.org/…``, its http(s) URL, or the web address it
    was read from; ``None`` for a local file (a file name is not a location a reader can use)."""
    doi = doi_of(metadata.url)
    if doi:
        return doi_url(doi)
    for value in (metadata.url, path):
        if value and _web_address(value.strip()):
            return value.strip()
    return None
