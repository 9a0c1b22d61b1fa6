"""Very large and repetitive sources, scaled down: each must finish well inside a generous time limit.

The inputs are generated here (nothing big is committed); ``benchmarks/large_inputs.py`` builds the same inputs
at full size with these generators and times them. Every case runs the real command line in a child process, so
a reader or summariser that turns quadratic again fails on the subprocess timeout instead of hanging the suite.
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import json
import random
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]

# --- generators (shared with benchmarks/large_inputs.py) ---------------------------------------------------------

_SYLLABLES = ("ba", "ko", "ri", "tan", "mel", "sor", "vi", "den", "lu", "gra", "po", "nes", "tir", "ka", "zo", "fen")
_COMMON = ("the", "a", "of", "to", "and", "in", "on", "for", "with", "by", "said", "was", "has", "will", "from")


def synthetic_words(count: int, seed: int = 7) -> list[str]:
    """*count* distinct made-up words (two to four syllables), the same for the same seed."""
    rng = random.Random(seed)
    words: dict[str, None] = {}
    while len(words) < count:
        words["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))] = None
    return list(words)


class ProseMaker:
    """Deterministic made-up prose: Zipf-like word frequencies, sentences of 8-24 words, some with numbers."""

    def __init__(self, seed: int = 7, vocabulary: int = 4000) -> None:
        self.rng = random.Random(seed)
        self.words = synthetic_words(vocabulary, seed)
        self.cumulative = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(self.words))))

    def sentence(self) -> str:
        rng = self.rng
        n = rng.randint(8, 24)
        picked = rng.choices(self.words, cum_weights=self.cumulative, k=n)
        out: list[str] = []
        for word in picked:
            out.append(word)
            if rng.random() < 0.3:
                out.append(rng.choice(_COMMON))
        if rng.random() < 0.15:
            out.insert(rng.randrange(len(out)), f"{rng.randint(2, 990)}")
        out[0] = out[0].capitalize()
        return " ".join(out) + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def heading(self) -> str:
        return " ".join(self.rng.choices(self.words[:400], k=self.rng.randint(2, 5))).capitalize()


def repetitive_text(article: str, megabytes: float) -> str:
    """*article* repeated (blank line between copies) until the text reaches *megabytes*."""
    block = article.strip() + "\n\n"
    copies = max(1, int(megabytes * 1_000_000 / len(block.encode("utf-8"))))
    return block * copies


def synthetic_article(seed: int = 11, paragraphs: int = 30) -> str:
    """A made-up news article of about 16 KB: a title line, a blank line, paragraphs of two to four sentences."""
    maker = ProseMaker(seed)
    body = "\n\n".join(maker.paragraph(maker.rng.randint(2, 4)) for _ in range(paragraphs))
    return f"{maker.heading()}\n\n{body}\n"


def small_vocabulary_text(sentences: int, vocabulary: int = 20, seed: int = 3) -> str:
    """*sentences* sentences of 7-14 words drawn from only *vocabulary* words, eight to a paragraph."""
    rng = random.Random(seed)
    words = synthetic_words(vocabulary, seed)
    out: list[str] = []
    for n in range(sentences):
        text = " ".join(rng.choices(words, k=rng.randint(7, 14)))
        out.append(text[0].upper() + text[1:] + ".")
        out.append("\n\n" if n % 8 == 7 else " ")
    return "".join(out)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def many_paragraph_docx(paragraphs: int, seed: int = 5) -> bytes:
    """A Word document of *paragraphs* paragraphs (one to three sentences each), a Heading 1 every 40."""
    import docx

    maker = ProseMaker(seed)
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    body: list[str] = []
    for n in range(paragraphs):
        if n % 40 == 0:
            style = '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
            body.append(f"<w:p>{style}<w:r><w:t>{html.escape(maker.heading())}</w:t></w:r></w:p>")
        text = html.escape(maker.paragraph(maker.rng.randint(1, 3)))
        body.append(f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>')
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}"><w:body>'
        + "".join(body)
        + "</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = document.encode("utf-8") if item.filename == "word/document.xml" else src.read(item)
            dst.writestr(item, data)
    return out.getvalue()


def long_pdf(pages: int, seed: int = 9) -> bytes:
    """A report of *pages* A4 pages: a running header and page number, a heading every few pages, and body
    paragraphs set as justified-looking lines of about 90 characters."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    maker = ProseMaker(seed)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle("A long synthetic report")
    width, height = A4
    for page in range(pages):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, height - 40, "Synthetic annual report")
        canvas.drawString(width / 2, 30, str(page + 1))
        y = height - 80
        if page % 5 == 0:
            canvas.setFont("Helvetica-Bold", 16)
            canvas.drawString(72, y, maker.heading())
            y -= 30
        canvas.setFont("Helvetica", 10)
        while y > 80:
            words = maker.paragraph(maker.rng.randint(2, 4)).split()
            line: list[str] = []
            for word in words:
                if sum(len(w) + 1 for w in line) + len(word) > 90:
                    canvas.drawString(72, y, " ".join(line))
                    y -= 13
                    line = []
                    if y <= 80:
                        break
                line.append(word)
            if line and y > 80:
                canvas.drawString(72, y, " ".join(line))
                y -= 13
            y -= 8  # paragraph gap
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def project_listing(source: Path, copies: int) -> str:
    """A ``.briefgen`` project (JSON) listing *source* *copies* times, as a project saved with that file added
    again and again would; it names the file relative to its folder, so save it beside the file."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    ids = [digest[:8], *(f"{digest[:8]}~{n}" for n in range(2, copies + 1))]  # as briefgen.ids numbers copies
    entries = [{"path": source.name, "sha256": digest, "id": sid} for sid in ids]
    project = {"format": "briefgen-project", "schema": 1, "sources": entries, "selection": None}
    return json.dumps(project)


def large_html(megabytes: float, seed: int = 13) -> str:
    """One web page of about *megabytes*: navigation, an article of many sections and paragraphs, a footer."""
    maker = ProseMaker(seed)
    nav = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(12))
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>A very long page | Example News</title>"
        "<meta property='og:site_name' content='Example News'></head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>A very long page</h1>"
    ]
    size = len(parts[0])
    limit = megabytes * 1_000_000
    n = 0
    while size < limit:
        if n % 30 == 0:
            chunk = f"<h2>{html.escape(maker.heading())}</h2>"
        else:
            chunk = f"<p>{html.escape(maker.paragraph(maker.rng.randint(2, 4)))}</p>\n"
        parts.append(chunk)
        size += len(chunk)
        n += 1
    parts.append("</article></main><footer><p>© Example News. All rights reserved.</p></footer></body></html>")
    return "".join(parts)


# --- running the command line --------------------------------------------------------------------------------


def run_cli(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """``python -m briefgen ARGS`` in a child process; a run past *timeout* seconds fails the test."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "briefgen", *args], capture_output=True, text=True, timeout=timeout, cwd=REPO
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"briefgen {args[0]} did not finish within {timeout:.0f} s")


def _report(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


# --- the cases, scaled down --------------------------------------------------------------------------------


def test_a_repetitive_5_mb_text_builds_a_brief_through_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "reprinted.txt"
    source.write_text(repetitive_text(synthetic_article(), 5), encoding="utf-8")
    assert source.stat().st_size >= 4_900_000
    out, report = tmp_path / "brief.pdf", tmp_path / "brief.json"
    done = run_cli(["build", str(source), "-o", str(out), "--report", str(report)], timeout=180)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    texts = [s["text"] for s in _report(report)["sentences"]]
    assert texts and len(texts) == len(set(texts)), "the story is told once, not once per reprint"


def test_sentences_over_a_twenty_word_vocabulary_are_summarised(tmp_path: Path) -> None:
    source = tmp_path / "twenty-words.txt"
    source.write_text(small_vocabulary_text(3000), encoding="utf-8")
    done = run_cli(["summarize", str(source), "--json", "--sentences", "5"], timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["sentences"]) == 5


@pytest.mark.parametrize(
    ("name", "make"),
    [("long.docx", lambda: many_paragraph_docx(2000)), ("report.pdf", lambda: long_pdf(30))],
    ids=["a Word document of thousands of paragraphs", "a long PDF"],
)
def test_a_large_document_builds(tmp_path: Path, name: str, make: Callable[[], bytes]) -> None:
    source = tmp_path / name
    source.write_bytes(make())
    out, report = tmp_path / "brief.md", tmp_path / "brief.json"
    done = run_cli(["build", str(source), "-o", str(out), "--report", str(report)], timeout=180)
    assert done.returncode == 0, done.stderr
    assert _report(report)["sentence_count"]


def test_a_project_listing_one_file_thousands_of_times_reads_it_once(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(synthetic_article(paragraphs=6), encoding="utf-8")
    project = tmp_path / "copies.briefgen"
    project.write_text(project_listing(story, 2000), encoding="utf-8")
    out, report = tmp_path / "brief.md", tmp_path / "brief.json"
    done = run_cli(["build", "--project", str(project), "-o", str(out), "--report", str(report)], timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(_report(report)["sources"]) == 1


def test_a_large_web_page_is_read(tmp_path: Path) -> None:
    source = tmp_path / "page.html"
    source.write_text(large_html(0.6), encoding="utf-8")
    done = run_cli(["inspect", "--json", str(source)], timeout=120)
    assert done.returncode == 0, done.stderr
    assert "A very long page" in done.stdout


# --- in process: reading once, and cancelling a long read ----------------------------------------------------


def test_a_file_given_again_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen.ingest import load_sources

    story = tmp_path / "story.txt"
    story.write_text(synthetic_article(paragraphs=4), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = load_sources([str(story), str(story), "./story.txt", str(story)])
    assert len(result.corpus.sources) == 1
    assert result.same_as == {"./story.txt": str(story)}
    copy = tmp_path / "copy.txt"
    copy.write_bytes(story.read_bytes())
    assert len(load_sources([str(story), str(copy)]).corpus.sources) == 2  # another file is another source


def test_cancelling_stops_the_sentence_splitting_of_a_large_source(tmp_path: Path) -> None:
    from briefgen.errors import Cancelled
    from briefgen.ingest import load_sources
    from briefgen.progress import CancelToken

    source = tmp_path / "long.txt"
    source.write_text(small_vocabulary_text(6000), encoding="utf-8")
    token = CancelToken()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int, _message: str) -> None:
        seen.append((done, total))
        if done > 0:  # the first report from inside the file: cancel there
            token.cancel()

    with pytest.raises(Cancelled):
        load_sources([str(source)], progress=progress, cancel=token)
    assert seen[-1][0] < seen[-1][1], "stopped before the end"
