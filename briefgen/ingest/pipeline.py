from __future__ import annotations

from typing import Any


def load_sources(*args: Any, **kwargs: Any) -> Any:
    raise NotImplementedError


def read_source(*args: Any, **kwargs: Any) -> Any:
    raise NotImplementedError
