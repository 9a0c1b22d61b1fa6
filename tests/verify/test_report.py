"""The lines ``briefgen verify`` prints."""

from __future__ import annotations

from briefgen.verify.report import SentenceCheck, VerifyReport, report_lines


def test_failures_then_the_count() -> None:
    long = "A sentence that is long enough to be cut when it is shown, since it runs on well past eighty characters."
    report = VerifyReport(
        "docx",
        (SentenceCheck("a", "Fine."), SentenceCheck("b", long, ("one reason", "another"))),
        provenance=True,
        notes=("x.txt changed since the brief was made",),
    )
    assert report.total == 2 and report.verified == 1 and not report.ok
    assert report_lines(report) == [
        "note: x.txt changed since the brief was made",
        f'not verified: "{long[:80].rstrip()}…" — one reason; another',
        "1 of 2 sentences verified",
    ]


def test_missing_provenance_is_said() -> None:
    report = VerifyReport("md", (SentenceCheck("", "Fine."),), provenance=False, provenance_problem="none in the brief")
    assert report.ok
    assert report_lines(report)[0].startswith("provenance missing (none in the brief): ")
    assert report_lines(report)[-1] == "1 of 1 sentences verified"


def test_no_sentences_is_not_ok() -> None:
    assert not VerifyReport("md", (), provenance=True).ok
