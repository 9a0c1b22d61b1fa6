"""Whether a sentence can stand on its own in a brief, away from the sentences around it in its source.

Two separate questions, both answered from the sentence's own text:

:func:`stands_alone`
    A sentence that ends with a colon introduces what follows it ("The stated objectives are to:"), a question
    asks rather than tells ("Will the new approach be effective?") and a very short sentence ("You heard that
    pledge.") rarely says anything without its context. Such sentences are never chosen unless the user pins
    them (a very short one may still fill a sentence budget that cannot be met otherwise).

:func:`leans_on_previous`
    A sentence that opens with a reference to something said before it — a personal pronoun ("He said the
    air base…"), a demonstrative ("That prompted…", "These measures…"), a connective ("However, …", "But…",
    "Meanwhile…"), a connective in second place ("Washington, however, has…"), "also" among the first words
    ("Many Republicans also oppose…"), plural speakers saying "it" ("Supporters say it will…"), a back-reference
    ("By then…", "To do so…") — or that is the tail of a quotation ("And I think the league feels the same
    way.''") makes sense only right after the source sentence before it. It is chosen only together with that
    sentence and placed right after it; on its own it is never chosen.

The rules are deliberately general (word classes, not phrases of any one source) and err on the side of
leaving a sentence out: a brief that drops a good sentence is still right, one that opens mid-thought is not.
Time expressions ("This year…", "That morning…") and the expletive "it" ("It is unclear whether…") do not
refer back and are not caught.
"""

from __future__ import annotations

import re

from briefgen.nlp.scripts import word_estimate

MIN_WORDS = 5

_LEADING = "\"“‘'(«[*–—- "
_CLOSING_QUOTES = "\"”’'»"

_PRONOUNS = frozenset(
    (
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "them",
        "his",
        "its",
        "their",
        "theirs",
        "hers",
        "we",
        "us",
        "our",
        "you",
        "your",
    )
)
_DEMONSTRATIVES = frozenset(
    (
        "this",
        "that",
        "these",
        "those",
        "such",
    )
)
_CONNECTIVES = frozenset(
    (
        "however",
        "but",
        "and",
        "also",
        "meanwhile",
        "moreover",
        "furthermore",
        "nevertheless",
        "nonetheless",
        "still",
        "yet",
        "so",
        "thus",
        "therefore",
        "hence",
        "instead",
        "besides",
        "otherwise",
        "likewise",
        "similarly",
        "consequently",
        "accordingly",
        "additionally",
        "or",
        "nor",
        "then",
        "indeed",
        "again",
        "further",
        "plus",
        "regardless",
        "anyway",
    )
)
_BACK_REFERENCES = (
    "by then",
    "since then",
    "until then",
    "even then",
    "after that",
    "before that",
    "after this",
    "despite this",
    "despite that",
    "because of this",
    "because of that",
    "as a result",
    "in addition",
    "in contrast",
    "in response",
    "in turn",
    "on the other hand",
    "at the same time",
    "even so",
    "to do so",
    "doing so",
    "in doing so",
    "the latter",
    "the former",
    "not only that",
    "for example",
    "for instance",
    "both",
    "neither",
    "either",
    "others",
    "another",
    "the other",
    "the same",
    "there is also",
    "there are also",
)
_BACK_REFERENCE = re.compile(r"(?:" + "|".join(re.escape(p) for p in _BACK_REFERENCES) + r")\b", re.IGNORECASE)
_TIME_NOUNS = frozenset(
    (
        "year",
        "years",
        "week",
        "weeks",
        "month",
        "months",
        "morning",
        "afternoon",
        "evening",
        "night",
        "day",
        "days",
        "weekend",
        "season",
        "summer",
        "autumn",
        "winter",
        "spring",
        "time",
        "decade",
        "century",
        "quarter",
        "term",
    )
)
_EXPLETIVE_IT = re.compile(
    r"it(?:'s|’s| is| was| has been| had been| will be| would be| could be| may be| might be| remains| remained|"
    r" seems| seemed| appears| appeared| looks| looked| emerged)(?: not| now| still| also| yet| already)*"
    r"(?: [\w-]+){0,2} (?:that|to|whether|how|why|what|when|if|who)\b",
    re.IGNORECASE,
)
_SECOND_PLACE = re.compile(
    r"^[^,;:]{1,40},\s*(?:however|though|meanwhile|moreover|furthermore|too|also|therefore|instead|in turn|"
    r"nevertheless|nonetheless|in contrast|by contrast|in addition|for example|for instance|as a result)\s*,",
    re.IGNORECASE,
)
_EARLY_ALSO = re.compile(r"^(?:[^\W\d_][\w’'.-]*\s+){1,3}also\b", re.IGNORECASE)
_PLURAL_SAY_IT = re.compile(
    r"^(?:[^\W\d_][\w’'-]*\s+){0,2}[^\W\d_][\w’'-]*[^\Ws]s\s+(?:say|said|argue|argued|believe|believed|fear|"
    r"feared|warn|warned|claim|claimed|insist|insisted|agree|agreed)\s+(?:that\s+)?it\b",
    re.IGNORECASE,
)
"""A plural speaker saying "it" ("Supporters say it will protect 18,000 homes"): the "it" is not the speakers, so
it is what the sentence before named."""
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def stands_alone(text: str) -> bool:
    """False for a lead-in ending with a colon, a question, or a sentence of fewer than :data:`MIN_WORDS` words."""
    return not is_question(text) and not ends_with_colon(text) and _word_count(text) >= MIN_WORDS


def _word_count(text: str) -> int:
    """:func:`word_estimate`, short-cut when no character is in a script written without spaces (those all lie at
    U+0E00 and above): then it is the number of space-separated tokens."""
    return len(text.split()) if max(text, default=" ") < "\u0e00" else word_estimate(text)


def is_question(text: str) -> bool:
    """Whether the sentence ends with a question mark (before any closing quotes or brackets)."""
    return text.rstrip().rstrip(_CLOSING_QUOTES + ")]").endswith(("?", "？", "؟"))


def ends_with_colon(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSING_QUOTES + ")]").endswith(":")


def leans_on_previous(text: str) -> bool:
    """Whether the sentence opens with a reference to what came before it (see the module doc)."""
    stripped = text.lstrip()
    if not stripped:
        return False
    if _is_quotation_tail(stripped):
        return True
    attributed = _attributed_quotation(stripped)
    if attributed is not None:
        return attributed
    body = stripped.lstrip(_LEADING)
    if not body:
        return False
    if body[0].islower() and body[0].isalpha():
        return True  # a fragment: "and the league agreed."
    words = _WORD.findall(body[:80])
    if not words:
        return False
    first = words[0].lower().replace("’", "'")
    second = words[1].lower() if len(words) > 1 else ""
    if first in _PRONOUNS:
        return not (first == "it" and _EXPLETIVE_IT.match(body))
    if first in _DEMONSTRATIVES:
        return second not in _TIME_NOUNS
    if first in _CONNECTIVES:
        return True
    if _BACK_REFERENCE.match(body) or _EARLY_ALSO.match(body):
        return True
    said_it = _PLURAL_SAY_IT.match(body)
    if said_it is not None and not _EXPLETIVE_IT.match(body, said_it.end() - 2):
        return True  # ("Analysts said it was too early to tell." is no reference)
    return bool(_SECOND_PLACE.match(body))


_OPENING = {"“": "”", '"': '"', "‘": "’", "«": "»"}
_PRONOUN_ATTRIBUTION = re.compile(
    r"^[\s,;:–—-]*(?:he|she|they|it|we|i|you)\s+(?:\w+\s+)?(?:said|says|added|adds|told|tells|warned|argued|"
    r"explained|insisted|noted|wrote|asked|replied|continued|went on)\b",
    re.IGNORECASE,
)


def _attributed_quotation(text: str) -> bool | None:
    """For a sentence that opens with a quotation closed inside it: whether its attribution leans back (a pronoun
    speaker: '"We will win," he said.'). A named speaker makes the pronouns inside the quotation the speaker's
    own: '"We are asking a lot," said Cllr Raman.' stands alone. ``None`` when the sentence is no such quotation."""
    closing = _OPENING.get(text[:1])
    if closing is None:
        return None
    end = text.find(closing, 1)
    if end < 0 or end + 1 >= len(text.rstrip()):
        return None  # the quotation runs on past the sentence, or is all of it
    return bool(_PRONOUN_ATTRIBUTION.match(text[end + 1 :]))


def _is_quotation_tail(text: str) -> bool:
    """A sentence ending a quotation it did not open: closing quotes at the end and no opening quote before."""
    core = text.rstrip()
    if core.endswith("''") and "``" not in core and "''" not in core[:-2]:
        return True
    if core.endswith("”") and "“" not in core:
        return True
    return core.startswith(("”", "’"))
