"""Loading NLTK Punkt parameters from briefgen's own JSON file (``resources/nlp/punkt_en.json``)."""

from __future__ import annotations

import json
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters

from briefgen.errors import ResourceError
from briefgen.resources import read_resource_text, resource_path

PUNKT_FILE = ("nlp", "punkt_en.json")


@lru_cache(maxsize=1)
def load_punkt_parameters() -> PunktParameters:
    """Punkt parameters for English; raises :class:`ResourceError` naming the file if it is missing or bad."""
    raw = read_resource_text(*PUNKT_FILE)
    try:
        data = json.loads(raw)
        abbrevs = [str(a).lower() for a in data["abbrev_types"]]
        collocations = [(str(a), str(b)) for a, b in data.get("collocations", [])]
        starters = [str(s).lower() for s in data.get("sent_starters", [])]
    except (ValueError, KeyError, TypeError) as exc:
        raise ResourceError(f"Punkt parameters are malformed ({exc})", str(resource_path(*PUNKT_FILE))) from None
    params = PunktParameters()
    params.abbrev_types = set(abbrevs)
    params.collocations = set(collocations)
    params.sent_starters = set(starters)
    return params


def abbreviations() -> frozenset[str]:
    return frozenset(load_punkt_parameters().abbrev_types)
