"""``briefgen build`` end to end: files read back hold every brief sentence verbatim, cited to its entry."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest

from briefgen.cli.main import main
from briefgen.ingest import load_sources
from briefgen.render.markdown_text import md_emphasised, md_escape
from briefgen.summarize.key_figures import quantity_spans
from briefgen.templates.builtins import builtin_templates

RENDERER_MODULES = {"pdf": "briefgen.render.pdf.renderer", "docx": "briefgen.render.docx.renderer", "md": None}


def shown_in_markdown(markdown: str, sentence: str) -> str:
    """How *sentence* is written in the Markdown brief: escaped, with a key figure's quantities in bold."""
    plain = md_escape(sentence)
    return plain if plain in markdown else md_emphasised(sentence, quantity_spans(sentence))


def need_renderer(fmt: str) -> None:
    module = RENDERER_MODULES[fmt]
    if module and importlib.util.find_spec(module) is None:
        pytest.skip(f"the {fmt} renderer ({module}) is not in this tree")


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def samples(samples_dir: Path) -> list[str]:
    return sorted(str(p) for p in samples_dir.iterdir() if p.suffix in (".txt", ".md"))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_body_text(path: Path, template: str) -> str:
    """The PDF's text inside the page margins (headers and footers left out, so that a sentence running over a
    page break reads as one), whitespace removed because lines wrap anywhere."""
    from pypdf import PdfReader

    margins = builtin_templates()[template].style.margins
    bottom, top = margins.bottom_mm * 72 / 25.4, margins.top_mm * 72 / 25.4
    parts: list[str] = []
    for page in PdfReader(str(path)).pages:
        ceiling = float(page.mediabox.height) - top

        def visit(
            text: str, cm: list[float], tm: list[float], font: object, size: object, ceiling: float = ceiling
        ) -> None:
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if bottom <= y <= ceiling:
                parts.append(text)

        page.extract_text(visitor_text=visit)
    return squash("".join(parts))


def output_text(path: Path, fmt: str, template: str) -> str:
    """The brief's text as a reader sees it."""
    if fmt == "md":
        return path.read_text(encoding="utf-8")
    if fmt == "docx":
        import docx

        document = docx.Document(str(path))
        cells = [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
        return "\n".join([p.text for p in document.paragraphs] + cells)  # a table holds where sources differ
    return pdf_body_text(path, template)


def assert_sentences_verbatim_and_cited(report: dict[str, Any], out: Path, fmt: str) -> None:
    """Every report sentence is its source's text, its citations resolve to source entries, and the output
    file shows the sentence followed by the numbers of those entries."""
    paths = sorted({c["source"] for s in report["sentences"] for c in s["citations"]})
    loaded = load_sources(paths)
    assert not loaded.errors
    corpus = loaded.corpus
    entries = {e["article"]: e for e in report["sources"]}
    text = output_text(out, fmt, report["template"])
    assert report["sentences"], "the brief has sentences"
    for sentence in report["sentences"]:
        first = sentence["citations"][0]
        section = corpus.section(first["section"])
        assert section.text[first["start"] : first["end"]] == sentence["text"]
        numbers = []
        for citation in sentence["citations"]:
            assert citation["article"] in entries, f"citation of {sentence['id']} has no source entry"
            assert entries[citation["article"]]["source"] == citation["source"]
            numbers.append(entries[citation["article"]]["number"])
        if fmt == "md":
            shown = shown_in_markdown(text, sentence["text"])
            at = text.find(shown)
            assert at >= 0, f"not in the Markdown: {sentence['text']!r}"
            marker = text[at + len(shown) : at + len(shown) + 200]
            assert all(f"(#source-{n})" in marker for n in numbers)
        elif fmt == "docx":
            line = next((ln for ln in text.splitlines() if sentence["text"] in ln), None)
            assert line is not None, f"not in the Word file: {sentence['text']!r}"
            after = line[line.index(sentence["text"]) + len(sentence["text"]) :]
            assert re.match(r"\s*\[[\d, –]+\]", after)
        else:
            shown = squash(sentence["text"])
            at = text.find(shown)
            assert at >= 0, f"not in the PDF: {sentence['text']!r}"
            marker = text[at + len(shown) : at + len(shown) + 30]
            assert marker.startswith("[")
            assert str(numbers[0]) in marker[: marker.index("]")]
    for entry in report["sources"]:
        if fmt != "pdf":
            assert entry["formatted"].split(" Retrieved")[0][:40] in text.replace("\\", "")


@pytest.mark.parametrize("fmt", ["md", "pdf", "docx"])
def test_build_samples_reads_back(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    need_renderer(fmt)
    out = tmp_path / f"brief.{fmt}"
    report_path = tmp_path / "report.json"
    code, stdout, err = run_cli(capsys, "build", *samples(samples_dir), "-o", str(out), "--report", str(report_path))
    assert code == 0, err
    assert stdout.strip() == str(out)
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["template"] == "policy-brief" and report["output"] == str(out)
    assert set(report) >= {"algorithm", "sentences", "parts", "sources", "title"}
    for sentence in report["sentences"]:
        assert set(sentence) == {"id", "text", "sources", "citations"}
        assert sentence["sources"] == len({c["source"] for c in sentence["citations"]}) >= 1
        for c in sentence["citations"]:
            assert set(c) == {"source", "article", "section", "start", "end"}
    assert_sentences_verbatim_and_cited(report, out, fmt)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no temporary files left"


@pytest.mark.seeds
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_build_seeds_reads_back(seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    need_renderer(fmt)
    out = tmp_path / f"seeds.{fmt}"
    report_path = tmp_path / "seeds.json"
    files = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    code, _, err = run_cli(capsys, "build", *files, "-o", str(out), "--report", str(report_path))
    assert code == 0, err
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert {c["source"] for s in report["sentences"] for c in s["citations"]} <= set(files)
    assert_sentences_verbatim_and_cited(report, out, fmt)


def build_report(capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str) -> dict[str, Any]:
    report_path = tmp_path / "r.json"
    code, _, err = run_cli(capsys, "build", *args, "-o", str(tmp_path / "b.md"), "--report", str(report_path))
    assert code == 0, err
    data: dict[str, Any] = json.loads(report_path.read_text(encoding="utf-8"))
    return data


def test_select_exclude_pin_and_title(samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = samples(samples_dir)
    corpus = load_sources(files).corpus
    first, second = corpus.sources[0], corpus.sources[1]
    only = build_report(capsys, tmp_path, *files, "--select", first.id, "--title", "Only one")
    assert only["title"] == "Only one"
    assert {c["source"] for s in only["sentences"] for c in s["citations"][:1]} == {first.path}
    without = build_report(capsys, tmp_path, *files, "--exclude", first.id)
    assert first.path not in {s["citations"][0]["source"] for s in without["sentences"]}
    last = second.articles[-1].sections[-1].sentences[-1]
    pinned = build_report(capsys, tmp_path, *files, "--pin", last.id)
    assert last.id in {s["id"] for s in pinned["sentences"]}
    chosen = pinned["sentences"][0]["id"]
    dropped = build_report(capsys, tmp_path, *files, "--exclude", chosen)
    assert chosen not in {s["id"] for s in dropped["sentences"]}


def write_bad_template(tmp_path: Path) -> Path:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema_version": 1, "name": "bad", "page": {"margins": {"top": "abc"}}}), "utf-8")
    return bad


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--template", "BAD"], 'bad.json": page.margins.top must be a number between 5 and 60 (mm), got "abc"'),
        (["--template", "no-such-template"], 'no template named "no-such-template"'),
        (["--select", "feedbeef.a1"], "--select: unknown id 'feedbeef.a1'"),
        (["--pin", "FIRST_SOURCE"], "only sentences can be pinned"),
        (["--exclude", "FIRST_SOURCE", "SECOND_SOURCE", "THIRD_SOURCE"], "nothing to summarise"),
        (["--report", "r.txt"], "must end in .json"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_keeps_the_old_file(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], words: str
) -> None:
    files = samples(samples_dir)
    ids = [s.id for s in load_sources(files).corpus.sources]
    names = {"BAD": str(write_bad_template(tmp_path)), "FIRST_SOURCE": ids[0], "SECOND_SOURCE": ids[1]}
    names["THIRD_SOURCE"] = ids[2]
    out = tmp_path / "brief.md"
    out.write_text("old brief", encoding="utf-8")
    code, stdout, err = run_cli(capsys, "build", *files, "-o", str(out), *[names.get(x, x) for x in extra])
    assert code == 2
    assert stdout == ""
    assert err.count("\n") == 1 and err.startswith("briefgen: ") and "Traceback" not in err
    assert words in err
    assert out.read_text(encoding="utf-8") == "old brief"


@pytest.mark.parametrize(
    ("output", "words"),
    [("brief.odt", "cannot tell the output format"), ("missing/brief.md", "its folder does not exist")],
)
def test_bad_output_is_refused_before_any_work(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str, words: str
) -> None:
    code, _, err = run_cli(capsys, "build", *samples(samples_dir), "-o", str(tmp_path / output))
    assert code == 2 and words in err and err.count("\n") == 1


def test_unreadable_source_exits_2(samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, err = run_cli(capsys, "build", *samples(samples_dir), str(empty), "-o", str(tmp_path / "b.md"))
    assert code == 2 and "empty.txt" in err and "empty" in err
    assert not (tmp_path / "b.md").exists()


def test_a_failing_renderer_leaves_the_old_file(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefgen.render.markdown_renderer as markdown_renderer

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(markdown_renderer, "render_markdown", broken)
    out = tmp_path / "brief.md"
    out.write_text("old brief", encoding="utf-8")
    code, _, err = run_cli(capsys, "build", *samples(samples_dir), "-o", str(out))
    assert code == 1 and "disk on fire" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "old brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_output_without_extension_takes_the_template_format(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "md.json"
    template.write_text(json.dumps({"schema_version": 1, "name": "md", "output": {"format": "md"}}), "utf-8")
    code, stdout, err = run_cli(capsys, "build", *samples(samples_dir), "-o", str(tmp_path / "b"), "-t", str(template))
    assert code == 0, err
    assert stdout.strip() == str(tmp_path / "b.md") and (tmp_path / "b.md").read_text(encoding="utf-8")


def test_demo_writes_three_briefs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    need_renderer("pdf")
    need_renderer("docx")
    code, stdout, err = run_cli(capsys, "demo", "--out", str(tmp_path / "demo"))
    assert code == 0, err
    paths = [Path(line) for line in stdout.splitlines()]
    assert [p.suffix for p in paths] == [".pdf", ".docx", ".md"]
    assert all(p.is_file() and p.stat().st_size > 500 for p in paths)
    assert paths[0].read_bytes().startswith(b"%PDF")


def test_unknown_algorithm_in_a_template_is_refused_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "algo.json"
    template.write_text(json.dumps({"schema_version": 1, "name": "algo", "summary": {"algorithm": "magic"}}), "utf-8")
    missing = str(tmp_path / "not-there.txt")  # never read: the template is refused first
    code, _, err = run_cli(capsys, "build", missing, "-o", str(tmp_path / "b.md"), "-t", str(template))
    assert code == 2
    assert "summary.algorithm must be one of default, textrank" in err and 'got "magic"' in err


def test_output_may_not_replace_a_source(samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "notes.md"
    source.write_text((samples_dir / "eastmouth-council-report.md").read_text(encoding="utf-8"), encoding="utf-8")
    before = source.read_bytes()
    code, _, err = run_cli(capsys, "build", str(source), "-o", str(source))
    assert code == 2 and "the brief would replace the source" in err
    assert source.read_bytes() == before


def test_an_empty_brief_is_not_written(samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = samples_dir / "eastmouth-barrier-news.txt"
    corpus = load_sources([str(path)]).corpus
    last = corpus.sources[0].sections[-1]
    every = [s.id for s in last.sentences]
    out = tmp_path / "b.md"
    code, _, err = run_cli(capsys, "build", str(path), "-o", str(out), "--select", last.id, "--exclude", *every)
    assert code == 2 and "the brief would be empty" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("template", "marker"),
    [
        ("policy-brief", r" \\\[\[\d+\]\(#source-\d+\)"),
        ("executive-one-page", r" \(\[[^\]]+, (\d{4}[a-z]?|n\.d\.)\]\(#source-\d+\)"),
        ("research-digest", r"\[\^\d+\]"),
    ],
)
def test_each_builtin_marks_every_sentence_in_its_citation_style(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], template: str, marker: str
) -> None:
    out = tmp_path / "b.md"
    report_path = tmp_path / "r.json"
    args = ("build", *samples(samples_dir), "-o", str(out), "-t", template, "--report", str(report_path))
    code, _, err = run_cli(capsys, *args)
    assert code == 0, err
    report = json.loads(report_path.read_text(encoding="utf-8"))
    text = out.read_text(encoding="utf-8")
    for sentence in report["sentences"]:
        shown = shown_in_markdown(text, sentence["text"])
        at = text.find(shown)
        assert at >= 0, sentence["text"]
        assert re.match(marker, text[at + len(shown) :]), text[at + len(shown) : at + len(shown) + 60]


# ---- what build may write: never an input, the brief and its report together, write-protected files ----------
def _notes(folder: Path) -> Path:
    path = folder / "notes.json"
    path.write_text("A Title\n\nThe council met on Tuesday. It approved the budget. The bus subsidy stays.\n", "utf-8")
    return path


def test_the_report_may_not_replace_the_source_or_the_template(
    tmp_path: Path, samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _notes(tmp_path)
    before = source.read_bytes()
    code, _, err = run_cli(capsys, "build", str(source), "-o", str(tmp_path / "r.md"), "--report", str(source))
    assert code == 2 and "the report would replace the source" in err and str(source) in err
    assert source.read_bytes() == before and not (tmp_path / "r.md").exists()
    template = tmp_path / "t.json"
    template.write_text((samples_dir.parent / "templates" / "research-digest.json").read_text("utf-8"), "utf-8")
    kept = template.read_bytes()
    args = ["build", str(source), "-o", str(tmp_path / "r.md"), "-t", str(template), "--report", str(template)]
    code, _, err = run_cli(capsys, *args)
    assert code == 2 and "the report would replace the template" in err
    assert template.read_bytes() == kept and not (tmp_path / "r.md").exists()


def test_brief_and_report_are_written_together_or_not_at_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _notes(tmp_path)
    out, report = tmp_path / "b.md", tmp_path / "r.json"
    assert run_cli(capsys, "build", str(source), "-o", str(out), "--report", str(report))[0] == 0
    assert json.loads(report.read_text("utf-8"))["output"] == str(out)
    out.write_bytes(b"previous brief")
    code, _, err = run_cli(capsys, "build", str(source), "-o", str(out), "--report", str(tmp_path / "no" / "r.json"))
    assert code == 2 and "folder does not exist" in err
    assert out.read_bytes() == b"previous brief"  # refused before anything was written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.md", "notes.json", "r.json"]


def test_a_write_protected_brief_is_replaced_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _notes(tmp_path)
    out = tmp_path / "b.md"
    out.write_bytes(b"previous brief")
    out.chmod(0o444)
    code, _, err = run_cli(capsys, "build", str(source), "-o", str(out))
    assert code == 2 and "write-protected" in err and "--force" in err
    assert out.read_bytes() == b"previous brief"
    assert run_cli(capsys, "build", str(source), "-o", str(out), "--force")[0] == 0
    assert b"council" in out.read_bytes()


@pytest.mark.parametrize(
    ("output", "reason"),
    [
        ("a/" * 3000 + "x.md", "longer than the system allows"),
        ("n" * 300 + ".md", "longer than the system allows"),
        ("loop.md", "loop of symbolic links"),
    ],
)
def test_unusable_output_paths_are_exit_2_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, output: str, reason: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "loop.md").symlink_to("loop2.md")
    (tmp_path / "loop2.md").symlink_to("loop.md")
    code, _, err = run_cli(capsys, "build", str(_notes(tmp_path)), "-o", output)
    assert code == 2 and reason in err and err.count("\n") == 1
