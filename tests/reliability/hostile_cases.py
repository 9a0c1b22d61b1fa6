"""The hostile-input suite: every case, each with exactly one expected outcome and its reason.

A case is files made at test time (nothing is downloaded) and one ``briefgen`` command; it is either *refused*
(exit 2, every stderr line starting ``briefgen:``, the error line naming the file and the problem, nothing
written and a previous output left whole) or *accepted* (exit 0 and the right content, checked by the case).
The cases live in ``hostile_cases_sources.py`` and ``hostile_cases_formats.py`` (what is read),
``hostile_cases_config.py`` (templates, logos), ``hostile_cases_projects.py`` (projects) and
``hostile_cases_outputs.py`` (what is written); ``hostile_runner.py`` runs them.

Web addresses are tested against a local server in ``tests/ingest/test_url_safety.py`` (loopback and private
hosts in every spelling, redirects, a server trickling its headers, credentials in URLs, gzip bodies).
"""

from __future__ import annotations

from tests.reliability.hostile_cases_config import TEMPLATE_CASES
from tests.reliability.hostile_cases_outputs import OUTPUT_CASES
from tests.reliability.hostile_cases_projects import PROJECT_CASES
from tests.reliability.hostile_cases_sources import SOURCE_CASES
from tests.reliability.hostile_model import ACCEPTED, REFUSED, SECRET, Case

CASES: tuple[Case, ...] = (*SOURCE_CASES, *TEMPLATE_CASES, *PROJECT_CASES, *OUTPUT_CASES)

__all__ = ["ACCEPTED", "CASES", "REFUSED", "SECRET", "Case"]
