"""A brief from a workspace's choices: pins outside the ticked sections and vanished ids are left out, not refused;
the template is named, and resolved where every build resolves it."""

from __future__ import annotations

import dataclasses

import pytest

from briefgen.build_choices import BriefChoices, build_from_choices
from briefgen.corpus import Corpus
from briefgen.errors import InputError
from briefgen.ingest import source_from_text
from briefgen.summarize.api import Budget

TEXT = """# Harbour barrier approved

The council approved a £412m tidal barrier across the harbour mouth on Tuesday night.
Council tax will rise by an average of £96 a year for the life of the loan.

## Next steps

Construction is due to start in spring 2026 and finish by 2031.
The contractor will be named in the autumn after a public tender.
"""


def choices(**changes: object) -> BriefChoices:
    corpus = Corpus([source_from_text(TEXT, "news.md", "markdown")])
    base = BriefChoices(corpus, (), frozenset(), frozenset(), Budget(sentences=3), "default", "policy-brief")
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_pins_outside_the_ticked_sections_and_vanished_ids_are_left_out() -> None:
    plain = choices()
    first, second = (sec for _, _, sec in plain.corpus.sections())
    outside_pin = second.sentences[-1].id
    chosen = choices(selection=(first.id,), pins=frozenset({outside_pin, "gone.a1.s1.t1"}), excludes={"gone.a1"})
    brief = build_from_choices(chosen).brief
    assert brief.sentences()
    assert outside_pin not in {s.id for s in brief.sentences()}


def test_the_template_is_resolved_by_name() -> None:
    assert build_from_choices(choices(template="research-digest")).template.name == "research-digest"
    with pytest.raises(InputError, match='no template named "no-such-one"'):
        build_from_choices(choices(template="no-such-one"))
