"""The .briefgen project file: round trips, strict validation, id mapping, build inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.corpus import Corpus
from briefgen.errors import InputError
from briefgen.ids import digest_of
from briefgen.model import Article, Metadata, Paragraph, ParagraphKind, Section, Sentence, Source
from briefgen.project import (
    Project,
    ProjectSource,
    budget_from_json,
    load_project,
    parse_project,
    resolved_path,
    save_project,
    stored_path,
)
from briefgen.project_build import remap_project
from briefgen.project_state import WorkspaceState, apply_metadata
from briefgen.summarize.api import Budget


def make_source(path: str, sections: list[list[str]], title: str = "A title") -> Source:
    """A one-article source built by hand: one paragraph per section, one sentence per string."""
    text_all = "\n".join(" ".join(s) for s in sections)
    digest = digest_of(text_all.encode())
    sid = digest[:8]
    art_id = f"{sid}.a1"
    built = []
    for i, sents in enumerate(sections, 1):
        sec_id = f"{art_id}.s{i}"
        text = " ".join(sents)
        pos, objs = 0, []
        for j, s in enumerate(sents, 1):
            objs.append(Sentence(f"{sec_id}.t{j}", s, pos, pos + len(s)))
            pos += len(s) + 1
        para = Paragraph(f"{sec_id}.p1", ParagraphKind.TEXT, 0, len(text), tuple(objs))
        built.append(Section(sec_id, f"Part {i}", text, (para,)))
    article = Article(art_id, Metadata(title=title, publisher="Daily"), tuple(built))
    return Source(sid, path, "text", digest, (article,))


@pytest.fixture()
def corpus() -> Corpus:
    a = make_source("/data/a.txt", [["One fish.", "Two fish."], ["Red fish.", "Blue fish."]], "Fish")
    b = make_source("/data/b.txt", [["Cats nap.", "Dogs bark."]], "Pets")
    return Corpus([a, b])


def test_round_trip_keeps_every_choice(tmp_path: Path, corpus: Corpus) -> None:
    state = WorkspaceState(corpus)
    a, b = corpus.sources
    state.deselected = frozenset({f"{a.id}.a1.s2"})
    state.pins = frozenset({f"{a.id}.a1.s1.t2"})
    state.excludes = frozenset({f"{b.id}.a1.s1.t1"})
    state.set_metadata(f"{b.id}.a1", Metadata(author="Jo Bloggs", date="2020-01-02"))
    state.budget = Budget(words=120)
    state.algorithm = "textrank"
    state.template = "memo"
    state.output_format = "docx"
    path = tmp_path / "work.briefgen"
    project = state.to_project(path)
    save_project(project, path)
    loaded = load_project(path)
    assert loaded == project
    again = WorkspaceState()
    again.apply_project(loaded, corpus)
    assert again.deselected == state.deselected
    assert again.pins == state.pins and again.excludes == state.excludes
    assert again.metadata == state.metadata
    assert (again.budget, again.algorithm, again.template, again.output_format) == (
        Budget(words=120),
        "textrank",
        "memo",
        "docx",
    )


def test_all_ticked_is_stored_as_null(tmp_path: Path, corpus: Corpus) -> None:
    project = WorkspaceState(corpus).to_project(tmp_path / "p.briefgen")
    assert project.selection is None
    assert WorkspaceState(corpus).summary_request().selection == ()


def test_paths_are_relative_inside_the_project_folder(tmp_path: Path) -> None:
    proj = tmp_path / "proj" / "x.briefgen"
    src = tmp_path / "proj" / "articles" / "a.txt"
    assert stored_path(str(src), proj) == "articles/a.txt"
    assert resolved_path("articles/a.txt", proj) == str(src.resolve())
    far = "/elsewhere/deep/a.txt"
    assert stored_path(far, tmp_path / "a" / "b" / "c" / "d" / "x.briefgen") == far


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"{not json", "invalid JSON"),
        (b"[1, 2]", "not a briefgen project"),
        (b'{"format": "something-else", "schema": 1}', "not a briefgen project"),
        (b'{"format": "briefgen-project"}', "schema"),
        (b'{"format": "briefgen-project", "schema": 99}', "newer briefgen"),
        (b'{"format": "briefgen-project", "schema": 1, "sources": {}}', "'sources' must be a list"),
        (
            b'{"format": "briefgen-project", "schema": 1, "sources": [{"path": "a", "sha256": "x", "id": "1"}]}',
            "sha256",
        ),
        (b'{"format": "briefgen-project", "schema": 1, "pins": "abc"}', "'pins'"),
        (b'{"format": "briefgen-project", "schema": 1, "budget": {"sentences": 0}}', "from 1 to 10,000"),
        (b'{"format": "briefgen-project", "schema": 1, "output_format": "odt"}', "output format"),
        (b'{"format": "briefgen-project", "schema": 1, "metadata": {"x.a1": {"colour": "red"}}}', "metadata"),
    ],
)
def test_damaged_or_foreign_files_give_one_line_reasons(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        parse_project(data, "bad.briefgen")
    assert reason in info.value.reason
    assert info.value.path == "bad.briefgen"
    assert "\n" not in str(info.value)


def test_missing_and_empty_files_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_project(tmp_path / "nope.briefgen")
    (tmp_path / "empty.briefgen").write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        load_project(tmp_path / "empty.briefgen")


def test_budget_kinds() -> None:
    assert budget_from_json({"ratio": 0.25}) == Budget(ratio=0.25)
    with pytest.raises(ValueError, match="exactly one"):
        budget_from_json({"ratio": 0.2, "words": 3})
    with pytest.raises(ValueError, match="ratio"):
        budget_from_json({"ratio": 1.5})


def test_saved_file_is_readable_json_with_a_format_tag(tmp_path: Path, corpus: Corpus) -> None:
    path = tmp_path / "p.briefgen"
    save_project(WorkspaceState(corpus).to_project(path), path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["format"] == "briefgen-project" and raw["schema"] == 1
    assert [s["id"] for s in raw["sources"]] == [s.id for s in corpus.sources]


def test_remap_follows_a_changed_source_id(corpus: Corpus) -> None:
    a = corpus.sources[0]
    old = "deadbeef"
    project = Project(
        sources=(ProjectSource("a.txt", "0" * 64, old),),
        selection=(f"{old}.a1.s1", f"{old}.a1.s9"),
        pins=frozenset({f"{old}.a1.s1.t1"}),
        metadata={f"{old}.a1": Metadata(author="X")},
    )
    mapped = remap_project(project, {old: a.id}, corpus)
    assert mapped.selection == (f"{a.id}.a1.s1",)  # s9 no longer exists: dropped
    assert mapped.pins == frozenset({f"{a.id}.a1.s1.t1"})
    assert set(mapped.metadata) == {f"{a.id}.a1"}


def test_metadata_edits_fill_from_the_original(corpus: Corpus) -> None:
    b = corpus.sources[1]
    edited = apply_metadata(corpus, {f"{b.id}.a1": Metadata(author="Jo")})
    md = edited.article(f"{b.id}.a1").metadata
    assert (md.title, md.author, md.publisher) == ("Pets", "Jo", "Daily")
    assert corpus.article(f"{b.id}.a1").metadata.author is None


def test_state_move_and_remove_sources(corpus: Corpus) -> None:
    a, b = corpus.sources
    state = WorkspaceState(corpus)
    state.pins = frozenset({f"{a.id}.a1.s1.t1"})
    state.move_source(b.id, 0)
    assert [s.id for s in state.corpus.sources] == [b.id, a.id]
    state.remove_source(a.id)
    assert [s.id for s in state.corpus.sources] == [b.id]
    assert state.pins == frozenset()


def test_nothing_ticked_means_no_selection(corpus: Corpus) -> None:
    state = WorkspaceState(corpus)
    state.deselected = frozenset(sec.id for _, _, sec in corpus.sections())
    assert not state.has_selection()


def _seed_state(seeds_dir: Path) -> WorkspaceState:
    from briefgen.ingest import load_sources

    loaded = load_sources(sorted(str(p) for p in seeds_dir.iterdir()))
    state = WorkspaceState(loaded.corpus)
    sections = [sec.id for _, _, sec in loaded.corpus.sections()]
    refs = list(loaded.corpus.sentence_refs())
    state.deselected = frozenset({sections[-1]})
    state.pins = frozenset({refs[5].sentence.id})
    state.excludes = frozenset({refs[0].sentence.id})
    state.budget = Budget(sentences=4)
    state.algorithm = "lead"
    return state


def test_cli_build_from_project_matches_the_app_export(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from briefgen.cli.main import main
    from briefgen.project_pipeline import build_from_choices

    state = _seed_state(seeds_dir)
    project = tmp_path / "work.briefgen"
    save_project(state.to_project(project), project)
    clock = time.time
    for fmt in ("md", "pdf", "docx"):  # byte for byte: no clock reading or random id in any format
        app_out = tmp_path / f"app.{fmt}"
        with monkeypatch.context() as later:
            later.setattr(time, "time", lambda: clock() + 3_600)  # the export an hour after the command line's clock
            build_from_choices(state.choices(), app_out)  # what the app's Export runs
        cli_out = tmp_path / f"cli.{fmt}"
        assert main(["build", "--project", str(project), "-o", str(cli_out), "--allow-outside"]) == 0
        assert cli_out.read_bytes() == app_out.read_bytes(), f"the {fmt} files differ"
    assert state.pins <= {s.id for s in build_from_choices(state.choices()).brief.sentences()}
    # no extension: the project's output format (pdf by default)
    assert main(["build", "--project", str(project), "-o", str(tmp_path / "plain"), "--allow-outside"]) == 0
    assert (tmp_path / "plain.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    "content", [b"{broken", b'{"format": "other"}', b'{"format": "briefgen-project", "schema": 7}']
)
def test_cli_refuses_damaged_or_foreign_projects_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    from briefgen.cli.main import main

    bad = tmp_path / "bad.briefgen"
    bad.write_bytes(content)
    assert main(["build", "--project", str(bad), "-o", str(tmp_path / "out.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err
    assert not (tmp_path / "out.pdf").exists()


def test_cli_project_with_a_missing_source_is_exit_2(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefgen.cli.main import main

    state = _seed_state(seeds_dir)
    project = tmp_path / "work.briefgen"
    saved = state.to_project(project)
    ghost = ProjectSource(str(tmp_path / "gone.txt"), "0" * 64, "00000000")
    save_project(Project(sources=(*saved.sources, ghost)), project)
    assert main(["build", "--project", str(project), "-o", str(tmp_path / "o.md"), "--allow-outside"]) == 2
    err = capsys.readouterr().err
    assert "gone.txt" in err and err.count("\n") == 1


def test_changed_source_is_used_with_a_warning(tmp_path: Path, seeds_dir: Path) -> None:
    from briefgen.project_build import ChangeKind, build_inputs_from_project, open_project

    src = tmp_path / "a.txt"
    src.write_bytes(sorted(seeds_dir.iterdir())[0].read_bytes())
    from briefgen.ingest import load_sources

    state = WorkspaceState(load_sources([str(src)]).corpus)
    first = next(state.corpus.sentence_refs()).sentence.id
    state.pins = frozenset({first})
    project = tmp_path / "p.briefgen"
    save_project(state.to_project(project), project)
    src.write_bytes(src.read_bytes() + b"\n\nA new closing paragraph was added to the article afterwards.\n")
    opened = open_project(load_project(project), project)
    assert [c.kind for c in opened.changes] == [ChangeKind.CHANGED]
    new_id = opened.corpus.sources[0].id
    assert new_id != state.corpus.sources[0].id
    assert opened.project.pins == frozenset({first.replace(state.corpus.sources[0].id, new_id)})
    inputs = build_inputs_from_project(project)
    assert inputs.warnings and "changed" in inputs.warnings[0]


# ---- web sources, projects from elsewhere, strict JSON -----------------------------------------------------------
def test_web_sources_are_stored_as_addresses_and_reopen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefgen.ingest as ingest
    from briefgen.ingest import LoadResult
    from briefgen.ingest.pipeline import source_from_text
    from briefgen.project_build import open_project, sources_outside

    url = "http://host.example/page?id=3"
    page = source_from_text("A Page\n\nThe council met. It agreed the budget.\n", url)
    state = WorkspaceState(Corpus([page]))
    project_file = tmp_path / "deep" / "work.briefgen"
    project_file.parent.mkdir()
    save_project(state.to_project(project_file), project_file)
    assert json.loads(project_file.read_text("utf-8"))["sources"][0]["path"] == url
    loaded = load_project(project_file)
    assert resolved_path(loaded.sources[0].path, project_file) == url
    assert sources_outside(loaded, project_file) == []  # an address is not a file outside the folder
    asked: list[list[str]] = []

    def fake_load(paths: list[str], **_kwargs: object) -> LoadResult:
        asked.append(list(paths))
        return LoadResult(Corpus([page]), ())

    monkeypatch.setattr(ingest, "load_sources", fake_load)
    opened = open_project(loaded, project_file)
    assert asked == [[url]] and opened.corpus.sources[0].path == url and not opened.changes


@pytest.mark.parametrize("stored", ["../http:/host.example/page", "http:/host.example/page", "../../https:/h.org/a"])
def test_addresses_saved_as_paths_by_older_versions_are_repaired(tmp_path: Path, stored: str) -> None:
    raw = {
        "format": "briefgen-project",
        "schema": 1,
        "sources": [{"path": stored, "sha256": "a" * 64, "id": "aaaaaaaa"}],
    }
    (path,) = (s.path for s in parse_project(json.dumps(raw).encode()).sources)
    assert path in ("http://host.example/page", "https://h.org/a")


def test_build_refuses_sources_outside_the_project_folder_unless_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefgen.cli.main import main
    from briefgen.ingest import load_sources

    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text(
        "Private Notes\n\nThe council approved the swordfish budget on Tuesday after a long debate. Libraries will "
        "close on Mondays from April. The bus subsidy will be reviewed again in the autumn.\n",
        "utf-8",
    )
    folder = tmp_path / "project"
    folder.mkdir()
    project = folder / "p.briefgen"
    save_project(WorkspaceState(load_sources([str(elsewhere)]).corpus).to_project(project), project)
    out = folder / "b.md"
    assert main(["build", "--project", str(project), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(elsewhere) in err and "--allow-outside" in err and err.count("\n") == 1
    assert not out.exists()
    assert main(["build", "--project", str(project), "-o", str(out), "--allow-outside"]) == 0
    assert "outside" in capsys.readouterr().err and "swordfish" in out.read_text("utf-8")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (b'{"format": "briefgen-project", "schema": 1, "schema": 1}', "appears twice"),
        (b'{"format": "briefgen-project", "schema": 1, "budget": {"ratio": NaN}}', "NaN"),
        (b'{"format": "briefgen-project", "schema": 1, "budget": {"ratio": -Infinity}}', "Infinity"),
        (b'{"format": "briefgen-project", "x": ' + b"[" * 200_000 + b"]" * 200_000 + b"}", "nested too deeply"),
        (
            b'{"format": "briefgen-project", "schema": 1, "sources": [{"path": "a\\u0000b", "sha256": "'
            + b"a" * 64
            + b'", "id": "aaaaaaaa"}]}',
            "NUL",
        ),
        (b'{"format": "briefgen-project", "schema": 1, "template": "' + b"t" * 5000 + b'"}', "at most 200"),
    ],
)
def test_ambiguous_or_hostile_json_is_refused(text: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason) as caught:
        parse_project(text, "p.briefgen")
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 300
