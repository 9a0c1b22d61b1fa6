"""Summarisation algorithms by name, in :data:`ALGORITHMS` (a :class:`~briefgen.registry.Registry`). Modules
are imported on first use so that importing briefgen stays fast."""

from __future__ import annotations

from briefgen.errors import InputError
from briefgen.registry import Registry
from briefgen.summarize.interface import Algorithm

AlgorithmClass = type[Algorithm]

ALGORITHMS: Registry[AlgorithmClass] = Registry("summarisation algorithm")
"""name -> a class implementing :class:`~briefgen.summarize.interface.Algorithm`, or its ``"module:Class"``."""
ALGORITHMS.register("textrank", "briefgen.summarize.textrank:TextRank")
ALGORITHMS.register("coverage", "briefgen.summarize.coverage:Coverage")
ALGORITHMS.register("lead", "briefgen.summarize.lead:Lead")

DEFAULT_ALGORITHM = "textrank"
"""What ``"default"`` means: the algorithm that scores best in ``benchmarks/rouge_bbc.py`` (docs/summarize.md)."""


def algorithm_names() -> tuple[str, ...]:
    """Names accepted by :func:`get_algorithm` (besides ``"default"``), in a stable order."""
    return ALGORITHMS.names()


def resolve_name(name: str) -> str:
    """The registered name *name* stands for (``"default"`` -> :data:`DEFAULT_ALGORITHM`)."""
    key = name.strip().lower()
    if key in ("", "default"):
        return DEFAULT_ALGORITHM
    if key not in ALGORITHMS:
        choices = ", ".join(algorithm_names())
        raise InputError(f"unknown summarisation algorithm {name!r} (choose from: default, {choices})")
    return key


def get_algorithm(name: str) -> Algorithm:
    """A new instance of the algorithm called *name*; :class:`InputError` for an unknown name."""
    return ALGORITHMS.get(resolve_name(name))()


def register_algorithm(name: str, ref: AlgorithmClass | str) -> None:
    """Make a class (or its ``"module:Class"``) available as *name* (for plug-ins and tests)."""
    ALGORITHMS.register(name.strip().lower(), ref)
