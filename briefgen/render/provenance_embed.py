"""Embedding a brief's provenance (:mod:`briefgen.provenance`) where readers of the brief do not see it.

* PDF: an embedded file ``briefgen-provenance.json`` (the catalogue's ``/Names /EmbeddedFiles``); nothing is
  drawn on a page. The file carries no dates, and its digest goes into the document ID.
* Word: a custom XML part (``customXml/itemN.xml`` with its properties part), related from the document; the
  JSON is the text of a ``<provenance xmlns="urn:briefgen:provenance">`` element; its item id is derived from the
  JSON (never random). Word and LibreOffice keep
  custom XML parts when they open and save a document.
* Markdown: an HTML comment after the last block, ``<!-- briefgen-provenance`` then the JSON in base64 lines
  then ``-->``; Markdown tools do not show comments, and base64 never contains ``--``.

:mod:`briefgen.verify.read_pdf`, ``read_docx`` and ``read_markdown`` read them back.
"""

from __future__ import annotations

import base64
import hashlib
import textwrap
import uuid
from typing import Any
from xml.sax.saxutils import escape

from briefgen.brief import Brief
from briefgen.provenance import ATTACHMENT_NAME, MARKDOWN_MARK, XML_NAMESPACE, provenance_json

_CUSTOM_XML_PROPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_CUSTOM_XML_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"


def provenance_bytes(brief: Brief) -> bytes:
    return provenance_json(brief).encode("ascii")


def attach_to_pdf(canvas: Any, payload: bytes) -> None:
    """Make *payload* the PDF's embedded file ``briefgen-provenance.json`` (call before the canvas saves)."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString, PDFZCompress

    data = PDFStream(
        PDFDictionary(
            {
                "Type": PDFName("EmbeddedFile"),
                "Subtype": "/application#2Fjson",  # a name with "/" in it, written out (PDFName would split it)
                "Params": PDFDictionary({"Size": len(payload)}),
            }
        ),
        payload,
        filters=[PDFZCompress],
    )
    spec = PDFDictionary(
        {
            "Type": PDFName("Filespec"),
            "F": PDFString(ATTACHMENT_NAME),
            "UF": PDFString(ATTACHMENT_NAME),
            "Desc": PDFString("briefgen provenance: the source text each sentence of this brief quotes"),
            "AFRelationship": PDFName("Data"),
            "EF": PDFDictionary({"F": data}),
        }
    )
    canvas._doc.Catalog.Names = PDFDictionary(
        {"EmbeddedFiles": PDFDictionary({"Names": PDFArray([PDFString(ATTACHMENT_NAME), spec])})}
    )
    canvas._doc.updateSignature(hashlib.sha256(payload).hexdigest())  # the document ID reflects what it quotes


def add_to_docx(document: Any, payload: bytes) -> None:
    """Add *payload* to the Word *document* as a custom XML part related from the main document part."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    item_name = package.next_partname("/customXml/item%d.xml")
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<provenance xmlns="{XML_NAMESPACE}">{escape(payload.decode("ascii"))}</provenance>'
    ).encode("ascii")
    item = Part(item_name, "application/xml", xml, package)
    item_id = uuid.UUID(bytes=hashlib.sha256(payload).digest()[:16], version=4)
    props_name = PackURI(item_name.replace("/item", "/itemProps"))
    props = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<ds:datastoreItem ds:itemID="{{{str(item_id).upper()}}}" xmlns:ds="{_CUSTOM_XML_PROPS_NS}">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{XML_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode("ascii")
    item.relate_to(Part(props_name, _CUSTOM_XML_PROPS_TYPE, props, package), RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


def markdown_comment(payload: bytes) -> str:
    """The HTML comment that carries *payload* at the end of a Markdown brief (starts and ends with a newline)."""
    lines = textwrap.wrap(base64.b64encode(payload).decode("ascii"), 76)
    return "\n<!-- " + MARKDOWN_MARK + "\n" + "\n".join(lines) + "\n-->\n"
