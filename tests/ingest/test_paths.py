from __future__ import annotations

from pathlib import Path

from briefgen.ingest.paths import expand_paths


def test_folders_expand_to_supported_files_below_them(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b.txt", "a.md", "sub/c.pdf", "notes.xyz", ".secret.txt", ".hidden/d.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert expand_paths([str(tmp_path)]) == [str(tmp_path / n) for n in ("a.md", "b.txt", "sub/c.pdf")]


def test_files_and_addresses_pass_through_unchanged(tmp_path: Path) -> None:
    given = [str(tmp_path / "missing.txt"), "https://example.org/a//b", "notes.xyz"]
    assert expand_paths(given) == given
