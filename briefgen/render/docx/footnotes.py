"""Real Word footnotes: the ``/word/footnotes.xml`` part that python-docx does not create.

What Word expects, and what this module builds:

* a footnotes part (content type ``…wordprocessingml.footnotes+xml``) related from the document part with the
  ``…/relationships/footnotes`` type;
* two special notes first: ``w:id="-1"`` (separator) and ``w:id="0"`` (continuation separator), holding only
  their separator runs, never a ``w:footnoteRef``; the settings part names them in ``w:footnotePr``;
* each note ``w:id`` ≥ 1: a ``footnote text`` paragraph starting with a ``footnote reference`` run holding
  ``w:footnoteRef`` (Word prints the number there), then the note's text;
* in the body, a ``footnote reference`` run holding ``w:footnoteReference w:id="N"``.

Hyperlinks inside notes are relationships of the footnotes part itself, not of the document part.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from briefgen.render.docx.elements import XmlElement, run, run_properties
from briefgen.render.docx.hyperlinks import text_with_links

FOOTNOTE_TEXT_STYLE = "FootnoteText"
FOOTNOTE_REFERENCE_STYLE = "FootnoteReference"

_SPECIAL_NOTES = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)
_SETTINGS_AFTER_FOOTNOTE_PR = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip


class Footnotes:
    """The footnotes of one document; created on first use so briefs without notes get no footnotes part."""

    def __init__(self, document: Any) -> None:
        self._document = document
        self._part: XmlPart | None = None
        self._next_id = 1

    @property
    def part(self) -> XmlPart:
        if self._part is None:
            self._part = self._create_part()
        return self._part

    def _create_part(self) -> XmlPart:
        document_part = self._document.part
        for rel in document_part.rels.values():
            if rel.reltype == RT.FOOTNOTES:
                raise ValueError("the document already has a footnotes part")
        root = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}>{_SPECIAL_NOTES}</w:footnotes>")
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, document_part.package)
        document_part.relate_to(part, RT.FOOTNOTES)
        self._declare_in_settings()
        return part

    def _declare_in_settings(self) -> None:
        settings = self._document.settings.element
        if settings.find(qn("w:footnotePr")) is not None:
            return
        pr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
        settings.insert_element_before(pr, *_SETTINGS_AFTER_FOOTNOTE_PR)

    def add(self, paragraph: XmlElement, texts: list[str]) -> int:
        """Append a note reference to *paragraph* (a ``w:p``) and a note holding *texts* (one paragraph each,
        URLs made clickable); returns the note's id, which is also its number in reading order."""
        note_id = self._next_id
        self._next_id += 1
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(note_id))
        for index, text in enumerate(texts or [""]):
            p = OxmlElement("w:p")
            ppr = OxmlElement("w:pPr")
            pstyle = OxmlElement("w:pStyle")
            pstyle.set(qn("w:val"), FOOTNOTE_TEXT_STYLE)
            ppr.append(pstyle)
            p.append(ppr)
            if index == 0:
                ref = OxmlElement("w:r")
                ref.append(run_properties(FOOTNOTE_REFERENCE_STYLE))
                ref.append(OxmlElement("w:footnoteRef"))
                p.append(ref)
                p.append(run(" "))
            for element in text_with_links(self.part, text):
                p.append(element)
            note.append(p)
        self.part.element.append(note)
        reference = OxmlElement("w:r")
        reference.append(run_properties(FOOTNOTE_REFERENCE_STYLE))
        ref_el = OxmlElement("w:footnoteReference")
        ref_el.set(qn("w:id"), str(note_id))
        reference.append(ref_el)
        paragraph.append(reference)
        return note_id
