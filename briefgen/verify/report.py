"""The outcome of verifying a brief: one check per sentence, and the lines the command prints."""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.verify.matching import shown


@dataclass(frozen=True, slots=True)
class SentenceCheck:
    id: str
    """The sentence's id (empty when it was found without provenance)."""
    text: str
    reasons: tuple[str, ...] = ()
    """Why the sentence is not verified; empty when it is."""

    @property
    def verified(self) -> bool:
        return not self.reasons


@dataclass(frozen=True, slots=True)
class VerifyReport:
    format: str
    """The brief's format: ``pdf``, ``docx`` or ``md``."""
    checks: tuple[SentenceCheck, ...]
    provenance: bool
    """Whether the brief's own provenance was read (else each sentence of its text was looked for in the
    sources)."""
    provenance_problem: str | None = None
    """Why provenance was not used: missing, or unreadable."""
    notes: tuple[str, ...] = ()
    """What the reader should know besides (e.g. a source that changed since the brief was made)."""

    @property
    def total(self) -> int:
        return len(self.checks)

    @property
    def verified(self) -> int:
        return sum(1 for c in self.checks if c.verified)

    @property
    def ok(self) -> bool:
        return self.total > 0 and self.verified == self.total

    def failures(self) -> tuple[SentenceCheck, ...]:
        return tuple(c for c in self.checks if not c.verified)


def report_lines(report: VerifyReport) -> list[str]:
    """Notes (a changed source, missing provenance), one line per sentence not verified, then ``N of M sentences
    verified``."""
    lines: list[str] = [f"note: {note}" for note in report.notes]
    if not report.provenance:
        lines.append(
            f"provenance missing ({report.provenance_problem or 'none in the brief'}): "
            "each sentence of the brief's text was looked for verbatim in the sources"
        )
    for check in report.failures():
        lines.append(f'not verified: "{shown(check.text)}" — {"; ".join(check.reasons)}')
    lines.append(f"{report.verified} of {report.total} sentences verified")  # one fixed form, for scripts too
    return lines
