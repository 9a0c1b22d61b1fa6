"""Parts are built through one table (:data:`briefgen.compose.parts.PART_BUILDERS`) that covers every part type
a template can list."""

from __future__ import annotations

import pytest

from briefgen.compose.parts import PART_BUILDERS
from briefgen.registry import UnknownName
from briefgen.templates.schema import PartType


def test_every_part_type_has_one_builder() -> None:
    assert sorted(PART_BUILDERS.names()) == sorted(PartType)
    assert all(callable(PART_BUILDERS.get(kind)) for kind in PartType)


def test_a_part_type_nothing_builds_is_refused_by_name() -> None:
    with pytest.raises(UnknownName, match="unknown part type 'appendix'"):
        PART_BUILDERS.get("appendix")
