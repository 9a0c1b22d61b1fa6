"""Script fonts, language tags and text direction for Word runs and paragraphs.

Word picks one of a run's four font slots per character: ``w:ascii``/``w:hAnsi`` for Latin, Greek and Cyrillic
(the style's font, left alone), ``w:eastAsia`` for Han, kana and Hangul, ``w:cs`` for complex scripts (Arabic,
Hebrew, Devanagari, Thai). A run holding such characters names a font for the slot they use, tags its language
(``w:lang`` ``w:val``/``w:eastAsia``/``w:bidi``) so spelling, line breaking and font substitution work, and is
marked ``w:rtl`` (and ``w:cs``) when it is right-to-left text. A paragraph whose first strong character is
right-to-left is marked ``w:bidi``; Word and LibreOffice then order the text themselves. The text itself is never
changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefgen.nlp.scripts import (
    ARABIC,
    DEVANAGARI,
    GREEK,
    HAN,
    HANGUL,
    HEBREW,
    KANA,
    THAI,
    is_mark,
    is_rtl,
    script_counts,
)

EAST_ASIAN_FONTS = {HANGUL: "Noto Sans CJK KR", KANA: "Noto Sans CJK JP", HAN: "Noto Sans CJK SC"}
COMPLEX_FONTS = {
    ARABIC: "Noto Sans Arabic",
    HEBREW: "Noto Sans Hebrew",
    DEVANAGARI: "Noto Sans Devanagari",
    THAI: "Noto Sans Thai",
}
EAST_ASIAN_LANGS = {HANGUL: "ko-KR", KANA: "ja-JP", HAN: "zh-CN"}
COMPLEX_LANGS = {ARABIC: "ar-SA", HEBREW: "he-IL", DEVANAGARI: "hi-IN", THAI: "th-TH"}
WESTERN_LANGS = {GREEK: "el-GR"}

RPR_AFTER_FONTS = (
    "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike", "w:outline", "w:shadow",
    "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
    "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)  # fmt: skip
_PPR_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ScriptProps:
    east_asia_font: str | None = None
    complex_font: str | None = None
    lang: str | None = None
    east_asia_lang: str | None = None
    bidi_lang: str | None = None
    rtl: bool = False
    east_asia_hint: bool = False
    """Mostly East Asian text: shared punctuation (quotes, dashes) is set in the East Asian font too."""

    @property
    def empty(self) -> bool:
        return self == ScriptProps()


def script_props(text: str) -> ScriptProps:
    """The font slots, language tags and direction a run of *text* needs (empty for plain Latin text)."""
    if text.isascii():
        return ScriptProps()
    counts = script_counts(text)
    east = next((s for s in (KANA, HANGUL, HAN) if counts[s]), None)  # kana first: Han with kana is Japanese
    complex_script = max((s for s in COMPLEX_FONTS if counts[s]), key=lambda s: counts[s], default=None)
    western = next((s for s in WESTERN_LANGS if counts[s]), None)
    return ScriptProps(
        east_asia_font=EAST_ASIAN_FONTS[east] if east else None,
        complex_font=COMPLEX_FONTS[complex_script] if complex_script else None,
        lang=WESTERN_LANGS[western] if western else None,
        east_asia_lang=EAST_ASIAN_LANGS[east] if east else None,
        bidi_lang=COMPLEX_LANGS[complex_script] if complex_script else None,
        rtl=starts_rtl(text) and not any(ch.isalpha() and not is_rtl(ch) for ch in text),
        east_asia_hint=bool(east) and 2 * sum(counts[s] for s in EAST_ASIAN_FONTS) > sum(counts.values()),
    )


def starts_rtl(text: str) -> bool:
    """True when the first strong (letter) character of *text* is right-to-left."""
    for ch in text:
        if is_rtl(ch):
            return True
        if ch.isalpha():
            return False
    return False


def direction_runs(text: str) -> list[str]:
    """*text* cut where it changes between left-to-right and right-to-left letters, so each right-to-left stretch
    can be its own ``w:rtl`` run. Spaces and punctuation between the two belong to the left-to-right side (the
    direction of the brief's paragraphs)."""
    if text.isascii():
        return [text]
    pieces: list[str] = []
    start = 0
    current: bool | None = None
    after_last = 0
    """Index just after the last letter (or its combining marks) seen."""
    for i, ch in enumerate(text):
        if is_mark(ch):
            after_last = i + 1
            continue
        if not ch.isalpha():
            continue
        rtl = is_rtl(ch)
        if current is not None and rtl != current:
            cut = after_last if current else i
            if cut > start:
                pieces.append(text[start:cut])
                start = cut
        current = rtl
        after_last = i + 1
    pieces.append(text[start:])
    return [p for p in pieces if p]


def apply_run_props(rpr: Any, props: ScriptProps) -> None:
    """Add *props* to a ``w:rPr`` element (in the schema's order)."""
    element = rpr
    if props.east_asia_font or props.complex_font:
        fonts = OxmlElement("w:rFonts")
        if props.east_asia_font:
            fonts.set(qn("w:eastAsia"), props.east_asia_font)
            if props.east_asia_hint:
                fonts.set(qn("w:hint"), "eastAsia")
        if props.complex_font:
            fonts.set(qn("w:cs"), props.complex_font)
        style = element.find(qn("w:rStyle"))
        if style is not None:
            style.addnext(fonts)
        else:
            element.insert(0, fonts)
    if props.rtl:
        _insert(element, OxmlElement("w:rtl"), RPR_AFTER_FONTS[RPR_AFTER_FONTS.index("w:rtl") + 1 :])
        _insert(element, OxmlElement("w:cs"), RPR_AFTER_FONTS[RPR_AFTER_FONTS.index("w:cs") + 1 :])
    if props.lang or props.east_asia_lang or props.bidi_lang:
        lang = OxmlElement("w:lang")
        for attr, value in (("w:val", props.lang), ("w:eastAsia", props.east_asia_lang), ("w:bidi", props.bidi_lang)):
            if value:
                lang.set(qn(attr), value)
        _insert(element, lang, RPR_AFTER_FONTS[RPR_AFTER_FONTS.index("w:lang") + 1 :])


def _insert(parent: Any, child: Any, successors: tuple[str, ...]) -> None:
    wanted = {qn(tag) for tag in successors}
    for i, existing in enumerate(parent):
        if existing.tag in wanted:
            parent.insert(i, child)
            return
    parent.append(child)


def mark_rtl_paragraphs(body: Any) -> int:
    """Mark every paragraph under *body* whose text starts right-to-left with ``w:bidi``; returns how many."""
    marked = 0
    for p in body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if not starts_rtl(text):
            continue
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = OxmlElement("w:pPr")
            p.insert(0, ppr)
        if ppr.find(qn("w:bidi")) is None:
            _insert(ppr, OxmlElement("w:bidi"), _PPR_AFTER_BIDI)
            marked += 1
    return marked
