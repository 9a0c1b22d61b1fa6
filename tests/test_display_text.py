"""Untrusted text shown on a terminal line: control characters escaped, credentials removed."""

from __future__ import annotations

import pytest

from briefgen.cli.common import error_line
from briefgen.display_text import for_display, without_url_credentials


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain name.txt", "plain name.txt"),
        ("accents é ü — “quotes” 日本語.md", "accents é ü — “quotes” 日本語.md"),
        ("two\nlines.txt", "two\\nlines.txt"),
        ("cr\rtab\t.txt", "cr\\rtab\\t.txt"),
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        ("bell\x07 del\x7f c1\x9b", "bell\\x07 del\\x7f c1\\x9b"),
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),
        ("isolate\u2066x\u2069", "isolate\\u2066x\\u2069"),
        ("line\u2028sep", "line\\u2028sep"),
        ("bad byte \udcff.txt", "bad byte \\udcff.txt"),  # an undecodable file name byte (surrogateescape)
        ("nbsp\u00a0stays", "nbsp\u00a0stays"),
        ("C:\\Users\\ann\\notes.txt", "C:\\Users\\ann\\notes.txt"),
    ],
)
def test_for_display(raw: str, shown: str) -> None:
    assert for_display(raw) == shown
    assert "\n" not in for_display(raw)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("http://alice:pw@host/x: failed", "http://host/x: failed"),
        ("see HTTPS://bob@example.org and http://c:d@e.f/", "see HTTPS://example.org and http://e.f/"),
        ("http://u:p@ss@host:8080/a@b", "http://host:8080/a@b"),
        ("mail bob@example.org", "mail bob@example.org"),
        ("http://host/path@x", "http://host/path@x"),
    ],
)
def test_without_url_credentials(text: str, expected: str) -> None:
    assert without_url_credentials(text) == expected


def test_every_error_line_is_one_safe_line(capsys: pytest.CaptureFixture[str]) -> None:
    error_line("http://u:secret@h/a\nb\x1b[2J: refused")
    err = capsys.readouterr().err
    assert err == "briefgen: http://h/a\\nb\\x1b[2J: refused\n"
