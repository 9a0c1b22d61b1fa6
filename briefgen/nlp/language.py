"""A source's main language, from the scripts of its letters and, for Latin script, English stop words.

No model and no data beyond the bundled English stop-word list: the script decides where it names one language
(Hangul: Korean; kana: Japanese; Han without kana: Chinese; Hebrew, Thai, Greek), or its main language where a
script serves several (Arabic script: Arabic; Devanagari: Hindi; Cyrillic: Russian). Latin-script text is English
when English stop words make up a good share of its words, as in any English prose (about 40 %), else
``und-Latn`` ("undetermined, Latin script"): briefgen only needs to know whether its English stop words and
stemming apply, and says no more than it knows.

Codes are BCP 47 tags; ``und`` is text with no letters.
"""

from __future__ import annotations

from briefgen.model import Source
from briefgen.nlp.scripts import (
    ARABIC,
    CYRILLIC,
    DEVANAGARI,
    GREEK,
    HAN,
    HANGUL,
    HEBREW,
    KANA,
    LATIN,
    THAI,
    main_script,
)
from briefgen.nlp.words import stop_words, tokenize_words

SCRIPT_LANGUAGES = {
    HANGUL: "ko",
    KANA: "ja",
    HAN: "zh",
    ARABIC: "ar",
    HEBREW: "he",
    DEVANAGARI: "hi",
    THAI: "th",
    GREEK: "el",
    CYRILLIC: "ru",
}
ENGLISH_STOP_SHARE = 0.2
"""Least share of English stop words among the words of English text (news prose: 0.35-0.5; French, German or
Spanish prose: under 0.1)."""
SAMPLE_CHARS = 20_000
"""Only the start of a long text is looked at."""
UNDETERMINED = "und"


def detect_language(text: str) -> str:
    """The BCP 47 tag of *text*'s main language (see the module text)."""
    sample = text[:SAMPLE_CHARS]
    script = main_script(sample)
    if script is None:
        return UNDETERMINED
    if script == LATIN:
        words = [w.lower() for w in tokenize_words(sample) if w.isalpha()]
        if words and sum(w in stop_words() for w in words) >= ENGLISH_STOP_SHARE * len(words):
            return "en"
        return "und-Latn"
    return SCRIPT_LANGUAGES.get(script, UNDETERMINED)


def source_language(source: Source) -> str:
    """The BCP 47 tag of a source's main language, from the text of its sections."""
    return detect_language("\n".join(sec.text for sec in source.sections))


def is_english(language: str | None) -> bool:
    return language == "en"
