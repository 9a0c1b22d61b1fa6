"""Briefs quoting names and statements in many scripts: every character drawn or reported, fonts embedded,
right-to-left text in logical order when read back, Word runs tagged with script fonts, languages and direction."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

from briefgen.brief import Brief, BriefSentence, Part, PartKind
from briefgen.render.docx.renderer import render_docx
from briefgen.render.pdf.font_fallback import PLACEHOLDER, bundled_fonts
from briefgen.render.pdf.renderer import render_pdf
from briefgen.templates.style import default_style

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

SAMPLES = {
    "hangul": "Foreign minister Kang Kyung-wha (강경화) met her counterpart at the Blue House (청와대).",
    "chinese": "The delegation quoted the proverb 知己知彼，百战不殆 during the talks.",
    "japanese": "Officials called it 大変有意義な会談でした in a statement.",
    "arabic": "The Arabic press called it مرحبا بالعالم in its headline.",
    "hebrew": "An Israeli diplomat wrote שלום עולם in the guest book.",
    "devanagari": "The Indian envoy said हिन्दी किताब was a gift.",
    "cyrillic": "A Russian observer, Сергей Лавров, attended.",
    "greek": "A Greek one, Νίκος Δένδιας, attended too.",
    "thai": "A Thai reporter wrote สวัสดีครับ in her notes.",
    "emoji": "Delegates reacted with 😀 and 👍 online.",
}
UNCOVERED = "\u0378\U0010fffd"
"""An unassigned code point and a private-use one: no font has them."""
MISSING_SENTENCE = f"Two characters no font has: {UNCOVERED[0]} and {UNCOVERED[1]} end here."
PLAIN_SCRIPTS = ("hangul", "chinese", "japanese", "cyrillic", "greek", "thai", "emoji")
"""Scripts whose text comes back from the PDF exactly (Thai: its marks stay on their letters)."""


def _sentence(i: int, text: str) -> BriefSentence:
    return BriefSentence(id=f"s{i}", text=text, citations=())


def scripts_brief(extra: tuple[str, ...] = (), points: tuple[str, ...] = ()) -> Brief:
    texts = [*SAMPLES.values(), *extra]
    return Brief(
        title="Ministers meet in Seoul (청와대)",
        subtitle="Talks in many languages",
        date="1 December 2026",
        author=None,
        organisation=None,
        marking=None,
        parts=(
            Part(PartKind.KEY_POINTS, "Key points", tuple(_sentence(i, t) for i, t in enumerate(texts[:3]))),
            Part(PartKind.SECTION, "Who said what", tuple(_sentence(i + 3, t) for i, t in enumerate(texts[3:]))),
            Part(PartKind.KEY_FIGURES, "Quoted", tuple(_sentence(100 + i, t) for i, t in enumerate(points))),
        ),
        sources=(),
    )


@pytest.fixture(scope="module")
def pdf_build() -> tuple[bytes, list[str]]:
    if len(bundled_fonts()) < 6:
        pytest.fail("the bundled script fonts in resources/fonts are missing (tools/make_font_subsets.py)")
    warnings: list[str] = []
    data = render_pdf(scripts_brief((MISSING_SENTENCE,)), default_style(), warn=warnings.append)
    return data, warnings


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in reader.pages))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _foreign(text: str) -> list[str]:
    """The stretches of *text* outside ASCII (the quoted names and phrases)."""
    return re.findall(r"[^\x00-\x7f\s]+", text)


def test_every_script_comes_back_from_the_pdf(pdf_build: tuple[bytes, list[str]]) -> None:
    text = _squash(_text(pdf_build[0]))
    for name in PLAIN_SCRIPTS:
        for piece in _foreign(SAMPLES[name]):
            assert _squash(piece) in text, name
    # right-to-left: the words come back in logical (reading) order, letters joined by shaping normalised back
    assert _squash("مرحبا بالعالم") in text
    assert _squash("שלום עולם") in text
    # Devanagari: every character comes back (a vowel sign drawn before its consonant may be read first)
    devanagari = "".join(_foreign(SAMPLES["devanagari"]))
    found = "".join(ch for ch in text if "\u0900" <= ch <= "\u097f")
    assert Counter(found) == Counter(devanagari)


def test_nothing_is_blank_and_missing_characters_are_placeholders(pdf_build: tuple[bytes, list[str]]) -> None:
    text = _text(pdf_build[0])
    assert "Twocharactersnofonthas:" + PLACEHOLDER + "and" + PLACEHOLDER + "endhere." in _squash(text)
    assert "\ufffd" not in text and not any(0xE000 <= ord(ch) <= 0xF8FF for ch in text)


def test_warning_names_exactly_the_uncovered_characters_and_the_sentence(pdf_build: tuple[bytes, list[str]]) -> None:
    warnings = [w for w in pdf_build[1] if "no available font" in w]
    assert len(warnings) == 1
    named = re.findall(r"U\+([0-9A-F]{4,6})", warnings[0])
    assert [chr(int(n, 16)) for n in named] == list(UNCOVERED)
    assert "Two characters no font has" in warnings[0]


def test_every_font_is_embedded(pdf_build: tuple[bytes, list[str]]) -> None:
    reader = PdfReader(io.BytesIO(pdf_build[0]))
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)
    assert any("NotoSansCJK" in name for name in fonts) and any("NotoSansArabic" in name for name in fonts)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) is not installed")
def test_pdffonts_lists_every_font_embedded(pdf_build: tuple[bytes, list[str]], tmp_path: Path) -> None:
    path = tmp_path / "scripts.pdf"
    path.write_bytes(pdf_build[0])
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert len(rows) >= 8
    assert all(row[-5] == "yes" for row in rows), out  # the "emb" column


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdftotext_gives_back_the_text(pdf_build: tuple[bytes, list[str]], tmp_path: Path) -> None:
    path = tmp_path / "scripts.pdf"
    path.write_bytes(pdf_build[0])
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    text = _squash(out.replace("\u202b", "").replace("\u202c", ""))  # poppler marks right-to-left stretches
    for name in PLAIN_SCRIPTS:
        for piece in _foreign(SAMPLES[name]):
            assert _squash(piece) in text, name
    assert _squash("שלום עולם") in text and _squash("مرحبا") in text and _squash("بالعالم") in text


def test_docx_runs_carry_script_fonts_languages_and_direction() -> None:
    brief = scripts_brief(points=("مرحبا بالعالم. هذا نص عربي كامل.", "An English point."))
    data = render_docx(brief, default_style())
    body = Document(io.BytesIO(data)).element.body
    runs = {"".join(t.text or "" for t in r.iter(f"{W}t")): r for r in body.iter(f"{W}r")}

    def props(fragment: str) -> tuple[dict[str, str], dict[str, str], bool]:
        run = next(r for text, r in runs.items() if fragment in text)
        fonts = run.find(f"{W}rPr/{W}rFonts")
        lang = run.find(f"{W}rPr/{W}lang")
        attrs = lambda e: {k.replace(W, ""): v for k, v in (e.attrib.items() if e is not None else [])}  # noqa: E731
        return attrs(fonts), attrs(lang), run.find(f"{W}rPr/{W}rtl") is not None

    fonts, lang, rtl = props("강경화")
    assert fonts["eastAsia"] == "Noto Sans CJK KR" and lang["eastAsia"] == "ko-KR" and not rtl
    fonts, lang, _ = props("大変有意義")
    assert lang["eastAsia"] == "ja-JP"
    fonts, lang, _ = props("知己知彼")
    assert lang["eastAsia"] == "zh-CN"
    fonts, lang, rtl = props("مرحبا بالعالم")
    assert fonts["cs"] == "Noto Sans Arabic" and lang["bidi"] == "ar-SA" and rtl
    fonts, lang, rtl = props("שלום עולם")
    assert fonts["cs"] == "Noto Sans Hebrew" and lang["bidi"] == "he-IL" and rtl
    fonts, lang, rtl = props("हिन्दी")
    assert fonts["cs"] == "Noto Sans Devanagari" and lang["bidi"] == "hi-IN" and not rtl
    assert props("Νίκος")[1]["val"] == "el-GR"
    # the right-to-left name is its own run; the English around it is not marked
    assert not props("The Arabic press called it")[2]
    paragraphs = list(body.iter(f"{W}p"))
    rtl_paragraphs = [p for p in paragraphs if p.find(f"{W}pPr/{W}bidi") is not None]
    assert len(rtl_paragraphs) == 1
    assert "هذا نص عربي كامل" in "".join(t.text or "" for t in rtl_paragraphs[0].iter(f"{W}t"))
    # the text itself is unchanged
    all_text = "".join(t.text or "" for t in body.iter(f"{W}t"))
    for sample in SAMPLES.values():
        assert sample in all_text


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("zh.txt", "首尔会谈\n\n外交部长周一在首尔会见了对方。会谈很有成效。双方同意继续对话。下次会议将在北京举行。"),
        (
            "ar.txt",
            "محادثات سيول\n\nالتقى وزير الخارجية بنظيره في سيول. كانت المحادثات مفيدة."
            " اتفق الجانبان على مواصلة الحوار.",
        ),
    ],
)
def test_a_non_english_source_gives_a_brief(tmp_path: Path, name: str, text: str) -> None:
    from briefgen.cli.main import main

    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "brief.md"
    assert main(["build", str(source), "-o", str(out)]) == 0
    brief = out.read_text(encoding="utf-8")
    body_sentences = [line for line in text.splitlines()[2].replace("。", "。\n").replace(". ", ".\n").splitlines()]
    assert sum(sentence.strip() in brief for sentence in body_sentences if sentence.strip()) >= 2
    assert main(["build", str(source), "-o", str(tmp_path / "brief.pdf")]) == 0
