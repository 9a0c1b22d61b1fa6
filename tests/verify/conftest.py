"""Sources written here, briefs built from them with ``build_brief``, and helpers to change a brief after export."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from briefgen.brief import Brief, BriefSentence
from briefgen.build import BuildResult, build_brief
from briefgen.compose import BriefDetails

HARBOUR = """Harbour plan approved after long debate

The city council approved the new harbour plan on Tuesday after a debate that lasted nine hours. The plan sets \
aside 40 million euros for a sea wall and a new ferry terminal. Opponents said the sea wall would harm the \
fishing fleet that has used the harbour for two centuries.

The mayor said the decision was the most important one the council had taken in a decade. Work on the sea wall \
is due to start in the spring and to finish within three years. The ferry terminal will open in stages, the first \
of them in 2027.

Local fishermen plan to appeal against the decision in the regional court. Their lawyer said the council had \
ignored a report on the effects of the wall on fish stocks.
"""

FERRIES = """# Ferry operators welcome the harbour decision

Two ferry operators welcomed the council's decision to build a new terminal. They said passenger numbers had \
doubled since 2015 and the old pier could no longer cope. One operator said it would add three new routes once \
the terminal opens.

Environmental groups were more cautious about the plan. They warned that dredging the harbour mouth could \
disturb a protected seagrass meadow. The council said a study of the meadow would be published before any \
dredging began.
"""

DAY = dt.date(2024, 5, 2)


@dataclasses.dataclass(frozen=True)
class Built:
    result: BuildResult
    path: Path
    sources: list[str]

    @property
    def brief(self) -> Brief:
        return self.result.brief


def write_sources(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (folder / "ferries.md").write_text(FERRIES, encoding="utf-8")
    return [str(folder / "harbour.txt"), str(folder / "ferries.md")]


def build(folder: Path, extension: str, template: str | None = None) -> Built:
    sources = write_sources(folder / "sources")
    path = folder / f"brief.{extension}"
    result = build_brief(sources, template, output=path, details=BriefDetails(day=DAY))
    return Built(result, path, sources)


@pytest.fixture(params=["pdf", "docx", "md"])
def any_format(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def with_text(brief: Brief, sentence_id: str, text: str) -> Brief:
    """*brief* with the sentence *sentence_id* reading *text* (its citations unchanged)."""

    def change(s: BriefSentence) -> BriefSentence:
        return dataclasses.replace(s, text=text, emphasis=()) if s.id == sentence_id else s

    parts = tuple(dataclasses.replace(p, sentences=tuple(change(s) for s in p.sentences)) for p in brief.parts)
    return dataclasses.replace(brief, parts=parts)


def one_word_changed(text: str) -> str:
    """*text* with its longest word replaced by another word."""
    words = text.split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i].strip(".,;:")))
    words[longest] = "REPLACED"
    return " ".join(words)
