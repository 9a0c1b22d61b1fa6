"""PDF output with reportlab platypus: :func:`briefgen.render.pdf.renderer.render_pdf`.

* :mod:`~briefgen.render.pdf.renderer` — the entry point: fonts, styles, story, layout;
* :mod:`~briefgen.render.pdf.template` — the document template (page frame, outline, progress);
* :mod:`~briefgen.render.pdf.story` and :mod:`~briefgen.render.pdf.chunks` — the flowables of the brief;
* :mod:`~briefgen.render.pdf.styles` — paragraph styles; :mod:`~briefgen.render.pdf.page` — header, footer,
  marking and "Page X of Y";
* :mod:`~briefgen.render.pdf.notes` — footnotes at the foot of the citing page;
* :mod:`~briefgen.render.pdf.fonts`, :mod:`~briefgen.render.pdf.named_fonts`,
  :mod:`~briefgen.render.pdf.font_fallback`, :mod:`~briefgen.render.pdf.shaping`, :mod:`~briefgen.render.pdf.text`
  — finding and embedding fonts, a font for every character, complex-script shaping, escaped markup.
"""
