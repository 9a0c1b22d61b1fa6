"""Summarisation algorithms by name. Modules are imported on first use so that importing briefgen stays fast."""

from __future__ import annotations

import importlib

from briefgen.errors import InputError
from briefgen.summarize.interface import Algorithm

_ALGORITHMS: dict[str, str] = {
    "textrank": "briefgen.summarize.textrank:TextRank",
    "coverage": "briefgen.summarize.coverage:Coverage",
    "lead": "briefgen.summarize.lead:Lead",
}
"""name -> ``"module:Class"``; each class implements :class:`~briefgen.summarize.interface.Algorithm`."""

DEFAULT_ALGORITHM = "textrank"
"""What ``"default"`` means: the algorithm that scores best in ``benchmarks/rouge_bbc.py`` (docs/summarize.md)."""


def algorithm_names() -> tuple[str, ...]:
    """Names accepted by :func:`get_algorithm` (besides ``"default"``), in a stable order."""
    return tuple(_ALGORITHMS)


def resolve_name(name: str) -> str:
    """The registered name *name* stands for (``"default"`` -> :data:`DEFAULT_ALGORITHM`)."""
    key = name.strip().lower()
    if key in ("", "default"):
        return DEFAULT_ALGORITHM
    if key not in _ALGORITHMS:
        choices = ", ".join(algorithm_names())
        raise InputError(f"unknown summarisation algorithm {name!r} (choose from: default, {choices})")
    return key


def get_algorithm(name: str) -> Algorithm:
    """A new instance of the algorithm called *name*; :class:`InputError` for an unknown name."""
    module_name, _, class_name = _ALGORITHMS[resolve_name(name)].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    algorithm: Algorithm = cls()
    return algorithm


def register_algorithm(name: str, ref: str) -> None:
    """Make ``"module:Class"`` available as *name* (for plug-ins and tests)."""
    _ALGORITHMS[name.strip().lower()] = ref
