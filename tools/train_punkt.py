"""Learn abbreviations for the sentence splitter from text you supply, and merge them into ``punkt_en.json``.

A maintenance tool, never used when briefgen runs: the splitter reads the parameters from
``resources/nlp/punkt_en.json`` (see ``resources/nlp/README.md``). It runs NLTK's ``PunktTrainer`` (unsupervised,
no download, no network) over UTF-8 text files given on the command line and lists the abbreviations it learns
that the file does not have yet. Only abbreviations are merged; the trainer's collocations and sentence starters
are statistics of one corpus and are left out on purpose.

Usage, from the repository root::

    .venv/bin/python tools/train_punkt.py corpus/*.txt               # list what would be added
    .venv/bin/python tools/train_punkt.py corpus/*.txt --write       # add them to resources/nlp/punkt_en.json
    .venv/bin/python tools/train_punkt.py corpus/*.txt --min-count 5 --params other.json --write

Review the list before writing: a learned "abbreviation" can be a real word that often ends a sentence in the
corpus. Add a case for each new entry to ``tests/nlp/test_sentences.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from nltk.tokenize.punkt import PunktTrainer

from briefgen.fileio import atomic_write_text

REPO = Path(__file__).resolve().parent.parent
PARAMS = REPO / "resources" / "nlp" / "punkt_en.json"


def learn_abbreviations(texts: Iterable[str]) -> set[str]:
    """The abbreviation types (lower case, without the final period) Punkt learns from *texts*."""
    trainer = PunktTrainer()
    for text in texts:
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    return {str(a) for a in trainer.get_params().abbrev_types}


def occurrences(texts: Iterable[str], abbreviations: set[str]) -> Counter[str]:
    """How often each abbreviation is written with its period (``u.s`` counts ``U.S.``), case-insensitively."""
    counts: Counter[str] = Counter()
    for text in texts:
        for word in text.lower().split():
            stripped = word.strip("\"'()[]{}<>,;:!?\u201c\u201d\u2018\u2019")
            if stripped.endswith(".") and stripped[:-1] in abbreviations:
                counts[stripped[:-1]] += 1
    return counts


def merge(params_path: Path, learned: set[str], *, write: bool) -> list[str]:
    """The learned abbreviations the file lacks, sorted; with *write*, the file is rewritten with them added."""
    try:
        data = json.loads(params_path.read_text(encoding="utf-8"))
        known = {str(a).lower() for a in data["abbrev_types"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SystemExit(f"{params_path}: cannot read the Punkt parameters ({exc})") from None
    new = sorted(learned - known)
    if write and new:
        data["abbrev_types"] = sorted(known | set(new))
        atomic_write_text(params_path, json.dumps(data, indent=0, ensure_ascii=False) + "\n")
    return new


def _read(paths: Sequence[Path]) -> list[str]:
    texts = []
    for path in paths:
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise SystemExit(f"{path}: cannot read it as UTF-8 text ({exc})") from None
    return texts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path, help="UTF-8 text files to learn from")
    parser.add_argument("--params", type=Path, default=PARAMS, help="the parameters file (default: %(default)s)")
    parser.add_argument("--min-count", type=int, default=2, help="keep abbreviations seen at least this often")
    parser.add_argument("--write", action="store_true", help="add the new abbreviations to the parameters file")
    args = parser.parse_args(argv)
    texts = _read(args.corpus)
    learned = learn_abbreviations(texts)
    counts = occurrences(texts, learned)
    kept = {a for a in learned if counts[a] >= args.min_count}
    new = merge(args.params, kept, write=args.write)
    for abbreviation in new:
        print(f"{abbreviation}.\t{counts[abbreviation]}")
    verb = "added to" if args.write else "not yet in"
    print(f"{len(new)} learned abbreviation(s) {verb} {args.params}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
