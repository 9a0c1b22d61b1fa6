"""Punkt without the rest of NLTK (briefgen.nlp.nltk_import), and stems equal to NLTK's Snowball stemmer."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _run(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_sentences_are_split_without_importing_all_of_nltk() -> None:
    out = _run(
        "import sys\n"
        "from briefgen.nlp import split_sentences\n"
        "print(split_sentences('Mr. Smith went to Washington. He stayed a week.'))\n"
        "print(sorted(m for m in sys.modules if m.startswith('nltk')))\n"
    )
    first, modules = out.splitlines()
    assert first == "['Mr. Smith went to Washington.', 'He stayed a week.']"
    assert "'nltk.tokenize.punkt'" in modules
    assert "nltk.corpus" not in modules and "nltk.stem" not in modules and "nltk.parse" not in modules


def test_the_rest_of_nltk_still_works_afterwards() -> None:
    out = _run(
        "import sys\n"
        "import briefgen.nlp\n"
        "briefgen.nlp.split_sentences('One. Two.')\n"
        "import nltk\n"
        "from nltk.stem.snowball import SnowballStemmer\n"
        "import nltk.tokenize\n"
        "print(nltk.__version__ != '', SnowballStemmer('english').stem('running'), callable(nltk.word_tokenize))\n"
        "print(nltk.stem is sys.modules['nltk.stem'], nltk.tokenize.sent_tokenize is nltk.sent_tokenize)\n"
        "print(type(nltk).__name__, type(nltk.tokenize).__name__)\n"
    )
    assert out.splitlines() == ["True run True", "True True", "module module"]


def test_an_unexpected_import_falls_back_to_the_plain_import() -> None:
    """When Punkt needs a module outside the list (another NLTK release), the whole of NLTK is loaded instead."""
    out = _run(
        "import sys\n"
        "import briefgen.nlp.nltk_import as m\n"
        "for name in [n for n in sys.modules if n == 'nltk' or n.startswith('nltk.')]:\n"
        "    del sys.modules[name]\n"
        "sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, m._CompleteOnOtherImports)]\n"
        "m.LIGHT_MODULES = frozenset({m.PUNKT})\n"
        "print(m.import_punkt_alone())\n"
        "from nltk.tokenize.punkt import PunktSentenceTokenizer\n"
        "print(list(PunktSentenceTokenizer().span_tokenize('One thing. Another thing.')))\n"
        "print('nltk.corpus' in sys.modules, type(sys.modules['nltk']).__name__)\n"
    )
    assert out.splitlines() == ["False", "[(0, 10), (11, 25)]", "True module"]


_WORDS_TEXT = (
    "running runs ran easily fairly generously international universities organization added evening "
    "emergency ecologists vying dying lying skies news cities agreed feed proceed exceeding succeeded "
    "communism generate arsenal hopping hoping controlling relational conditional valenci digitizer "
    "conformabli radicalli differentli vileli analogousli vietnamization predication operator feudalism "
    "decisiveness hopefulness callousness formality sensitivity sensibility triplicate formative formalize "
    "electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable "
    "defensible irritant replacement adjustment dependent adoption homologou communism activate angulariti "
    "homologous effective bowdlerize Kim's don't mp3 covid-19 e-mail"
)
WORDS = tuple(_WORDS_TEXT.split())


def test_stems_are_those_of_nltk_snowball() -> None:
    nltk_stem = pytest.importorskip("nltk.stem.snowball")
    from briefgen.nlp.words import stem

    reference = nltk_stem.SnowballStemmer("english")
    assert [stem(w.lower()) for w in WORDS] == [reference.stem(w.lower()) for w in WORDS]
