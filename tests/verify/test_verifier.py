"""``verify_brief``: fresh briefs pass; a brief edited after export, a changed source or a false quotation fail,
naming the sentence."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

import briefgen.render.docx.renderer as docx_renderer
import briefgen.render.pdf.renderer as pdf_renderer
import briefgen.render.pdf.template as pdf_template
from briefgen.errors import InputError
from briefgen.render.provenance_embed import provenance_bytes
from briefgen.render.registry import render
from briefgen.verify import report_lines, verify_brief
from briefgen.verify.verifier import EDITED, NOT_IN_SOURCES
from tests.conftest import SAMPLES
from tests.verify.conftest import Built, build, one_word_changed, with_text

_COMMENT = re.compile(r"<!-- briefgen-provenance.*?-->\n", re.S)


def test_fresh_briefs_verify(tmp_path: Path, any_format: str) -> None:
    built = build(tmp_path, any_format)
    report = verify_brief(built.path, built.sources)
    assert report.provenance and report.format == any_format
    assert report.total == len(built.brief.sentences()) > 5
    assert report.ok, report_lines(report)
    assert report_lines(report) == [f"{report.total} of {report.total} sentences verified"]


def test_sources_given_in_another_order_or_as_a_folder(tmp_path: Path) -> None:
    built = build(tmp_path, "md")
    assert verify_brief(built.path, list(reversed(built.sources))).ok
    from briefgen.ingest.paths import expand_paths

    assert verify_brief(built.path, expand_paths([str(tmp_path / "sources")])).ok


def _target(built: Built) -> tuple[str, str]:
    """A sentence of the brief shown as one plain run (no emphasis) and verbatim in a Markdown file."""
    for s in built.brief.sentences():
        if not s.emphasis and len(s.text.split()) > 6:
            return s.id, s.text
    raise AssertionError("no plain sentence")


def _failed(report_path: Path, sources: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    report = verify_brief(report_path, sources)
    assert not report.ok and report.total > 5
    assert report.verified == report.total - len(report.failures())
    return [(c.id, c.reasons) for c in report.failures()]


def test_one_word_changed_in_word_is_caught(tmp_path: Path) -> None:
    built = build(tmp_path, "docx")
    sentence_id, text = _target(built)
    document = docx.Document(str(built.path))
    runs = [r for p in document.paragraphs for r in p.runs if r.text == text]
    assert runs, "the sentence is one run"
    runs[0].text = one_word_changed(text)
    edited = tmp_path / "edited.docx"
    document.save(str(edited))
    assert _failed(edited, built.sources) == [(sentence_id, (EDITED,))]
    lines = report_lines(verify_brief(edited, built.sources))
    assert lines[0].startswith(f'not verified: "{text[:40]}')
    assert lines[-1] == f"{len(built.brief.sentences()) - 1} of {len(built.brief.sentences())} sentences verified"


def test_a_sentence_hidden_in_word_is_not_visible(tmp_path: Path) -> None:
    built = build(tmp_path, "docx")
    sentence_id, text = _target(built)
    document = docx.Document(str(built.path))
    next(r for p in document.paragraphs for r in p.runs if r.text == text).font.hidden = True
    hidden = tmp_path / "hidden.docx"
    document.save(str(hidden))
    assert _failed(hidden, built.sources) == [(sentence_id, (EDITED,))]


def test_one_word_changed_in_markdown_is_caught(tmp_path: Path) -> None:
    built = build(tmp_path, "md")
    sentence_id, text = _target(built)
    source = built.path.read_text(encoding="utf-8")
    assert text in source
    edited = tmp_path / "edited.md"
    edited.write_text(source.replace(text, one_word_changed(text), 1), encoding="utf-8")
    assert _failed(edited, built.sources) == [(sentence_id, (EDITED,))]


def test_a_pdf_whose_text_differs_from_its_provenance_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = build(tmp_path, "pdf")
    sentence_id, text = _target(built)
    original = provenance_bytes(built.brief)
    monkeypatch.setattr(pdf_renderer, "provenance_bytes", lambda _brief: original)
    edited = tmp_path / "edited.pdf"
    render(with_text(built.brief, sentence_id, one_word_changed(text)), built.result.style, edited)
    assert _failed(edited, built.sources) == [(sentence_id, (EDITED,))]


def test_a_changed_source_fails_the_sentences_it_no_longer_has(tmp_path: Path, any_format: str) -> None:
    built = build(tmp_path, any_format)
    harbour = Path(built.sources[0])
    entry = next(e for e in built.brief.sources if e.path == str(harbour))
    cited = [s for s in built.brief.sentences() if any(c.source == entry.source_id for c in s.citations)]
    changed = cited[0]
    harbour.write_text(harbour.read_text(encoding="utf-8").replace(changed.text, one_word_changed(changed.text)))
    report = verify_brief(built.path, built.sources)
    failures = [(c.id, c.reasons) for c in report.failures()]
    assert failures == [
        (changed.id, (f"source changed since the brief was made, and no longer has it: {harbour.name}",))
    ]
    assert report.notes == (f"{harbour} changed since the brief was made",)
    assert report_lines(report)[0] == f"note: {harbour} changed since the brief was made"


def test_a_source_not_given_fails_its_sentences(tmp_path: Path) -> None:
    built = build(tmp_path, "md")
    report = verify_brief(built.path, built.sources[:1])
    missing = built.sources[1]
    assert report.failures() and all(
        c.reasons == (f"its source was not given: {Path(missing).name}",) for c in report.failures()
    )
    assert report.verified > 0


def test_a_brief_quoting_what_its_source_does_not_say_fails(tmp_path: Path) -> None:
    """A brief made with a sentence altered (provenance and text agree, the source does not)."""
    built = build(tmp_path, "md")
    sentence_id, text = _target(built)
    forged = tmp_path / "forged.md"
    render(with_text(built.brief, sentence_id, one_word_changed(text)), built.result.style, forged)
    failures = _failed(forged, built.sources)
    assert [f[0] for f in failures] == [sentence_id]
    assert failures[0][1][0].startswith("not found verbatim in its source: ")


def test_a_sentence_the_brief_has_twice_must_be_there_twice(tmp_path: Path) -> None:
    built = build(tmp_path, "md")
    _, text = _target(built)
    source = built.path.read_text(encoding="utf-8")
    doubled = tmp_path / "doubled.md"
    doubled.write_text(source.replace(text, f"{text} {text}", 1), encoding="utf-8")
    assert verify_brief(doubled, built.sources).ok  # an extra copy in the text harms nothing
    first, later = built.brief.sentences()[0], built.brief.sentences()[-1]
    copy = dataclasses.replace(first, id=later.id)
    parts = tuple(dataclasses.replace(p, sentences=tuple(copy if s is later else s for s in p.sentences))
                  for p in built.brief.parts)  # fmt: skip
    twice = dataclasses.replace(built.brief, parts=parts)  # the brief now quotes *first* twice
    path = tmp_path / "twice.md"
    render(twice, built.result.style, path)
    text_twice = path.read_text(encoding="utf-8")
    assert text_twice.count(first.text) == 2
    path.with_name("twice-ok.md").write_text(text_twice, encoding="utf-8")
    path.write_text(text_twice[::-1].replace(first.text[::-1], one_word_changed(first.text)[::-1], 1)[::-1])
    assert verify_brief(path.with_name("twice-ok.md"), built.sources).ok
    failures = verify_brief(path, built.sources).failures()
    assert [(c.id, c.reasons) for c in failures] == [(later.id, (EDITED,))]  # the later copy is the one gone


def test_a_multi_page_pdf_with_notes_verifies_across_page_breaks(tmp_path: Path) -> None:
    """Sentences that run over a page break read on across the footer, header and notes."""
    from pypdf import PdfReader

    sources = sorted(str(p) for p in SAMPLES.iterdir())
    path = tmp_path / "digest.pdf"
    from briefgen.build import build_brief

    result = build_brief(sources, "research-digest", output=path)
    plain = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))
    across = [s for s in result.brief.sentences() if re.sub(r"\s+", "", s.text) not in plain]
    assert across, "some sentence runs over a page break (else this test shows nothing)"
    report = verify_brief(path, sources)
    assert report.ok, report_lines(report)


def test_without_provenance_the_visible_sentences_are_looked_up(tmp_path: Path, any_format: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(pdf_template, "attach_to_pdf", lambda _canvas, _payload: None)
    monkeypatch.setattr(docx_renderer, "add_to_docx", lambda _document, _payload: None)
    built = build(tmp_path, any_format)
    if any_format == "md":
        built.path.write_text(_COMMENT.sub("", built.path.read_text(encoding="utf-8")), encoding="utf-8")
    report = verify_brief(built.path, built.sources)
    assert not report.provenance and report.provenance_problem == "none in the brief"
    assert report.ok and report.total == len(built.brief.sentences())
    assert report_lines(report)[0].startswith("provenance missing (none in the brief)")


def test_without_provenance_an_edited_sentence_is_named(tmp_path: Path) -> None:
    built = build(tmp_path, "md")
    _, text = _target(built)
    stripped = _COMMENT.sub("", built.path.read_text(encoding="utf-8"))
    path = tmp_path / "stripped.md"
    path.write_text(stripped.replace(text, one_word_changed(text), 1), encoding="utf-8")
    report = verify_brief(path, built.sources)
    assert not report.provenance
    assert [(c.text, c.reasons) for c in report.failures()] == [(one_word_changed(text), (NOT_IN_SOURCES,))]
    assert report.total == len(built.brief.sentences())


def test_damaged_provenance_falls_back_and_says_so(tmp_path: Path) -> None:
    built = build(tmp_path, "md")
    text = built.path.read_text(encoding="utf-8")
    damaged = re.sub(r"(<!-- briefgen-provenance\n)(\S{10})", r"\1AAAAAAAAAA", text)
    path = tmp_path / "damaged.md"
    path.write_text(damaged, encoding="utf-8")
    report = verify_brief(path, built.sources)
    assert not report.provenance and (report.provenance_problem or "").startswith("unreadable")
    assert report.ok


def test_bad_input(tmp_path: Path) -> None:
    built = build(tmp_path, "md")
    with pytest.raises(InputError, match="no such file"):
        verify_brief(tmp_path / "missing.md", built.sources)
    with pytest.raises(InputError, match="extension"):
        verify_brief(built.sources[0], built.sources)
    with pytest.raises(InputError, match="no such file"):
        verify_brief(built.path, [str(tmp_path / "missing.txt")])
    with pytest.raises(InputError, match="no source files"):
        verify_brief(built.path, [])
    empty = tmp_path / "empty.md"
    empty.write_text("# Just a title\n", encoding="utf-8")
    with pytest.raises(InputError, match="no sentences"):
        verify_brief(empty, built.sources)
    for name in ("broken.pdf", "broken.docx"):
        (tmp_path / name).write_bytes(b"this is not that kind of file at all")
        with pytest.raises(InputError, match="not a readable"):
            verify_brief(tmp_path / name, built.sources)


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
def test_provenance_survives_libreoffice_opening_and_saving(tmp_path: Path) -> None:
    office = _soffice()
    if office is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    built = build(tmp_path, "docx")
    sentence_id, text = _target(built)
    document = docx.Document(str(built.path))
    next(r for p in document.paragraphs for r in p.runs if r.text == text).text = one_word_changed(text)
    edited = tmp_path / "edited.docx"
    document.save(str(edited))
    out = tmp_path / "saved"
    subprocess.run(
        [office, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
         "--convert-to", "docx", "--outdir", str(out), str(built.path), str(edited)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    saved = verify_brief(out / "brief.docx", built.sources)
    assert saved.provenance and saved.ok, report_lines(saved)
    assert [c.id for c in verify_brief(out / "edited.docx", built.sources).failures()] == [sentence_id]
