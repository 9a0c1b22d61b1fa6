"""Same brief, same bytes: PDF, Word and Markdown files do not depend on when, where or in which time zone they
are built (dates come from the brief's day or SOURCE_DATE_EPOCH; no clock, no random id)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.errors import InputError
from briefgen.render.registry import render_bytes
from briefgen.render.reproducible import brief_moment, normalise_zip, zip_moment
from briefgen.templates.schema import OutputFormat
from briefgen.templates.style import RenderStyle
from tests.render.conftest import Sample, make_sample

FORMATS = tuple(OutputFormat)
SAMPLE_DAY = "20240318"  # the sample brief's day (its sources' "accessed" date)
_CLOCK = time.time


def _build_at(monkeypatch: pytest.MonkeyPatch, clock: float, sample: Sample, style: RenderStyle, fmt: str) -> bytes:
    """The file's bytes with the clock (as reportlab and zipfile read it) standing at *clock*."""
    monkeypatch.setattr(time, "time", lambda: clock)
    try:
        return render_bytes(sample.brief, style, fmt)
    finally:
        monkeypatch.setattr(time, "time", _CLOCK)


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_builds_days_apart_give_the_same_bytes(
    monkeypatch: pytest.MonkeyPatch, footnote_sample: Sample, style: RenderStyle, fmt: str
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = _build_at(monkeypatch, 1_700_000_000.0, footnote_sample, style, fmt)
    second = _build_at(monkeypatch, 1_700_000_000.0 + 3 * 86_400 + 4_321, footnote_sample, style, fmt)
    assert first == second


def test_pdf_dates_are_the_brief_day_and_the_id_follows_the_content(
    monkeypatch: pytest.MonkeyPatch, numeric_sample: Sample, style: RenderStyle
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = render_bytes(numeric_sample.brief, style, "pdf")
    info = PdfReader(io.BytesIO(data)).metadata
    assert info is not None
    assert str(info["/CreationDate"]) == str(info["/ModDate"]) == f"D:{SAMPLE_DAY}000000+00'00'"
    other = dataclasses.replace(numeric_sample.brief, title="Another title")
    ids = {re.search(rb"/ID\s*\[<([0-9a-f]+)>", d).group(1) for d in (data, render_bytes(other, style, "pdf"))}  # type: ignore[union-attr]
    assert len(ids) == 2  # a fixed ID, but not one ID for every brief


def test_docx_core_properties_and_zip_entries_carry_the_brief_day(
    monkeypatch: pytest.MonkeyPatch, numeric_sample: Sample, style: RenderStyle
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = render_bytes(numeric_sample.brief, style, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        infos = package.infolist()
        core = package.read("docProps/core.xml").decode("utf-8")
    assert [i.filename for i in infos[:2]] == ["[Content_Types].xml", "_rels/.rels"]
    assert [i.filename for i in infos[2:]] == sorted(i.filename for i in infos[2:])
    assert {i.date_time for i in infos} == {(2024, 3, 18, 0, 0, 0)}
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-18T00:00:00Z</dcterms:created>' in core
    assert '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-18T00:00:00Z</dcterms:modified>' in core
    assert "lastPrinted" not in core


def test_source_date_epoch_sets_every_date(
    monkeypatch: pytest.MonkeyPatch, numeric_sample: Sample, style: RenderStyle
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    info = PdfReader(io.BytesIO(render_bytes(numeric_sample.brief, style, "pdf"))).metadata
    assert info is not None and str(info["/CreationDate"]) == "D:20231114221320+00'00'"
    with zipfile.ZipFile(io.BytesIO(render_bytes(numeric_sample.brief, style, "docx"))) as package:
        assert {i.date_time for i in package.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        assert "2023-11-14T22:13:20Z" in package.read("docProps/core.xml").decode("utf-8")


@pytest.mark.parametrize("value", ["yesterday", "-5", "1.5e9", "99999999999999"])
def test_a_malformed_source_date_epoch_is_refused_with_its_name(
    monkeypatch: pytest.MonkeyPatch, numeric_sample: Sample, style: RenderStyle, value: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    for fmt in ("pdf", "docx"):
        with pytest.raises(InputError, match="SOURCE_DATE_EPOCH"):
            render_bytes(numeric_sample.brief, style, fmt)


def test_moment_falls_back_to_the_date_line_then_a_fixed_day() -> None:
    brief = make_sample("numeric").brief
    no_sources = dataclasses.replace(brief, sources=())
    assert brief_moment(brief, {}) == dt.datetime(2024, 3, 18, tzinfo=dt.UTC)
    assert brief_moment(no_sources, {}) == dt.datetime(2024, 3, 18, tzinfo=dt.UTC)  # "18 March 2024"
    assert brief_moment(dataclasses.replace(no_sources, date="someday"), {}).year == 2000
    assert zip_moment(dt.datetime(1970, 1, 1, tzinfo=dt.UTC)) == (1980, 1, 1, 0, 0, 0)  # ZIP starts in 1980


def test_normalise_zip_keeps_every_entry_and_its_contents() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name in ("word/document.xml", "_rels/.rels", "[Content_Types].xml", "docProps/app.xml"):
            z.writestr(name, f"<{name}/>")
    moment = dt.datetime(2024, 3, 18, 9, 30, 15, tzinfo=dt.UTC)
    with zipfile.ZipFile(io.BytesIO(normalise_zip(buf.getvalue(), moment))) as z:
        assert z.namelist() == ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "word/document.xml"]
        assert all(z.read(n) == f"<{n}/>".encode() for n in z.namelist())
        assert {i.date_time for i in z.infolist()} == {(2024, 3, 18, 9, 30, 14)}


def _same_day_time_zones() -> tuple[str, str]:
    """Two POSIX time zones an hour apart in which today is the same date (the brief's date is today's)."""
    now = dt.datetime.now(dt.UTC)
    zones = {-1: "AAA+1", 0: "UTC0", 1: "BBB-1"}  # POSIX signs are west-positive
    days = {h: (now + dt.timedelta(hours=h)).date() for h in zones}
    first, second = (-1, 0) if days[-1] == days[0] else (0, 1)
    return zones[first], zones[second]


def _cli_builds(sources: list[str], out_dir: Path, zone: str) -> dict[str, bytes]:
    """Build the brief in each format, each in its own `python -m briefgen build` process (run side by side)."""
    env = {**os.environ, "TZ": zone}
    env.pop("SOURCE_DATE_EPOCH", None)
    out_dir.mkdir()
    runs = {
        fmt: subprocess.Popen(
            [sys.executable, "-m", "briefgen", "build", *sources, "-o", str(out_dir / f"brief.{fmt}")],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for fmt in FORMATS
    }
    for fmt, run in runs.items():
        _out, err = run.communicate(timeout=180)
        assert run.returncode == 0, f"{fmt}: {err.decode(errors='replace')}"
    return {fmt: (out_dir / f"brief.{fmt}").read_bytes() for fmt in FORMATS}


def test_command_line_builds_at_different_times_and_zones_are_identical(samples_dir: Path, tmp_path: Path) -> None:
    sources = [str(samples_dir / "eastmouth-barrier-news.txt")]
    zone_a, zone_b = _same_day_time_zones()
    first = _cli_builds(sources, tmp_path / "a", zone_a)
    time.sleep(1.1)  # a different second: any clock reading would show
    second = _cli_builds(sources, tmp_path / "b", zone_b)
    for fmt in FORMATS:
        assert first[fmt] == second[fmt], f"the {fmt} files differ"
    assert first["pdf"].startswith(b"%PDF") and first["docx"].startswith(b"PK")
