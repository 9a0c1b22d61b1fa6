"""The brief's provenance document: what it records, and reading it back."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from briefgen.ingest import load_sources
from briefgen.provenance import (
    PROVENANCE_FORMAT,
    ProvenanceError,
    parse_provenance,
    provenance_json,
    provenance_of,
    text_sha256,
    to_json,
)
from tests.verify.conftest import build


def test_it_records_every_sentence_with_its_source_hash_and_offsets(tmp_path: Path) -> None:
    built = build(tmp_path, "md")
    provenance = provenance_of(built.brief)
    assert [s.id for s in provenance.sentences] == [s.id for s in built.brief.sentences()]
    corpus = load_sources(built.sources).corpus
    digests = {hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in built.sources}
    for sentence in provenance.sentences:
        assert sentence.sha256 == hashlib.sha256(sentence.text.encode("utf-8")).hexdigest()
        assert sentence.citations
        for c in sentence.citations:
            assert c.source_sha256 in digests and c.source == c.source_sha256[:8]
            assert corpus.section(c.section).text[c.start : c.end] == sentence.text
    assert [(e.number, e.path) for e in provenance.sources] == [
        (e.number, Path(e.path).name) for e in built.brief.sources
    ]
    assert all("/" not in e.path for e in provenance.sources), "no folder of the machine that made it"
    assert all(e.source_sha256 in digests for e in provenance.sources)


def test_json_round_trip_is_ascii_and_lossless(tmp_path: Path) -> None:
    built = build(tmp_path, "md")
    text = provenance_json(built.brief)
    assert text.isascii() and "\n" not in text
    assert json.loads(text)["format"] == PROVENANCE_FORMAT
    assert parse_provenance(text) == provenance_of(built.brief)
    assert parse_provenance(text.encode("ascii")) == provenance_of(built.brief)


def test_text_hash_takes_any_string() -> None:
    assert text_sha256("é") == hashlib.sha256("é".encode()).hexdigest()
    assert len(text_sha256("lone \ud800 surrogate")) == 64


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("not json", "not JSON"),
        ('{"format": "something-else", "version": 1}', "not briefgen's"),
        ('{"format": "briefgen-provenance", "version": 99}', "version 99"),
        ('{"format": "briefgen-provenance", "version": true}', "no valid version"),
        ('{"format": "briefgen-provenance", "version": 1, "title": "t", "sentences": {}, "sources": []}', "damaged"),
        ('{"format": "briefgen-provenance", "version": 1, "title": "t", "sources": []}', "damaged"),
    ],
)
def test_unreadable_provenance_is_refused(data: str, message: str) -> None:
    with pytest.raises(ProvenanceError, match=message):
        parse_provenance(data)


def test_a_citation_that_ends_before_it_starts_is_damaged(tmp_path: Path) -> None:
    obj = json.loads(to_json(provenance_of(build(tmp_path, "md").brief)))
    obj["sentences"][0]["citations"][0]["end"] = -1
    with pytest.raises(ProvenanceError, match="damaged"):
        parse_provenance(json.dumps(obj))
