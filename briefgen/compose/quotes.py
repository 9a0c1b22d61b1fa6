"""Quotation candidates for a brief's ``quotes`` part: sentences in which someone is quoted, best first.

Quotation paragraphs come first, then sentences with a quotation of at least a few words and a speech verb,
then other quotations; within each, those that mention more of the summary's key phrases. A fragment (a list
item, the tail of a quotation, a sentence that leans on the one before it) is never a candidate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefgen.corpus import Corpus
from briefgen.model import ParagraphKind
from briefgen.summarize.api import Summary, SummarySentence
from briefgen.summarize.standalone import is_question, leans_on_previous

_QUOTE = re.compile(r"[“\"]([^”\"]{12,})[”\"]")
_SPEECH = re.compile(r"\b(?:said|says|told|warned|added|argued|according to|stated|wrote)\b", re.IGNORECASE)
_WHOLE = re.compile(r"[\"“‘'(]?[A-Z0-9].*[.!?][\"”’')]?$", re.DOTALL)
MAX_CANDIDATES = 200


def quote_candidates(corpus: Corpus, summary: Summary, group_of: Mapping[str, str]) -> list[SummarySentence]:
    """Quotation sentences of the selected sections (*group_of*'s keys), best first.

    A section that is a copy of another (``summary.copies``) is skipped: its quotations are the original's."""
    phrases = [p.casefold() for p in summary.keyphrases]
    found: list[tuple[tuple[int, int, int, int], SummarySentence]] = []
    for section_id in group_of:
        if section_id in summary.copies:
            continue
        for paragraph in corpus.section(section_id).paragraphs:
            block = paragraph.kind == ParagraphKind.QUOTE
            for sentence in paragraph.sentences:
                text = sentence.text
                if not 6 <= len(text.split()) <= 60 or not (block or _QUOTE.search(text)):
                    continue
                if not _WHOLE.match(text) or leans_on_previous(text) or is_question(text):
                    continue
                ref = corpus.sentence(sentence.id)
                hits = sum(p in text.casefold() for p in phrases)
                rank = (0 if block else 1, -int(bool(_SPEECH.search(text))), -hits, ref.position)
                found.append((rank, SummarySentence(sentence.id, text, (ref.citation(),))))
    found.sort(key=lambda item: item[0])
    return [s for _, s in found[:MAX_CANDIDATES]]
