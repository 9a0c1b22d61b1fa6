"""Word fields (``PAGE``, ``NUMPAGES``) as complex-field runs, for "Page X of Y" in the footer.

A complex field is five runs: ``fldChar begin``, ``instrText``, ``fldChar separate``, the cached result, and
``fldChar end``. Word and LibreOffice recompute page fields when they lay the document out; the cached result
("1") is what a reader that doesn't shows.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefgen.render.docx.elements import XmlElement, run, run_properties


def _char(kind: str, style_id: str | None) -> XmlElement:
    r = OxmlElement("w:r")
    props = run_properties(style_id)
    if props is not None:
        r.append(props)
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), kind)
    r.append(fld)
    return r


def field_runs(instruction: str, cached: str = "1", style_id: str | None = None) -> list[XmlElement]:
    """The runs of a field such as ``PAGE`` or ``NUMPAGES``."""
    instr_run = OxmlElement("w:r")
    props = run_properties(style_id)
    if props is not None:
        instr_run.append(props)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} \\* MERGEFORMAT "
    instr_run.append(instr)
    return [
        _char("begin", style_id),
        instr_run,
        _char("separate", style_id),
        run(cached, style_id),
        _char("end", style_id),
    ]


def page_number_runs(pieces: list[str], style_id: str | None = None) -> list[XmlElement]:
    """Runs for a page-number format cut into pieces (``["Page ", "{page}", " of ", "{pages}"]``)."""
    runs: list[XmlElement] = []
    for piece in pieces:
        if piece == "{page}":
            runs += field_runs("PAGE", "1", style_id)
        elif piece == "{pages}":
            runs += field_runs("NUMPAGES", "1", style_id)
        else:
            runs.append(run(piece, style_id))
    return runs
