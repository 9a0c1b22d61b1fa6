"""Sentence splitting in scripts with their own sentence marks, beside Punkt's Latin-script splitting."""

from __future__ import annotations

import pytest

from briefgen.nlp.scripts import main_script, script_of
from briefgen.nlp.sentences import default_splitter, split_sentences

CASES = {
    "chinese": (
        "北京今天很冷。上海下雨了！你去吗？我不去。",
        ["北京今天很冷。", "上海下雨了！", "你去吗？", "我不去。"],
    ),
    "chinese full-width stop": ("第一句．第二句．", ["第一句．", "第二句．"]),
    "japanese": (
        "東京は晴れです。「本当ですか？」と聞いた。彼は「はい。行きます。」と言った。",
        ["東京は晴れです。", "「本当ですか？」と聞いた。", "彼は「はい。行きます。」と言った。"],
    ),
    "korean": (
        "장관은 서울에서 만났다. 회담은 두 시간 동안 진행되었다.",
        ["장관은 서울에서 만났다.", "회담은 두 시간 동안 진행되었다."],
    ),
    "arabic": ("هل أنت بخير؟ نعم، أنا بخير. شكرا لك.", ["هل أنت بخير؟", "نعم، أنا بخير.", "شكرا لك."]),
    "arabic without space": ("هل أنت بخير؟نعم.", ["هل أنت بخير؟", "نعم."]),
    "hebrew": ("שלום לכולם. מה שלומכם?", ["שלום לכולם.", "מה שלומכם?"]),
    "devanagari": ("मैं घर जा रहा हूँ। तुम कहाँ हो? वह आ गया॥", ["मैं घर जा रहा हूँ।", "तुम कहाँ हो?", "वह आ गया॥"]),
    "cyrillic": ("Он сказал: «Да». Она ушла.", ["Он сказал: «Да».", "Она ушла."]),
    "greek": ("Η Αθήνα είναι όμορφη. Ο καιρός είναι καλός.", ["Η Αθήνα είναι όμορφη.", "Ο καιρός είναι καλός."]),
    "thai with a Western stop": ("สวัสดีครับ. ลาก่อน.", ["สวัสดีครับ.", "ลาก่อน."]),
    "english": (
        "Mr. Smith went to Washington. He met Dr. Jones.",
        ["Mr. Smith went to Washington.", "He met Dr. Jones."],
    ),
    "mixed": (
        "The proverb 知己知彼。was quoted. It ended there.",
        ["The proverb 知己知彼。", "was quoted.", "It ended there."],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_sentences_split_per_script(name: str) -> None:
    text, expected = CASES[name]
    assert split_sentences(text) == expected


def test_a_full_width_stop_between_digits_is_a_decimal_point() -> None:
    assert split_sentences("価格は３．５円です。次です。") == ["価格は３．５円です。", "次です。"]


def test_spans_are_exact_source_text() -> None:
    text = "  北京今天很冷。 上海下雨了！\nهل أنت بخير؟ "
    for start, end in default_splitter().spans(text):
        assert text[start:end] == text[start:end].strip() and text[start:end]


def test_script_of_and_main_script() -> None:
    assert [script_of(c) for c in "a강漢かعשहกЖΩ1 "] == [
        "Latin", "Hangul", "Han", "Kana", "Arabic", "Hebrew", "Devanagari", "Thai", "Cyrillic", "Greek",
        "Common", "Common",
    ]  # fmt: skip
    assert main_script("日本語の文章です。漢字が多い。") == "Kana"
    assert main_script("中文文本没有假名。") == "Han"
    assert main_script("1234 !!") is None
