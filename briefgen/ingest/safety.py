"""Guards run before a third-party parser sees hostile bytes: zip bombs, XML DTDs (external entities and
entity-expansion bombs), HTML with a DOCTYPE internal subset.

Every check raises :class:`~briefgen.errors.InputError` naming the file and the problem in plain words, and reads
at most a bounded amount of data: a zip member is never decompressed beyond the size its directory entry declares
(:mod:`zipfile` stops there and then checks the CRC), and that size is checked first.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable
from io import BytesIO

from briefgen.errors import InputError

MAX_ZIP_MEMBERS = 5_000
MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024
"""Largest total uncompressed size of an Office file's parts: the guard judges what a file expands to."""
MAX_ZIP_RATIO = 100
"""Largest compression ratio accepted for a member that expands beyond :data:`RATIO_CHECK_MIN_BYTES`."""
RATIO_CHECK_MIN_BYTES = 32 * 1024 * 1024
"""Below this expanded size a member is read whatever its ratio: a legitimate, very repetitive document (the
same table row or paragraph thousands of times) compresses hundreds of times yet expands to a few MB, which is
harmless; a bomb is dangerous by what it expands to, not by its ratio."""
_SCAN_CHUNK = 256 * 1024

_XML_SUFFIXES = (".xml", ".rels", ".vml")
# encodings in which "<!DOCTYPE" / "<!ENTITY" are the same bytes as in ASCII
_ASCII_COMPATIBLE = re.compile(
    r"^(?:utf-?8|us-?ascii|ascii|iso[-_]?8859[-_]?\d{1,2}|latin[-_]?1|l1|windows-?125\d|cp125\d)$",
    re.IGNORECASE,
)
_XML_ENCODING_DECL = re.compile(rb"^<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._-]{1,40})[\"']")
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
# an HTML/XHTML DOCTYPE with an internal subset: <!DOCTYPE html [ ... ]>
_HTML_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^>\[]{0,1000}\[", re.IGNORECASE)


def check_office_zip(data: bytes, path: str, *, required: str, kind: str) -> None:
    """Check that *data* is an Office (OOXML) zip that is safe to hand to a parser.

    Refuses: bytes that are not a zip (with a hint for legacy and encrypted Office files), a missing *required*
    member, too many members, encrypted members, a total uncompressed size above :data:`MAX_ZIP_TOTAL_BYTES`, a
    member that expands beyond :data:`RATIO_CHECK_MIN_BYTES` and is compressed more than :data:`MAX_ZIP_RATIO`
    times, and any XML part that declares a DTD.
    """
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise InputError(
            f"is not a {kind} package: it is either password-protected (encrypted) or an old binary Office "
            "file (.doc); save it from Word as an unprotected .docx",
            path,
        )
    if not data.startswith(b"PK"):
        raise InputError(f"is not a {kind} (not a zip package)", path)
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise InputError(f"is not a valid {kind} (damaged zip package: {exc})", path) from None
    with archive:
        check_zip_members(infos, path, kind=kind)
        if required not in {info.filename for info in infos}:
            raise InputError(f"is not a {kind} (the package has no {required})", path)
        refuse_xml_dtds(archive, (i for i in infos if i.filename.lower().endswith(_XML_SUFFIXES)), path)


def check_zip_members(infos: list[zipfile.ZipInfo], path: str, *, kind: str) -> None:
    """Refuse zip bombs by the sizes the zip directory declares (nothing is decompressed here)."""
    if len(infos) > MAX_ZIP_MEMBERS:
        raise InputError(f"is not a plausible {kind} ({len(infos)} parts in the package)", path)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(f"is an encrypted {kind} package (part {info.filename!r} is encrypted)", path)
        total += info.file_size
        if total > MAX_ZIP_TOTAL_BYTES:
            raise InputError(
                f"refused: its parts expand to more than {MAX_ZIP_TOTAL_BYTES // 1048576} MB "
                "(a zip bomb or a damaged file)",
                path,
            )
        if info.file_size > RATIO_CHECK_MIN_BYTES and info.file_size > MAX_ZIP_RATIO * max(1, info.compress_size):
            ratio = info.file_size / max(1, info.compress_size)
            raise InputError(
                f"refused: part {info.filename!r} would expand to {info.file_size / 1048576:,.0f} MB, compressed "
                f"{ratio:,.0f} times (a zip bomb or a damaged file)",
                path,
            )


def refuse_xml_dtds(archive: zipfile.ZipFile, infos: Iterable[zipfile.ZipInfo], path: str) -> None:
    """Refuse a package whose XML parts declare a DTD (``<!DOCTYPE``/``<!ENTITY``): Office files never do, and a
    DTD is how external entities and entity-expansion bombs get in."""
    for info in infos:
        try:
            with archive.open(info) as member:
                _scan_member(member.read, info.filename, path)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
            raise InputError(f"is damaged (part {info.filename!r} cannot be read: {exc})", path) from None


def _scan_member(read: Callable[[int], bytes], name: str, path: str) -> None:
    first = True
    tail = b""
    while True:
        chunk = read(_SCAN_CHUNK)
        if not chunk:
            return
        if first:
            _check_xml_encoding(chunk, name, path)
            first = False
        window = tail + chunk
        for marker in _DTD_MARKERS:
            if marker in window:
                raise InputError(
                    f"refused: part {name!r} declares a DTD ({marker.decode()}), which Office files never do "
                    "(a way to smuggle in external entities or an entity-expansion bomb)",
                    path,
                )
        tail = window[-16:]


def _check_xml_encoding(head: bytes, name: str, path: str) -> None:
    """Only ASCII-compatible encodings can be scanned byte-wise for markup; Word writes UTF-8, so anything else
    (UTF-16, EBCDIC, UTF-7...) is refused rather than scanned wrongly."""
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    if body.startswith((b"\xff\xfe", b"\xfe\xff")) or body[:4].count(b"\x00") >= 1:
        raise InputError(f"refused: part {name!r} is not UTF-8 XML (Office files use UTF-8)", path)
    match = _XML_ENCODING_DECL.match(body.lstrip())
    if match and not _ASCII_COMPATIBLE.match(match.group(1).decode("ascii")):
        raise InputError(
            f"refused: part {name!r} declares the unusual encoding {match.group(1).decode('ascii')!r}",
            path,
        )


def refuse_html_dtd_subset(text: str, path: str) -> None:
    """Refuse an HTML page whose DOCTYPE has an internal subset (``<!DOCTYPE html [<!ENTITY …>]>``).

    Real web pages never do; it is how entity-expansion bombs and external entities (local file contents) are
    smuggled into XML-aware parsers.
    """
    head = text[:200_000]
    if _HTML_INTERNAL_SUBSET.search(head):
        raise InputError(
            "refused: the page declares its own XML entities (<!DOCTYPE … [ … ]>), which web pages never need "
            "and which can be used to read local files or to exhaust memory",
            path,
        )
