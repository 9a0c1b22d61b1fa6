"""Hostile templates (``build --template FILE``) and logos; helpers the project cases share.

Every field of a template is also given a wrong type in-process by ``test_hostile_inputs.py``
(``test_every_template_field_with_a_wrong_type_is_refused``); the cases here run the command line for one
field of each kind of value.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

from tests.reliability.hostile_model import (
    ACCEPTED,
    REFUSED,
    REPO,
    Case,
    Run,
    brief_has,
    with_template,
    write,
)

DELETE = object()


def template_data(**changes: object) -> dict[str, object]:
    """The policy-brief template renamed ``hostile-test``, with ``a__b`` keys changed (or deleted)."""
    data: dict[str, object] = json.loads((REPO / "resources" / "templates" / "policy-brief.json").read_text("utf-8"))
    data["name"] = "hostile-test"
    for dotted, value in changes.items():
        node: object = data
        keys = dotted.split("__")
        for key in keys[:-1]:
            node = node[key]  # type: ignore[index]
        if value is DELETE:
            del node[keys[-1]]  # type: ignore[attr-defined]
        else:
            node[keys[-1]] = value  # type: ignore[index]
    return data


def _template(**changes: object) -> Callable[[Path], bytes]:
    return lambda _: json.dumps(template_data(**changes)).encode()


def _template_text(old: str, new: str) -> Callable[[Path], bytes]:
    """The template's JSON text with *old* replaced by *new* (for what ``json.dumps`` cannot write)."""
    return lambda _: json.dumps(template_data(), indent=1).replace(old, new, 1).encode()


def deep(depth: int, key: str) -> Callable[[Path], bytes]:
    return lambda _: f'{{"{key}": 1, "x": '.encode() + b"[" * depth + b"]" * depth + b"}"


def _png_bomb(_: Path) -> bytes:
    """A 1 KB PNG declaring 60,000 x 60,000 pixels (3.6 billion): a decompression bomb."""
    width = height = 60_000
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    idat = zlib.compress(b"\x00" * 1024 * 64, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _logo_case(
    name: str, why: str, make_logo: Callable[[Path], str], warning: str = "logo", *, embedded: bool = False
) -> Case:
    """A template whose logo is *make_logo(folder)*: the brief is made, with a warning, without the logo unless
    *embedded*."""

    def make(folder: Path) -> bytes:
        logo = {"path": make_logo(folder), "width": 30, "position": "right"}
        return json.dumps(template_data(logo=logo)).encode()

    return Case(
        name,
        ACCEPTED,
        why,
        with_template("logo-t.json", make, output="brief.pdf"),
        check=brief_has("Eastmouth", output="brief.pdf", warning=warning, image=embedded),
        needs="logo limits",
        cost=2,
    )


def fifo(folder: Path, name: str) -> str:
    os.mkfifo(folder / name)
    return str(folder / name)


def _link(folder: Path, name: str, target: str) -> str:
    (folder / name).symlink_to(target)
    return str(folder / name)


def _folder(folder: Path, name: str) -> str:
    (folder / name).mkdir()
    return str(folder / name)


def _bomb_logo(folder: Path) -> str:
    write(folder, "bomb.png", _png_bomb(folder))
    return "bomb.png"


def _outside_logo(folder: Path) -> str:
    outside = folder.parent / "outside-logo"
    outside.mkdir(exist_ok=True)
    from PIL import Image

    Image.new("RGB", (40, 20), "navy").save(outside / "logo.png")
    return str(outside / "logo.png")


def _fifo_in_templates(folder: Path) -> Run:
    templates = folder / "_user" / "data" / "templates"
    templates.mkdir(parents=True)
    os.mkfifo(templates / "pipe.json")
    return Run(["templates", "list"])


def _lists_builtins(_folder: Path, stdout: str, _stderr: str) -> None:
    assert "policy-brief" in stdout and "research-digest" in stdout, stdout


def _wrong(field: str, value: object, word: str, why: str) -> Case:
    return Case(
        f"template with a wrong type in {field}",
        REFUSED,
        why,
        with_template("t.json", _template(**{field: value})),
        "t.json",
        word,
    )


TEMPLATE_CASES: tuple[Case, ...] = (
    Case(
        "template that is not JSON",
        REFUSED,
        "broken JSON",
        with_template("t1.json", lambda _: b"{not json"),
        "t1.json",
        "json",
    ),
    Case(
        "template that is a JSON list",
        REFUSED,
        "a template is an object",
        with_template("t.json", lambda _: b"[1, 2]"),
        "t.json",
        "object",
    ),
    Case(
        "template in UTF-16",
        REFUSED,
        "templates are UTF-8 JSON",
        with_template("t.json", lambda _: json.dumps(template_data()).encode("utf-16")),
        "t.json",
        "utf-8",
    ),
    Case(
        "template with a UTF-8 byte-order mark",
        ACCEPTED,
        "a BOM is allowed before UTF-8 JSON",
        with_template(
            "t.json", lambda _: b"\xef\xbb\xbf" + json.dumps(template_data(title={"pattern": "BOM Brief"})).encode()
        ),
        check=brief_has("BOM Brief"),
    ),
    _wrong("page__margins__top", "abc", "margins", "a margin is a number of millimetres"),
    _wrong("name", 12, "name", "a name is text"),
    _wrong("parts", "all", "parts", "parts is a list"),
    _wrong("title", ["x"], "title", "title is an object"),
    _wrong("page__size", 5, "size", "a page size is a name"),
    _wrong("summary__words", "many", "words", "a length is a number"),
    _wrong("citations__style", [], "style", "a citation style is a name"),
    _wrong("output__format", {}, "format", "a format is a name"),
    _wrong("colours__accent", 255, "accent", "a colour is #RRGGBB text"),
    _wrong("fonts__size", True, "size", "true is not a size"),
    _wrong("logo", "logo.png", "logo", "logo is an object"),
    Case(
        "template missing its parts",
        ACCEPTED,
        "every member but schema_version and name may be left out and takes its default (docs/templates.md)",
        with_template("t3.json", _template(parts=DELETE)),
        check=brief_has("Sources", "Eastmouth"),
    ),
    Case(
        "template from the future",
        REFUSED,
        "an unknown schema version is not half-read",
        with_template("t4.json", _template(schema_version=99)),
        "t4.json",
        "version",
    ),
    Case(
        "template with a 0 mm page margin",
        REFUSED,
        "out of range",
        with_template("t5.json", _template(page__margins__left=0)),
        "t5.json",
        "margins",
    ),
    Case(
        "template asking 10,000 sentences",
        REFUSED,
        "out of range",
        with_template("t6.json", _template(summary={"algorithm": "default", "sentences": 10_000})),
        "t6.json",
        "sentences",
    ),
    Case(
        "template nested 100,000 deep",
        REFUSED,
        "nesting this deep is never a template",
        with_template("t7.json", deep(100_000, "schema_version")),
        "t7.json",
    ),
    Case(
        "template with NaN",
        REFUSED,
        "NaN is not JSON",
        with_template("t.json", _template_text('"size": 10.5', '"size": NaN')),
        "t.json",
        "nan",
    ),
    Case(
        "template with Infinity",
        REFUSED,
        "Infinity is not JSON",
        with_template("t.json", _template_text('"top": 22', '"top": Infinity')),
        "t.json",
        "infinity",
    ),
    Case(
        "template with a duplicate key",
        ACCEPTED,
        "JSON's rule, as every common reader applies it: the last value wins (the template can only change looks)",
        with_template(
            "t.json", _template_text('"pattern": "{title}"', '"pattern": "First Title", "pattern": "Second Title"')
        ),
        check=brief_has("Second Title", absent=("First Title",)),
    ),
    Case(
        "template with a 200 KB label",
        REFUSED,
        "labels are short",
        with_template("t.json", _template(label="L" * 200_000)),
        "t.json",
        "label",
    ),
    Case(
        "template over its size limit",
        REFUSED,
        "templates are small (256 KB)",
        with_template("t.json", _template(description="D" * 400_000)),
        "t.json",
        "too large",
    ),
    Case(
        "a FIFO as the template",
        REFUSED,
        "reading a FIFO blocks forever",
        lambda f: Run(
            [
                "build",
                str(REPO / "resources/samples/eastmouth-barrier-news.txt"),
                "-o",
                "brief.md",
                "--template",
                fifo(f, "t.json"),
            ],
            output="brief.md",
        ),
        "t.json",
        "regular file",
        needs="special files",
    ),
    Case(
        "a FIFO in the templates folder",
        ACCEPTED,
        "templates list must not block on it: the built-ins are listed",
        _fifo_in_templates,
        check=_lists_builtins,
        needs="special files",
    ),
    _logo_case(
        "logo that is a FIFO",
        "a logo problem never stops the brief: made without the logo, warned",
        lambda f: fifo(f, "logo.png"),
    ),
    _logo_case(
        "logo linked to /dev/zero", "an endless device is not read", lambda f: _link(f, "zero.png", "/dev/zero")
    ),
    _logo_case("logo linked to /dev/null", "a device is not an image", lambda f: _link(f, "null.png", "/dev/null")),
    _logo_case("logo that is a folder", "a folder is not an image", lambda f: _folder(f, "dir.png")),
    _logo_case("logo decompression bomb", "3.6 billion pixels declared: refused from the header", _bomb_logo),
    _logo_case(
        "logo outside the template's folder",
        "an absolute logo elsewhere is embedded with the warning import gives",
        _outside_logo,
        "outside",
        embedded=True,
    ),
)
