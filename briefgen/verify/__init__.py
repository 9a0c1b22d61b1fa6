"""``briefgen verify``: read a brief back and check that every cited sentence still occurs verbatim in its source.

    from briefgen.verify import verify_brief, report_lines
    report = verify_brief("brief.docx", ["a.txt", "b.html"])
    print("\\n".join(report_lines(report)))   # ... "12 of 13 sentences verified"

:mod:`~briefgen.verify.reading` reads a brief back (``read_pdf``, ``read_docx``, ``read_markdown``: the embedded
provenance of :mod:`briefgen.provenance` and the visible text), :mod:`~briefgen.verify.matching` finds sentences
in it, :mod:`~briefgen.verify.verifier` runs the checks and :mod:`~briefgen.verify.report` words the outcome.
"""

from briefgen.verify.report import SentenceCheck, VerifyReport, report_lines
from briefgen.verify.verifier import verify_brief

__all__ = ["SentenceCheck", "VerifyReport", "report_lines", "verify_brief"]
