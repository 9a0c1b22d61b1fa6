"""A source's main language: script statistics, English stop words for Latin script; shown by inspect --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.cli.main import main
from briefgen.ingest.pipeline import source_from_text
from briefgen.nlp.language import detect_language, source_language

TEXTS = {
    "en": "The minister met her counterpart in Seoul on Monday, and the talks were said to be useful.",
    "und-Latn": "Le ministre a rencontré son homologue à Séoul lundi; les discussions ont été utiles.",
    "ko": "강경화 외교부 장관은 월요일 서울에서 상대국 장관과 만났다.",
    "zh": "外交部长周一在首尔会见了对方。会谈很有成效。",
    "ja": "外務大臣は月曜日にソウルで相手国の大臣と会談した。",
    "ar": "التقى وزير الخارجية بنظيره في سيول يوم الاثنين.",
    "he": "שר החוץ נפגש עם עמיתו בסיאול ביום שני.",
    "hi": "विदेश मंत्री ने सोमवार को सियोल में अपने समकक्ष से मुलाकात की।",
    "th": "รัฐมนตรีต่างประเทศพบกับคู่เจรจาที่กรุงโซลเมื่อวันจันทร์",
    "el": "Ο υπουργός Εξωτερικών συναντήθηκε με τον ομόλογό του στη Σεούλ.",
    "ru": "Министр иностранных дел встретился с коллегой в Сеуле в понедельник.",
    "und": "1234 — 5678 !!",
}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_detect_language(language: str) -> None:
    assert detect_language(TEXTS[language]) == language


def test_english_with_quoted_names_stays_english() -> None:
    text = "Foreign minister Kang Kyung-wha (강경화) met her counterpart at the Blue House (청와대) on Monday."
    assert detect_language(text) == "en"


def test_a_one_word_hangul_title_is_a_title_not_a_sentence() -> None:
    source = source_from_text("청와대\n\n강경화 장관은 월요일 서울에서 상대국 장관과 만났다. 회담은 길었다.\n")
    article = source.articles[0]
    assert article.metadata.title == "청와대"
    assert all(s.text != "청와대" for sec in source.sections for s in sec.sentences)
    assert next(s.text for sec in article.sections for s in sec.sentences).startswith("강경화")
    assert source_language(source) == "ko"


def test_inspect_json_shows_the_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ko = tmp_path / "ko.txt"
    ko.write_text("청와대\n\n" + TEXTS["ko"] + " 회담은 두 시간 동안 진행되었다.\n", encoding="utf-8")
    en = tmp_path / "en.txt"
    en.write_text("Talks in Seoul\n\n" + TEXTS["en"] + "\n", encoding="utf-8")
    assert main(["inspect", "--json", str(ko), str(en)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["language"] for s in data["sources"]] == ["ko", "en"]
