"""Reading Linux shared libraries (ELF, 64-bit little-endian) for the build: section names, a symbol's bytes.

Plain Python (no pyelftools), used by ``briefgen.spec`` to find libraries that still carry symbols or debug
information and libraries nothing kept links any more, and by :mod:`icu_data` to read ICU's data package out of
``libicudata``.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

_ELF_MAGIC = b"\x7fELF"
_SHT_DYNAMIC = 6
_SHT_DYNSYM = 11
_SHT_NOBITS = 8
_DT_NEEDED = 1


class ElfError(Exception):
    """A file is not an ELF library this module can read (the message names the file)."""


@dataclass(frozen=True)
class Section:
    name: str
    kind: int
    address: int
    offset: int
    size: int
    link: int
    entry_size: int


def _sections(blob: bytes, where: str) -> list[Section]:
    if blob[:4] != _ELF_MAGIC or len(blob) < 0x40:
        raise ElfError(f"{where}: not an ELF file")
    if blob[4] != 2 or blob[5] != 1:
        raise ElfError(f"{where}: not a 64-bit little-endian ELF file")
    (table_offset,) = struct.unpack_from("<Q", blob, 0x28)
    entry_size, count, names_index = struct.unpack_from("<HHH", blob, 0x3A)
    raw = [struct.unpack_from("<IIQQQQIIQQ", blob, table_offset + i * entry_size) for i in range(count)]
    if not raw:
        return []
    names_offset = raw[names_index][4] if names_index < len(raw) else 0

    def name_at(offset: int) -> str:
        start = names_offset + offset
        return blob[start : blob.index(b"\0", start)].decode("ascii", "replace")

    return [
        Section(name_at(name), kind, address, offset, size, link, entsize)
        for name, kind, _flags, address, offset, size, link, _info, _align, entsize in raw
    ]


def section_names(path: Path) -> list[str]:
    """The names of the sections of the ELF file *path*."""
    return [section.name for section in _sections(path.read_bytes(), str(path))]


def needed_libraries(path: Path) -> list[str]:
    """The libraries *path* names as ``DT_NEEDED`` in its dynamic section (what the loader loads with it); empty
    for a file that is not a 64-bit little-endian ELF file."""
    try:
        blob = path.read_bytes()
        sections = _sections(blob, str(path))
    except (OSError, ElfError, struct.error, ValueError):
        return []
    names: list[str] = []
    for dynamic in (s for s in sections if s.kind == _SHT_DYNAMIC):
        strings = sections[dynamic.link].offset
        for start in range(dynamic.offset, dynamic.offset + dynamic.size, 16):
            tag, value = struct.unpack_from("<qQ", blob, start)
            if tag == 0:
                break
            if tag == _DT_NEEDED:
                names.append(blob[strings + value : blob.index(b"\0", strings + value)].decode("ascii", "replace"))
    return names


def strippable(path: Path) -> bool:
    """Whether *path* is an ELF file that still carries what ``strip --strip-unneeded`` removes: debug information
    (``.debug_*``) or the full symbol table (``.symtab``; the dynamic symbols the loader uses are kept). False for
    any other file."""
    try:
        names = section_names(path)
    except (OSError, ElfError, struct.error, ValueError):
        return False
    return ".symtab" in names or any(name.startswith(".debug_") for name in names)


def symbol_bytes(path: Path, symbol: str) -> bytes:
    """The bytes of the dynamic symbol *symbol* (its value and size in ``.dynsym``) of the library *path*."""
    blob = path.read_bytes()
    sections = _sections(blob, str(path))
    for table in (s for s in sections if s.kind == _SHT_DYNSYM):
        strings = sections[table.link].offset
        for start in range(table.offset, table.offset + table.size, table.entry_size):
            name_offset, _info, _other, _index, value, size = struct.unpack_from("<IBBHQQ", blob, start)
            end = blob.index(b"\0", strings + name_offset)
            if blob[strings + name_offset : end].decode("ascii", "replace") != symbol:
                continue
            for section in sections:
                inside = section.address <= value and value + size <= section.address + section.size
                if section.address and section.kind != _SHT_NOBITS and inside:
                    file_offset = section.offset + (value - section.address)
                    return blob[file_offset : file_offset + size]
            raise ElfError(f"{path}: symbol {symbol} lies in no section with file contents")
    raise ElfError(f"{path}: no dynamic symbol {symbol}")


def without_orphaned_libraries(
    before: Sequence[tuple[str, str, str]],
    after: Sequence[tuple[str, str, str]],
    needed: Callable[[str], Iterable[str]],
) -> list[tuple[str, str, str]]:
    """*after* (PyInstaller's binaries once files were left out) without the top-level libraries that only files
    now left out needed: libpng once FreeType is gone, then whatever only libpng needed, and so on. *needed* gives
    the libraries a file links (``DT_NEEDED``, by name). Libraries nothing linked even in *before* (loaded with
    ``dlopen`` or ctypes) are kept."""
    cache: dict[str, list[str]] = {}

    def needed_by(entries: Iterable[tuple[str, str, str]]) -> set[str]:
        names: set[str] = set()
        for _dest, src, kind in entries:
            if kind in ("BINARY", "EXTENSION"):
                if src not in cache:
                    cache[src] = list(needed(src))
                names.update(cache[src])
        return names

    linked_before = needed_by(before)
    kept = list(after)
    while True:
        linked = needed_by(kept)
        orphans = {
            dest
            for dest, _src, kind in kept
            if kind == "BINARY" and "/" not in dest.replace("\\", "/") and dest in linked_before and dest not in linked
        }
        if not orphans:
            return kept
        kept = [entry for entry in kept if entry[0] not in orphans]
