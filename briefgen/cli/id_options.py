"""The command line's wording of an id the sources do not hold (or of the wrong kind): named by its option
(``--select``, ``--exclude``, ``--pin``), with where to find the ids."""

from __future__ import annotations

from briefgen.errors import IdProblem, InputError, UnknownIdError

IDS_HINT = "(list the ids with: briefgen inspect FILE)"


def option_error(exc: UnknownIdError) -> InputError:
    """*exc* as the command line words it: ``--pin: unknown id 'x' (list the ids with: briefgen inspect FILE)``."""
    reason = exc.worded(f"--{exc.id_list}")
    if exc.problem in (IdProblem.UNKNOWN, IdProblem.UNKNOWN_SENTENCE):
        reason = f"{reason} {IDS_HINT}"
    return InputError(reason, exc.path)
