"""Word (DOCX) output with python-docx: :func:`briefgen.render.docx.renderer.render_docx`.

* :mod:`~briefgen.render.docx.renderer` — the document: page setup, core properties, header and footer, saving;
* :mod:`~briefgen.render.docx.styles` — the Word styles, adjusted from the template on top of the reference
  document ``resources/docx/reference.docx``;
* :mod:`~briefgen.render.docx.body` — title block, parts and source list;
* :mod:`~briefgen.render.docx.hyperlinks`, :mod:`~briefgen.render.docx.footnotes`,
  :mod:`~briefgen.render.docx.fields` — links and bookmarks, real footnotes, ``PAGE``/``NUMPAGES`` fields;
* :mod:`~briefgen.render.docx.scripts` — script fonts, language tags and direction of runs;
* :mod:`~briefgen.render.docx.elements` — the few WordprocessingML elements python-docx has no API for.
"""
