"""NLTK Punkt with its own compiled regular expressions called directly, and its per-context decisions cached.

NLTK 3.10 compiles every regular expression with the third-party ``regex`` engine and wraps it in
``nltk.redos.TimedPattern``, which runs each match under a wall-clock time limit (a defence against patterns that
callers supply). Punkt's patterns are NLTK's own, fixed ones; for them the wrapper is pure overhead: about half of
Punkt's time on news text. The classes here hand Punkt the very pattern objects the wrappers hold (same engine,
same source, same flags), so every match is the same match. Stdlib ``re`` is deliberately not used: its Unicode
tables differ from ``regex``'s (``\\w`` excludes combining marks and superscript digits there, ``\\s`` the
information separators), which would move sentence boundaries in some texts.

Where a pattern is not a wrapper of the expected shape (an NLTK release before 3.10 compiles with plain ``re``, a
later one may change the wrapper) the pattern is used as it is: slower, never different.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

import nltk.tokenize.punkt as _punkt
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

_TYPES_KEPT = 100_000
"""Distinct tokens whose Punkt type is remembered."""


def plain_pattern(pattern: Any) -> Any:
    """The compiled pattern an ``nltk.redos.TimedPattern`` wraps, or *pattern* itself when it is not one."""
    if type(pattern).__name__ != "TimedPattern":
        return pattern
    inner = getattr(pattern, "_rx", None)
    return inner if callable(getattr(inner, "finditer", None)) else pattern


class PlainPatternLanguageVars(PunktLanguageVars):  # type: ignore[misc]
    """Punkt language variables whose patterns are called without the time-limit wrapper."""

    re_boundary_realignment = plain_pattern(PunktLanguageVars.re_boundary_realignment)

    def _word_tokenizer_re(self) -> Any:
        try:
            return self._plain_word_tokenizer
        except AttributeError:
            self._plain_word_tokenizer: Any = plain_pattern(super()._word_tokenizer_re())
            return self._plain_word_tokenizer

    def period_context_re(self) -> Any:
        try:
            return self._plain_period_context
        except AttributeError:
            self._plain_period_context: Any = plain_pattern(super().period_context_re())
            return self._plain_period_context

    def word_tokenize(self, s: str) -> list[str]:
        return self._word_tokenizer_re().findall(s)  # type: ignore[no-any-return]


_NUMERIC = plain_pattern(PunktToken._RE_NUMERIC)
_NON_PUNCT = plain_pattern(getattr(_punkt, "_re_non_punct", None))


@lru_cache(maxsize=_TYPES_KEPT)
def _token_type(tok: str) -> str:
    """Punkt's case-normalised type of a token (numbers become ``##number##``); cached, tokens repeat."""
    return str(_NUMERIC.sub("##number##", tok.lower()))


class PlainPatternToken(PunktToken):  # type: ignore[misc]
    """A Punkt token whose patterns are called without the time-limit wrapper (same patterns, same results)."""

    if not TYPE_CHECKING:  # no instance dictionary (mypy cannot see the slots of the untyped base class)
        __slots__ = ()
    _RE_ELLIPSIS = plain_pattern(PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = _NUMERIC
    _RE_INITIAL = plain_pattern(PunktToken._RE_INITIAL)
    _RE_ALPHA = plain_pattern(PunktToken._RE_ALPHA)

    def __init__(self, tok: str, **params: Any) -> None:
        # PunktToken.__init__: every property None, then those given (an unknown name still raises)
        self.tok = tok
        self.type = _token_type(tok)
        self.period_final = tok.endswith(".")
        self.parastart = self.linestart = self.sentbreak = self.abbr = self.ellipsis = None
        for name, value in params.items():
            setattr(self, name, value)

    @property
    def is_non_punct(self) -> Any:
        if _NON_PUNCT is None:
            return super().is_non_punct
        return _NON_PUNCT.search(self.type)


class FastPunktTokenizer(PunktSentenceTokenizer):  # type: ignore[misc]
    """Punkt's sentence tokenizer with plain patterns: same spans as ``PunktSentenceTokenizer``."""

    def __init__(self, params: PunktParameters, lang_vars: PunktLanguageVars) -> None:
        super().__init__(params, lang_vars=lang_vars, token_cls=PlainPatternToken)
