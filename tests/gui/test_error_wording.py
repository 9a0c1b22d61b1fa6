"""The app words an id the sources do not hold with its own names for the lists, not the command line's options."""

from __future__ import annotations

from briefgen.errors import IdList, IdProblem, UnknownIdError
from briefgen.gui.errors_dialog import describe, error_text


def test_ids_are_named_by_the_apps_own_lists(qapp: object) -> None:
    assert describe(UnknownIdError(IdList.PIN, "x.a1.s1.t9")) == ("", "Pinned sentences: unknown id 'x.a1.s1.t9'")
    text = error_text(UnknownIdError(IdList.SELECT, "x.a1.s1.t1", IdProblem.SENTENCE_SELECTED))
    assert text.startswith("Ticked sections: 'x.a1.s1.t1' is a sentence id")
    assert "--" not in text
