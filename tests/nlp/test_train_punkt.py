"""``tools/train_punkt.py``: learns abbreviations from a corpus offline and merges them into the parameters file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from tests.load_script import load_script

REPO = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    return load_script(REPO / "tools" / "train_punkt.py")


def test_a_learned_abbreviation_is_listed_then_merged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.txt"
    names = ("Smith", "Jones", "Patel")
    corpus.write_text(
        " ".join(f"Cllr. {names[i % 3]} said the plan was agreed on day {i}. It costs more." for i in range(300)),
        encoding="utf-8",
    )
    params = tmp_path / "punkt.json"
    shutil.copyfile(REPO / "resources" / "nlp" / "punkt_en.json", params)
    before = params.read_bytes()
    tool = _tool()

    assert tool.main([str(corpus), "--params", str(params)]) == 0
    assert "cllr.\t300" in capsys.readouterr().out
    assert params.read_bytes() == before, "without --write the file is left alone"

    assert tool.main([str(corpus), "--params", str(params), "--write"]) == 0
    abbreviations = json.loads(params.read_text(encoding="utf-8"))["abbrev_types"]
    assert "cllr" in abbreviations and "u.s" in abbreviations, "learned ones are added, hand-written ones kept"
    assert abbreviations == sorted(abbreviations)


def test_an_unreadable_corpus_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\u00e9".encode("latin-1"))
    with pytest.raises(SystemExit, match=r"latin1\.txt: cannot read it as UTF-8"):
        _tool().main([str(bad)])
