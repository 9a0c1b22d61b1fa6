"""Keep the desktop app's translation files up to date (``make translations`` runs this).

* Collects every text the app wraps for translation (``pyside6-lupdate`` over ``briefgen/gui/*.py``) into
  ``resources/translations/briefgen_en.ts``: the English template a translator starts from.
* Brings every other ``briefgen_<language>.ts`` there up to date the same way (translations made are kept; texts
  the app no longer has are marked obsolete, not lost) and compiles each to the ``.qm`` file the app loads for the
  system's language (``pyside6-lrelease``).

Usage::

    python tools/update_translations.py            # update the .ts files, compile the .qm files
    python tools/update_translations.py --add de   # start a translation: resources/translations/briefgen_de.ts
    python tools/update_translations.py --check    # exit 1 if briefgen_en.ts misses texts or has stale ones

The tools ship with PySide6 (``.venv/bin/pyside6-lupdate``); see docs/gui.md, "Translations".
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "briefgen" / "gui"
TRANSLATIONS = REPO / "resources" / "translations"
CATALOGUE = "briefgen"
SOURCE_LANGUAGE = "en"
TEMPLATE = TRANSLATIONS / f"{CATALOGUE}_{SOURCE_LANGUAGE}.ts"
LANGUAGE = re.compile(r"[a-z]{2,3}(_[A-Z]{2}|_[A-Z][a-z]{3})?")
"""A language as Qt names it: ``de``, ``pt_BR``, ``zh_Hans``."""
TOOL_TIMEOUT_S = 120

Message = tuple[str, str]
"""(context, source text)."""


def find_tool(name: str) -> str | None:
    """*name* (``pyside6-lupdate``, ``pyside6-lrelease``) beside this Python (a virtualenv's bin folder), else on
    the PATH; ``None`` when neither has it."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which(name)


def _tool(name: str) -> str:
    path = find_tool(name)
    if path is None:
        raise SystemExit(f"{name} not found: it ships with PySide6 (pip install PySide6-Essentials)")
    return path


def source_files() -> list[Path]:
    return sorted(SOURCES.glob("*.py"))


def _run(command: Sequence[str]) -> None:
    done = subprocess.run(list(command), capture_output=True, text=True, timeout=TOOL_TIMEOUT_S, check=False)
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        raise SystemExit(f"{Path(command[0]).name} failed ({done.returncode}):\n{output}")
    if output:
        print(output)


def _readable(path: Path) -> None:
    """The usual permissions of a new file (0o666 less the umask): a temporary file is made readable by its owner
    only."""
    umask = os.umask(0)
    os.umask(umask)
    path.chmod(0o666 & ~umask)


def lupdate(ts: Path, language: str, *, keep_obsolete: bool = True, locations: str = "relative") -> None:
    """Write *ts* (new, or updated keeping its translations) with every wrapped text of the app. The file is
    replaced in one step, so a failed run leaves the old one."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{ts.stem}-", suffix=".ts", dir=ts.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        if ts.exists():
            shutil.copyfile(ts, temporary)
        else:
            temporary.unlink()  # lupdate makes it
        command = [_tool("pyside6-lupdate"), *map(str, source_files()), "-ts", str(temporary)]
        command += ["-source-language", SOURCE_LANGUAGE, "-target-language", language, "-locations", locations]
        if not keep_obsolete:
            command.append("-no-obsolete")
        _run(command)
        _readable(temporary)
        os.replace(temporary, ts)
    finally:
        temporary.unlink(missing_ok=True)


def lrelease(ts: Path) -> Path:
    """Compile *ts* to the ``.qm`` file beside it (replaced in one step); returns its path."""
    qm = ts.with_suffix(".qm")
    fd, name = tempfile.mkstemp(prefix=f".{ts.stem}-", suffix=".qm", dir=ts.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        _run([_tool("pyside6-lrelease"), str(ts), "-qm", str(temporary)])
        _readable(temporary)
        os.replace(temporary, qm)
    finally:
        temporary.unlink(missing_ok=True)
    return qm


def messages(ts: Path) -> set[Message]:
    """The (context, source text) pairs *ts* holds, texts marked obsolete left out."""
    root = ET.parse(ts).getroot()
    found: set[Message] = set()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            found.add((name, message.findtext("source") or ""))
    return found


def stale_messages(ts: Path = TEMPLATE) -> tuple[set[Message], set[Message]]:
    """(texts of the app that *ts* lacks, texts in *ts* the app no longer has), from a fresh collection in a
    temporary folder (nothing in the repository is written)."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / ts.name
        lupdate(fresh, SOURCE_LANGUAGE, keep_obsolete=False, locations="none")
        current = messages(fresh)
    committed = messages(ts) if ts.exists() else set()
    return current - committed, committed - current


def translated_files() -> list[Path]:
    """Every ``briefgen_<language>.ts`` but the English template."""
    return [ts for ts in sorted(TRANSLATIONS.glob(f"{CATALOGUE}_*.ts")) if ts != TEMPLATE]


def update() -> None:
    lupdate(TEMPLATE, SOURCE_LANGUAGE, keep_obsolete=False)
    for ts in translated_files():
        lupdate(ts, ts.stem.split("_", 1)[1])
        print(f"compiled {lrelease(ts).relative_to(REPO)}")


def add_language(language: str) -> Path:
    if not LANGUAGE.fullmatch(language) or language == SOURCE_LANGUAGE:
        raise SystemExit(f"{language!r} is not a language to add: give one like de, fr or pt_BR")
    ts = TRANSLATIONS / f"{CATALOGUE}_{language}.ts"
    if ts.exists():
        raise SystemExit(f"{ts.relative_to(REPO)} exists already: run without --add to update it")
    lupdate(ts, language)
    return ts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--add", metavar="LANGUAGE", help="start a translation (briefgen_LANGUAGE.ts)")
    group.add_argument("--check", action="store_true", help="only check that briefgen_en.ts is up to date")
    args = parser.parse_args(argv)
    if args.check:
        missing, extra = stale_messages()
        for context, text in sorted(missing):
            print(f"not in {TEMPLATE.name}: [{context}] {text!r}")
        for context, text in sorted(extra):
            print(f"no longer in the app: [{context}] {text!r}")
        if missing or extra:
            print("run: python tools/update_translations.py")
            return 1
        print(f"{TEMPLATE.relative_to(REPO)} is up to date")
        return 0
    if args.add:
        ts = add_language(args.add)
        print(f"created {ts.relative_to(REPO)}: translate it with pyside6-linguist, then run this again")
        return 0
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())
