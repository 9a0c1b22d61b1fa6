"""What a hostile case is: files made at test time, one ``briefgen`` command, and exactly one expected outcome
with its reason. Plus the helpers the case lists share (commands, content checks)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REFUSED = "refused"
"""Exit status 2, every stderr line starting ``briefgen:``, the error line naming the file and the problem, no
output written (a previous output left as it was)."""
ACCEPTED = "accepted"
"""Exit status 0 and the correct content, checked by the case."""

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "eastmouth-barrier-news.txt"
SECRET = "TOP-SECRET-c0ffee-42"
PROSE = (
    "The council approved the budget on Tuesday after a long debate. Libraries will close on Mondays from April. "
    "The bus subsidy will be reviewed again in the autumn."
)
ARTICLE = f"A Title\n\n{PROSE}\n"


@dataclass(frozen=True)
class Run:
    """The command a case runs (``briefgen`` + *argv*, in the case's folder) and what it may write."""

    argv: list[str]
    output: str | None = None
    """The file the command writes (relative to the folder)."""
    previous: bytes | None = None
    """What *output* held before the command: a refused case must leave exactly that."""
    env: dict[str, str] = field(default_factory=dict)
    file_size_limit: int | None = None
    """``ulimit -f`` in bytes: a full disk as the writer sees it."""
    copies: int = 1
    """How many copies of the command run at the same time."""
    kept_parts: tuple[str, ...] = ()
    """``.part`` files the case made on purpose and expects to stay (a write in progress elsewhere)."""
    absent: tuple[str, ...] = ()
    """Files that must not exist afterwards, whatever the outcome's checks (an output that must not be written)."""


Check = Callable[[Path, str, str], None]
"""An accepted case's content check: ``(folder, stdout, stderr)``; raises ``AssertionError``."""


@dataclass(frozen=True)
class Case:
    name: str
    expect: str
    why: str
    """Why this is the one right outcome."""
    setup: Callable[[Path], Run]
    names: str = ""
    """Refused: what the error line must name (the file concerned)."""
    message: str = ""
    """Refused: words the error line must hold (lower case); accepted: words a warning line must hold."""
    check: Check | None = None
    needs: str = ""
    """Work besides this suite's that the outcome relies on (named in reports while it is pending)."""
    cost: float = 1.0
    """Rough run time in seconds (the slowest cases are started first)."""


# ---- commands ---------------------------------------------------------------------------------------------------
def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def inspect(name: str, make: Callable[[Path], bytes]) -> Callable[[Path], Run]:
    """``briefgen inspect --json NAME`` on a file made by *make*."""

    def setup(folder: Path) -> Run:
        write(folder, name, make(folder))
        return Run(["inspect", "--json", name])

    return setup


def with_template(name: str, make: Callable[[Path], bytes], output: str = "brief.md") -> Callable[[Path], Run]:
    """``briefgen build SAMPLE -o OUTPUT --template NAME`` with a template file made by *make*."""

    def setup(folder: Path) -> Run:
        write(folder, name, make(folder))
        return Run(["build", str(SAMPLE), "-o", output, "--template", name], output=output)

    return setup


def with_project(
    name: str, make: Callable[[Path], bytes], *extra: str, output: str = "brief.md"
) -> Callable[[Path], Run]:
    """``briefgen build --project NAME -o OUTPUT`` with a project file made by *make*."""

    def setup(folder: Path) -> Run:
        write(folder, name, make(folder))
        return Run(["build", "--project", name, "-o", output, *extra], output=output)

    return setup


def secret(folder: Path) -> Path:
    return write(folder, "secret.txt", f"Secret Notes\n\n{SECRET} is the code. It must never leave.\n".encode())


# ---- content checks ---------------------------------------------------------------------------------------------
def inspected_text(stdout: str) -> str:
    """Every section's text in ``inspect --json`` output."""
    data = json.loads(stdout)
    return "\n".join(
        sec["text"] for src in data["sources"] for art in src["articles"] for sec in art["sections"]
    )  # fmt: skip


def text_has(*present: str, absent: tuple[str, ...] = (), warning: str = "") -> Check:
    """Accepted by ``inspect``: the text holds *present*, not *absent*; a warning line holds *warning*."""

    def check(_folder: Path, stdout: str, stderr: str) -> None:
        text = inspected_text(stdout)
        for snippet in present:
            assert snippet in text, f"{snippet!r} missing from the text read"
        for snippet in absent:
            assert snippet not in text, f"{snippet!r} should not be in the text read"
        if warning:
            assert any(warning in line.lower() for line in stderr.splitlines()), f"no warning about {warning!r}"

    return check


def brief_text(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        import io

        from pypdf import PdfReader

        assert data.startswith(b"%PDF") and b"%%EOF" in data[-1024:], "not a complete PDF"
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    return data.decode("utf-8")


def brief_has(
    *present: str, absent: tuple[str, ...] = (), warning: str = "", output: str = "brief.md", image: bool | None = None
) -> Check:
    """Accepted by ``build``: the brief holds *present*, not *absent*; a warning line holds *warning*; with
    *image* set, the PDF does (not) embed an image."""

    def check(folder: Path, _stdout: str, stderr: str) -> None:
        path = folder / output
        text = brief_text(path)
        for snippet in present:
            assert snippet in text, f"{snippet!r} missing from the brief"
        for snippet in absent:
            assert snippet not in text, f"{snippet!r} should not be in the brief"
        if warning:
            assert any(warning in line.lower() for line in stderr.splitlines()), f"no warning about {warning!r}"
        if image is not None:
            assert (b"/Subtype /Image" in path.read_bytes()) is image

    return check
