"""Typed exceptions the engine raises.

Every error that can reach a user carries the file it concerns (when there is one) and a plain-words reason.
The command line maps :class:`InputError` (and its kinds below) to exit status 2 and the desktop app shows it in
a dialog. An error that names something the user typed (:class:`UnknownIdError`) carries it as data, so that the
command line can word it with its option names and the app with its own.
"""

from __future__ import annotations

from enum import StrEnum


class BriefgenError(Exception):
    """Base class of all errors raised on purpose by briefgen."""


class InputError(BriefgenError):
    """Bad input from the user: a file that is missing, empty, undecodable, too large, malformed..."""

    def __init__(self, reason: str, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)


class TemplateError(InputError):
    """A template that cannot be used; ``field`` is the dotted path of the bad value (``""`` for the file)."""

    def __init__(self, origin: str, field: str, problem: str) -> None:
        self.origin = origin
        self.field = field
        self.problem = problem
        super().__init__(f"{field} {problem}" if field else problem, origin)
        self.args = (f'template "{origin}": {self.reason}',)

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[type[TemplateError], tuple[str, str, str]]:
        return (type(self), (self.origin, self.field, self.problem))


class IdList(StrEnum):
    """Which of a brief's id lists an id was given in."""

    SELECT = "select"
    """Sources, articles or sections to summarise."""
    EXCLUDE = "exclude"
    """Ids to leave out."""
    PIN = "pin"
    """Sentences always used."""


class IdProblem(StrEnum):
    """What is wrong with an id in one of the lists."""

    UNKNOWN = "unknown"
    """The sources hold no such id."""
    UNKNOWN_SENTENCE = "unknown sentence"
    """The sources hold no such id, in a list that takes sentence ids only."""
    SENTENCE_SELECTED = "sentence selected"
    """A sentence id where sources, articles or sections are selected."""
    NOT_A_SENTENCE = "not a sentence"
    """An id of a source, article or section in a list that takes sentence ids only."""
    OUTSIDE_SELECTION = "outside the selection"
    """A pinned sentence outside the selected sections (where that is refused)."""


_DONE_TO = {IdList.SELECT: "selected", IdList.EXCLUDE: "excluded", IdList.PIN: "pinned"}


class UnknownIdError(InputError):
    """An id in a brief's selection, excludes or pins that the sources do not hold, or that is of the wrong kind
    for its list (:attr:`problem`). Its message names the list in plain words; :meth:`worded` gives the reason
    under the caller's own name for the list (``--pin`` on the command line, the app's own label)."""

    def __init__(self, id_list: IdList, any_id: str, problem: IdProblem = IdProblem.UNKNOWN) -> None:
        self.id_list = id_list
        self.id = any_id
        self.problem = problem
        super().__init__(self._plain())

    def _plain(self) -> str:
        shown, done = repr(self.id), _DONE_TO[self.id_list]
        if self.problem is IdProblem.SENTENCE_SELECTED:
            return f"{shown} is a sentence id; select sources, articles or sections (pin or exclude sentences)"
        if self.problem is IdProblem.NOT_A_SENTENCE:
            return f"only sentences can be {done}: {shown} is not a sentence id"
        if self.problem is IdProblem.OUTSIDE_SELECTION:
            return f"pinned sentence {shown} is outside the selected sections"
        if self.id_list is IdList.SELECT:
            return f"unknown id in the selection: {shown}"
        kind = "sentence id" if self.problem is IdProblem.UNKNOWN_SENTENCE else "id"
        return f"unknown {kind} to be {done}: {shown}"

    def worded(self, list_name: str) -> str:
        """The one-line reason with the list called *list_name*: ``--pin: unknown id 'x'``."""
        shown = repr(self.id)
        if self.problem is IdProblem.SENTENCE_SELECTED:
            return f"{list_name}: {shown} is a sentence id; select sources, articles or sections"
        if self.problem is IdProblem.NOT_A_SENTENCE:
            return f"{list_name}: {shown} is not a sentence id; only sentences can be {_DONE_TO[self.id_list]}"
        if self.problem is IdProblem.OUTSIDE_SELECTION:
            return f"{list_name}: sentence {shown} is outside the selected sections"
        return f"{list_name}: unknown id {shown}"

    def __reduce__(self) -> tuple[type[UnknownIdError], tuple[IdList, str, IdProblem]]:
        return (type(self), (self.id_list, self.id, self.problem))


class ResourceError(BriefgenError):
    """A data file that ships with briefgen is missing or damaged (an installation problem)."""

    def __init__(self, reason: str, path: str) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason} (briefgen's installation looks incomplete; reinstall it)")


class Cancelled(BriefgenError):  # noqa: N818 - reads better at the raise site
    """A long operation was cancelled through its :class:`~briefgen.progress.CancelToken`."""

    def __init__(self) -> None:
        super().__init__("cancelled")
