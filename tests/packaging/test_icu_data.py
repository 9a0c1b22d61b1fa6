"""The smaller ICU data library of the frozen app (packaging/icu_data.py) and the ELF reading it uses.

The package format is checked on made-up data everywhere; on Linux, the real library of the installed PySide6 is
rebuilt (GNU as and ld) and Qt is run against it in a subprocess, so a rebuilt library that Qt cannot use fails
here and not only in a build.
"""

from __future__ import annotations

import shutil
import struct
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.packaging.test_spec_resources import _packaging_module

elf_files = _packaging_module("elf_files")
icu_data = _packaging_module("icu_data")

MB = 1024 * 1024


def _header() -> bytes:
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0x30, 2, 0, b"CmnD", bytes([1, 0, 0, 0]), bytes([73, 0, 0, 0]))
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    return header + b"\0" * (32 - len(header))


def _package(items: dict[str, bytes]) -> Any:
    return icu_data.CommonData(_header(), {f"icudt73l/{name}": data for name, data in items.items()})


def test_a_package_reads_back_what_was_written() -> None:
    items = {"coll/root.res": b"R" * 48, "coll/de.res": b"D" * 16, "root.res": b"x" * 32, "zone/fr.res": b"z" * 16}
    blob = icu_data.serialise_common_data(_package(items))
    again = icu_data.parse_common_data(blob)
    assert again.items == _package(items).items
    assert again.package == "icudt73l"
    assert len(blob) % 16 == 0
    # ICU finds items by binary search: the table of contents must be in name order
    assert list(again.items) == sorted(again.items)


def test_items_are_aligned_for_icu_and_keep_their_bytes() -> None:
    items = {"a.res": b"abc", "b.res": b"0123456789abcdefXY"}
    blob = icu_data.serialise_common_data(_package(items))
    toc = blob[32:]
    count = struct.unpack_from("<I", toc, 0)[0]
    offsets = [struct.unpack_from("<II", toc, 4 + 8 * i)[1] for i in range(count)]
    assert all(offset % 16 == 0 for offset in offsets)
    parsed = icu_data.parse_common_data(blob).items
    assert parsed["icudt73l/a.res"].rstrip(b"\0") == b"abc"
    assert parsed["icudt73l/b.res"].rstrip(b"\0") == b"0123456789abcdefXY"


def test_only_matching_items_are_kept() -> None:
    data = _package({"coll/de.res": b"1" * 16, "coll/root.res": b"2" * 16, "de.res": b"3" * 16, "zone/x": b"4" * 16})
    kept = icu_data.kept_items(data, ["coll/*", "zone/root.res"])
    assert sorted(kept.items) == ["icudt73l/coll/de.res", "icudt73l/coll/root.res"]


def test_not_icu_data_is_refused_with_the_place_named() -> None:
    with pytest.raises(icu_data.IcuDataError, match=r"libfoo\.so"):
        icu_data.parse_common_data(b"\0" * 64, "libfoo.so")


def test_the_symbol_comes_from_the_library_name() -> None:
    assert icu_data.data_symbol(Path("libicudata.so.73")) == "icudt73_dat"
    assert icu_data.data_symbol(Path("libicudata.so.74.2")) == "icudt74_dat"
    with pytest.raises(icu_data.IcuDataError):
        icu_data.data_symbol(Path("libicudata.so"))


def test_elf_reading_of_a_file_that_is_not_elf(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a library", encoding="utf-8")
    assert not elf_files.strippable(text)
    assert not elf_files.strippable(tmp_path / "missing.so")
    with pytest.raises(elf_files.ElfError, match=r"notes\.txt"):
        elf_files.symbol_bytes(text, "anything")


# --- the real library (Linux) ---------------------------------------------------------------------------------


def _pyside_icu_data() -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("Qt links ICU's data library only on Linux")
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no bundled ICU data library")
    return found[0]


def test_every_kept_pattern_matches_items_of_the_real_icu_data() -> None:
    library = _pyside_icu_data()
    data = icu_data.parse_common_data(elf_files.symbol_bytes(library, icu_data.data_symbol(library)), str(library))
    assert len(data.items) > 1000, "the real data package should hold thousands of items"
    for pattern in icu_data.KEPT_ITEMS:
        assert icu_data.kept_items(data, [pattern]).items, f"KEPT_ITEMS: {pattern!r} matches nothing in {library}"
    kept = icu_data.kept_items(data, icu_data.KEPT_ITEMS)
    assert f"{data.package}/coll/ucadata.icu" in kept.items
    assert sum(len(item) for item in kept.items.values()) < 6 * MB


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    library = _pyside_icu_data()
    if not (shutil.which("as") and shutil.which("ld")):
        pytest.skip("GNU as and ld (binutils) are not installed")
    folder = tmp_path_factory.mktemp("icu")
    before, after = icu_data.rebuild_library(library, folder / library.name, icu_data.KEPT_ITEMS)
    assert before > after > 100
    return folder / library.name


def test_the_rebuilt_library_is_small_and_exports_icu_data(rebuilt: Path) -> None:
    assert rebuilt.stat().st_size < 6 * MB
    data = icu_data.parse_common_data(elf_files.symbol_bytes(rebuilt, icu_data.data_symbol(rebuilt)), str(rebuilt))
    assert any(name.endswith("/coll/root.res") for name in data.items)
    assert not any(name.endswith(".cnv") for name in data.items)


def test_qt_sorts_words_with_the_rebuilt_library(rebuilt: Path) -> None:
    assert "collation works" in icu_data.check_with_qt(rebuilt.parent)


def test_the_qt_check_fails_when_collation_data_is_missing(tmp_path: Path) -> None:
    library = _pyside_icu_data()
    if not (shutil.which("as") and shutil.which("ld")):
        pytest.skip("GNU as and ld (binutils) are not installed")
    icu_data.rebuild_library(library, tmp_path / library.name, ["icuver.res"])
    with pytest.raises(icu_data.IcuDataError, match="collat"):
        icu_data.check_with_qt(tmp_path)
