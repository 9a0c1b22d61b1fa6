"""Typed errors: an id the sources do not hold is worded plainly by the engine and by each face with its own names,
and errors survive the trip to and from a worker process."""

from __future__ import annotations

import pickle

import pytest

from briefgen.errors import IdList, IdProblem, InputError, TemplateError, UnknownIdError


@pytest.mark.parametrize(
    ("error", "plain", "as_option"),
    [
        (UnknownIdError(IdList.SELECT, "x.a9"), "unknown id in the selection: 'x.a9'", "--select: unknown id 'x.a9'"),
        (UnknownIdError(IdList.EXCLUDE, "x"), "unknown id to be excluded: 'x'", "--exclude: unknown id 'x'"),
        (
            UnknownIdError(IdList.PIN, "x.a1.s1.t9", IdProblem.UNKNOWN_SENTENCE),
            "unknown sentence id to be pinned: 'x.a1.s1.t9'",
            "--pin: unknown id 'x.a1.s1.t9'",
        ),
        (
            UnknownIdError(IdList.PIN, "x.a1", IdProblem.NOT_A_SENTENCE),
            "only sentences can be pinned: 'x.a1' is not a sentence id",
            "--pin: 'x.a1' is not a sentence id; only sentences can be pinned",
        ),
        (
            UnknownIdError(IdList.SELECT, "x.a1.s1.t1", IdProblem.SENTENCE_SELECTED),
            "'x.a1.s1.t1' is a sentence id; select sources, articles or sections (pin or exclude sentences)",
            "--select: 'x.a1.s1.t1' is a sentence id; select sources, articles or sections",
        ),
        (
            UnknownIdError(IdList.PIN, "x.a1.s2.t1", IdProblem.OUTSIDE_SELECTION),
            "pinned sentence 'x.a1.s2.t1' is outside the selected sections",
            "--pin: sentence 'x.a1.s2.t1' is outside the selected sections",
        ),
    ],
)
def test_an_unknown_id_is_worded_plainly_and_by_option(error: UnknownIdError, plain: str, as_option: str) -> None:
    assert isinstance(error, InputError)
    assert str(error) == error.reason == plain
    assert error.worded(f"--{error.id_list}") == as_option


def test_errors_survive_pickling() -> None:
    unknown = pickle.loads(pickle.dumps(UnknownIdError(IdList.PIN, "x.a1", IdProblem.NOT_A_SENTENCE)))
    assert (unknown.id_list, unknown.id, unknown.problem) == (IdList.PIN, "x.a1", IdProblem.NOT_A_SENTENCE)
    template = pickle.loads(pickle.dumps(TemplateError("t.json", "page.size", "must be A4 or Letter")))
    assert str(template) == 'template "t.json": page.size must be A4 or Letter'
    assert (template.origin, template.field, template.path) == ("t.json", "page.size", "t.json")
