"""The in-text citation styles (:class:`~briefgen.citations.styles.InTextStyle`):

``numeric``
    ``[3]``: the entry's number in the numbered source list; ``[1, 4]`` for two entries (in list order).
``author_date``
    ``(Smith, 2017)``: who and when (:func:`~briefgen.citations.attribution.cite_label`), ``(Smith, 2017;
    Reuters, 2018)`` for two; the source list is not numbered.
``footnotes``
    A note number; the note gives the entries (made by :mod:`briefgen.render.markers`).
"""

from __future__ import annotations

from briefgen.citations.attribution import cite_label
from briefgen.citations.styles import InTextStyle

NUMERIC = InTextStyle("numeric", by_number=True)
AUTHOR_DATE = InTextStyle("author_date", "(", "; ", ")", who_when=cite_label, numbered_list=False)
FOOTNOTES = InTextStyle("footnotes", notes=True)
