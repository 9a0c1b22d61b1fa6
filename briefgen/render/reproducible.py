"""The fixed dates that make a brief's files byte-identical from one build to the next.

Same inputs, template and brief date give the same bytes, whenever and wherever the brief is built:

* the moment a file says it was made (:func:`brief_moment`) is ``SOURCE_DATE_EPOCH`` when that environment
  variable is set (the reproducible-builds convention: whole seconds since 1970, UTC), else midnight UTC of the
  brief's own date (its bibliography's "accessed" day, else its date line), else 1 January 2000;
* PDF: creation and modification dates are that moment (:class:`PdfTimeStamp` replaces reportlab's clock), and
  the document ID is a digest of the document's own information rather than of the time;
* Word: core properties ``created`` and ``modified`` are that moment (no "last printed" date is written), and
  :func:`normalise_zip` rewrites the package with its entries in a fixed order, each stamped with that moment.

Markdown carries no date of its own. The embedded provenance (:mod:`briefgen.render.provenance_embed`) holds no
time or random id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import zipfile
from collections.abc import Mapping

from briefgen.brief import Brief
from briefgen.errors import InputError

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
FALLBACK_MOMENT = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""When neither ``SOURCE_DATE_EPOCH`` nor the brief names a day (a hand-made brief without sources)."""
_LATEST_EPOCH = 253_402_300_799  # 9999-12-31 23:59:59 UTC
_ZIP_EARLIEST = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
_ZIP_LATEST = dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=dt.UTC)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")  # fmt: skip
_MONTH = "(?P<month>[A-Za-z]+)"
_LONG_DATE = re.compile(rf"(?P<day>\d{{1,2}}) {_MONTH} (?P<year>\d{{4}})")
_US_DATE = re.compile(rf"{_MONTH} (?P<day>\d{{1,2}}), (?P<year>\d{{4}})")
_FIRST_ENTRIES = ("[Content_Types].xml", "_rels/.rels")
"""Packages conventionally open with these; every other entry follows in name order."""


def brief_moment(brief: Brief, environ: Mapping[str, str] | None = None) -> dt.datetime:
    """The moment (timezone-aware, UTC, whole seconds) the files of *brief* say they were made."""
    env = os.environ if environ is None else environ
    raw = env.get(SOURCE_DATE_EPOCH, "").strip()
    if raw:
        return _epoch_moment(raw)
    day = _brief_day(brief)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) if day else FALLBACK_MOMENT


def _epoch_moment(raw: str) -> dt.datetime:
    """``SOURCE_DATE_EPOCH``'s moment; a value that is not whole seconds between 1970 and 9999 is refused (as the
    convention asks: a malformed value stops the build rather than being ignored)."""
    seconds = int(raw) if raw.isascii() and raw.isdigit() else -1
    if not 0 <= seconds <= _LATEST_EPOCH:
        shown = raw[:40].encode("unicode_escape").decode("ascii")
        raise InputError(
            f"the environment variable {SOURCE_DATE_EPOCH} is '{shown}', not a whole number of seconds since "
            "1 January 1970 (unset it, or set e.g. SOURCE_DATE_EPOCH=1700000000)"
        )
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def _brief_day(brief: Brief) -> dt.date | None:
    for entry in brief.sources:  # the "accessed" day is the brief's day, in ISO form
        try:
            return dt.date.fromisoformat(entry.accessed.strip())
        except ValueError:
            break
    line = " ".join(brief.date.split())
    try:
        return dt.date.fromisoformat(line)
    except ValueError:
        pass
    found = _LONG_DATE.fullmatch(line) or _US_DATE.fullmatch(line)  # "18 March 2024", "March 18, 2024"
    if found is None:
        return None
    try:
        return dt.date(int(found["year"]), _MONTHS.index(found["month"].lower()) + 1, int(found["day"]))
    except ValueError:
        return None


class PdfTimeStamp:
    """A stand-in for reportlab's ``TimeStamp`` (the clock it reads for ``/CreationDate`` and ``/ModDate``)."""

    def __init__(self, moment: dt.datetime) -> None:
        utc = moment.astimezone(dt.UTC)
        self.t = float(int(utc.timestamp()))
        self.lt = utc.timetuple()
        self.YMDhms = tuple(self.lt)[:6]  # reportlab's name
        self.dhh = 0
        self.dmm = 0
        self.tzname = "UTC"


def stamp_pdf_document(doc: object, moment: dt.datetime) -> None:
    """Give reportlab's *doc* (a canvas's ``PDFDocument``) the fixed *moment*, and seed its document ID with it
    instead of the time the build started (the ID's digest also covers title, author, subject and keywords)."""
    stamp = PdfTimeStamp(moment)
    doc._timeStamp = stamp  # type: ignore[attr-defined]
    doc.signature = hashlib.md5(b"a reportlab document", usedforsecurity=False)  # type: ignore[attr-defined]
    doc.signature.update(f"{stamp.t:.0f}".encode("ascii"))  # type: ignore[attr-defined]


def zip_moment(moment: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """*moment* (UTC) as a ZIP entry's date and time, within the years a ZIP header can hold (1980 to 2107), to
    even seconds."""
    utc = min(max(moment.astimezone(dt.UTC), _ZIP_EARLIEST), _ZIP_LATEST)
    return (utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second - utc.second % 2)


def normalise_zip(data: bytes, moment: dt.datetime) -> bytes:
    """The ZIP package *data* rewritten deterministically: the same entries and contents, the conventional first
    entries then the others in name order, every entry dated *moment*, with fixed attributes, deflated."""
    stamp = zip_moment(moment)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = [info.filename for info in source.infolist()]
        first = [n for n in _FIRST_ENTRIES if n in names]
        for name in first + sorted(n for n in names if n not in first):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # MS-DOS attributes on every platform
            info.external_attr = 0
            target.writestr(info, source.read(name))
    return out.getvalue()
