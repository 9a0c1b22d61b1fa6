"""A smaller ICU data library for the frozen app's Qt on Linux.

PySide6's Qt for Linux links ICU: ``libicuuc`` and ``libicui18n`` (code) and ``libicudata.so.NN`` (31 MB of data for
every ICU service and locale). The library must be there (QtCore needs it to load), but Qt uses little of its data:
collation (``QCollator``, which sorts file names in Qt's file dialogs), time-zone names and legacy text codecs
(``QStringConverter`` for encodings other than UTF and Latin-1). Case mapping and normalisation are compiled into
``libicuuc``; Qt has its own locale data (CLDR), text boundaries and shaping.

:func:`rebuild_library` writes a ``libicudata.so.NN`` holding only the items matched by :data:`KEPT_ITEMS`: it
reads the common data package ICU links in (the ``icudtNN_dat`` symbol), keeps the matching items in a new package
of the same format, and assembles it into a shared library with the same soname and symbol (GNU ``as`` and ``ld``,
from binutils, which PyInstaller needs on Linux anyway). A data item ICU cannot find makes that one service fail
(``U_MISSING_RESOURCE_ERROR``), which Qt handles: no crash, no other service affected.

Also a command for checking a rebuilt library with the build's Qt (``python icu_data.py check FOLDER``): run in a
subprocess with ``LD_LIBRARY_PATH`` pointing at the folder holding the new library.
"""

from __future__ import annotations

import fnmatch
import os
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from elf_files import ElfError, symbol_bytes

_COMMON_DATA_FORMAT = b"CmnD"
_ALIGNMENT = 16


KEPT_ITEMS: tuple[str, ...] = (
    "coll/*",
    "res_index.res",
    "root.res",
    "pool.res",
    "metadata.res",
    "keyTypeData.res",
    "likelySubtags.res",
    "supplementalData.res",
    "icuver.res",
    "icustd.res",
    "timezoneTypes.res",
    "metaZones.res",
    "zoneinfo64.res",
    "windowsZones.res",
    "zone/root.res",
    "zone/pool.res",
    "zone/res_index.res",
    "cnvalias.icu",
)
"""The items of ICU's data the bundle keeps (names after the package prefix, ``fnmatch`` patterns): 188 of 3,921
items, 4.3 MB. Qt uses ICU data for collation (QCollator
sorts file names in Qt's file dialogs: every language's rules are kept, with the locale look-up and fallback data
collation goes through), time zones (kept by id; their names in other languages are left out, so a long time
format shows "Europe/Berlin" instead of "Central European Time" — the app shows no such format) and legacy text
codecs (QStringConverter: only the alias table is kept; the app decodes files in Python, with charset-normalizer).
Locale display names, currencies, units, break iterators, transliterators and the 190 codec tables are left out."""


class IcuDataError(ElfError):
    """The ICU data library is not in the form this module reads (the message names the file)."""


@dataclass(frozen=True)
class CommonData:
    """An ICU common data package (``icudtNNl.dat``): its header and its items by name (``icudt73l/coll/de.res``)."""

    header: bytes
    items: dict[str, bytes]

    @property
    def package(self) -> str:
        """The package name every item name starts with (``icudt73l``)."""
        first = next(iter(self.items), "")
        return first.split("/", 1)[0]


def parse_common_data(blob: bytes, where: str = "ICU data") -> CommonData:
    """Split a common data package into its header and items (each item keeps the padding that follows it)."""
    if len(blob) < 32 or blob[2:4] != b"\xda\x27":
        raise IcuDataError(f"{where}: not an ICU data package (bad magic)")
    header_size = struct.unpack_from("<H", blob, 0)[0]
    if blob[12:16] != _COMMON_DATA_FORMAT or blob[8] != 0:
        raise IcuDataError(f"{where}: not a little-endian ICU common data package (format {blob[12:16]!r})")
    toc = blob[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items: dict[str, bytes] = {}
    for i, (name_offset, data_offset) in enumerate(entries):
        name = toc[name_offset : toc.index(b"\0", name_offset)].decode("ascii")
        data_end = entries[i + 1][1] if i + 1 < count else len(toc)
        items[name] = toc[data_offset:data_end]
    return CommonData(blob[:header_size], items)


def serialise_common_data(data: CommonData) -> bytes:
    """The package as ICU reads it: header, table of contents sorted by name, names, 16-byte aligned items."""
    names = sorted(data.items)  # ICU finds items by binary search on the names
    name_blob = bytearray()
    name_offsets = []
    toc_size = 4 + 8 * len(names)
    for name in names:
        name_offsets.append(toc_size + len(name_blob))
        name_blob += name.encode("ascii") + b"\0"
    body = bytearray(struct.pack("<I", len(names)))
    data_start = _aligned(toc_size + len(name_blob))
    offset = data_start
    data_offsets = []
    for name in names:
        data_offsets.append(offset)
        offset = _aligned(offset + len(data.items[name]))
    for name_offset, data_offset in zip(name_offsets, data_offsets, strict=True):
        body += struct.pack("<II", name_offset, data_offset)
    body += name_blob
    for name, data_offset in zip(names, data_offsets, strict=True):
        body += b"\0" * (data_offset - len(body)) + data.items[name]
    body += b"\0" * (_aligned(len(body)) - len(body))
    return data.header + bytes(body)


def _aligned(n: int) -> int:
    return (n + _ALIGNMENT - 1) // _ALIGNMENT * _ALIGNMENT


def kept_items(data: CommonData, patterns: Iterable[str]) -> CommonData:
    """Only the items whose name after the package prefix (``coll/de.res``) matches one of *patterns*."""
    wanted = tuple(patterns)
    items = {
        name: item
        for name, item in data.items.items()
        if any(fnmatch.fnmatchcase(name.split("/", 1)[-1], pattern) for pattern in wanted)
    }
    return CommonData(data.header, items)


def data_symbol(library: Path) -> str:
    """``libicudata.so.73`` -> ``icudt73_dat``, the symbol ICU links against."""
    major = library.name.rsplit(".so.", 1)[-1].split(".", 1)[0]
    if not major.isdigit():
        raise IcuDataError(f"{library}: cannot tell the ICU version from the file name")
    return f"icudt{major}_dat"


def assemble_library(data: bytes, symbol: str, soname: str, out: Path) -> None:
    """Write a shared library *out* exporting *data* as the read-only, 16-byte aligned object *symbol*."""
    tools = {tool: shutil.which(tool) for tool in ("as", "ld")}
    missing = [tool for tool, found in tools.items() if found is None]
    if missing:
        raise IcuDataError(f"cannot rebuild {soname}: {' and '.join(missing)} (binutils) not found")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "data.bin").write_bytes(data)
        (work / "data.s").write_text(
            f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign {_ALIGNMENT}\n{symbol}:\n"
            f'\t.incbin "data.bin"\n\t.size {symbol}, . - {symbol}\n\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        subprocess.run([str(tools["as"]), "-o", "data.o", "data.s"], cwd=work, check=True)
        subprocess.run(
            [str(tools["ld"]), "-shared", "-z", "noexecstack", "-soname", soname, "-o", str(out.resolve()), "data.o"],
            cwd=work,
            check=True,
        )


def rebuild_library(source: Path, out: Path, patterns: Iterable[str]) -> tuple[int, int]:
    """Write to *out* a copy of the ICU data library *source* with only the items matching *patterns*; returns the
    number of items before and after. The new library is checked by reading its data back."""
    symbol = data_symbol(source)
    original = parse_common_data(symbol_bytes(source, symbol), str(source))
    smaller = kept_items(original, patterns)
    if not smaller.items:
        raise IcuDataError(f"{source}: no ICU data item matches the kept patterns")
    out.parent.mkdir(parents=True, exist_ok=True)
    assemble_library(serialise_common_data(smaller), symbol, source.name, out)
    if parse_common_data(symbol_bytes(out, symbol), str(out)).items != smaller.items:
        raise IcuDataError(f"{out}: the rebuilt ICU data library does not read back")
    return len(original.items), len(smaller.items)


_CHECK_SCRIPT = """
import sys
from PySide6.QtCore import QCollator, QLocale
for name in ("en_GB", "de_DE", "sv_SE", "zh_CN", "ar_EG"):
    collator = QCollator(QLocale(name))
    collator.setNumericMode(True)
    words = sorted(["b10", "b9", "Äpfel", "Zebra", "apple"], key=collator.sortKey)
    if collator.compare("b9", "b10") >= 0:
        sys.exit(f"collation for {name} not working: {words}")
print("collation works:", ", ".join(words))
"""


def check_with_qt(folder: Path, python: str = sys.executable) -> str:
    """Run Qt's collation with the ICU data library in *folder* (a subprocess of *python* with that folder first on
    ``LD_LIBRARY_PATH``); returns its output, raises :class:`IcuDataError` on any failure or Qt warning."""
    search = [str(folder), *[p for p in os.environ.get("LD_LIBRARY_PATH", "").split(os.pathsep) if p]]
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(search), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([python, "-c", _CHECK_SCRIPT], env=env, capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or "collator" in result.stderr.lower():
        raise IcuDataError(f"Qt with the ICU data in {folder}: {(result.stderr or result.stdout).strip()}")
    return result.stdout.strip()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "check":
        print(check_with_qt(Path(sys.argv[2])))
    else:
        raise SystemExit("usage: icu_data.py check FOLDER_WITH_LIBICUDATA")
