"""The temporary ``.part`` files of atomic writes: how they are named, and removing the ones a killed write left.

:func:`briefgen.fileio.atomic_writer` writes ``.<name>.<pid>.<random>.part`` beside the file it replaces, so a
left-over can be told apart from a write in progress: a ``.part`` file is *stale* when the process that wrote
it is gone (and the file has not been touched for :data:`DEAD_WRITER_GRACE_S`), or, whatever its process, when
it is older than :data:`ABANDONED_AGE_S` (a reused process id). Files named by older versions, without a
process id, are stale after :data:`UNNAMED_AGE_S`. Nothing else is ever removed.

Stale files are removed on the next write to the same place (:func:`remove_stale_parts_for`) and by the
desktop app at start for its own folders (:func:`remove_stale_parts`).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from collections.abc import Iterable
from pathlib import Path

PART_SUFFIX = ".part"
NAME_CHARS = 100
"""At most this many characters of the target's name go into the temporary name (file names are limited)."""
DEAD_WRITER_GRACE_S = 60.0
"""A ``.part`` file whose writer is no longer running is removed once it is this old (its writer might have
been on another machine sharing the folder, so a fresh one is left alone)."""
ABANDONED_AGE_S = 24 * 3600.0
"""Any ``.part`` file of ours this old is removed (its process id may have been reused)."""
UNNAMED_AGE_S = 3600.0
"""A ``.part`` file without a process id in its name (written by an older briefgen) is removed this old."""

_TAIL = re.compile(r"(?:(?P<pid>[0-9]{1,10})\.)?[a-z0-9_]{8}")
"""What follows ``.<name>.`` in a temporary name: the writer's process id and tempfile's 8 random characters."""
_ANY_PART = re.compile(r"\.(?P<name>.+?)\.(?P<tail>(?:[0-9]{1,10}\.)?[a-z0-9_]{8})\.part")


def temp_prefix(target_name: str) -> str:
    """The start of a temporary file's name for *target_name*: ``.<name>.<pid>.``."""
    return f".{target_name[:NAME_CHARS]}.{os.getpid()}."


def _writer_running(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # running, under another user (or not ours to judge)
    return True


def is_stale(tail: str, age_s: float) -> bool:
    """Whether a ``.part`` file whose name ends ``.<tail>.part`` and is *age_s* seconds old is a left-over."""
    match = _TAIL.fullmatch(tail)
    if match is None:
        return False
    if match["pid"] is None:
        return age_s > UNNAMED_AGE_S
    if age_s > ABANDONED_AGE_S:
        return True
    pid = int(match["pid"])
    return pid != os.getpid() and age_s > DEAD_WRITER_GRACE_S and not _writer_running(pid)


def _remove_if_stale(path: Path, tail: str, now: float) -> bool:
    try:
        st = path.lstat()
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or not is_stale(tail, now - st.st_mtime):
        return False
    with contextlib.suppress(OSError):
        path.unlink()
        return True
    return False


def remove_stale_parts_for(target: Path) -> int:
    """Remove the stale temporary files of earlier writes to *target*; how many were removed."""
    folder = target.parent
    prefix = f".{target.name[:NAME_CHARS]}."
    removed = 0
    now = time.time()
    try:
        entries = [e.name for e in os.scandir(folder) if e.name.startswith(prefix) and e.name.endswith(PART_SUFFIX)]
    except OSError:
        return 0
    for name in entries:
        tail = name[len(prefix) : -len(PART_SUFFIX)]
        removed += _remove_if_stale(folder / name, tail, now)
    return removed


def remove_stale_parts(folders: Iterable[str | os.PathLike[str]]) -> int:
    """Remove stale temporary files left in *folders* (not below them); how many were removed.

    Missing or unreadable folders are skipped: this is housekeeping and never fails.
    """
    removed = 0
    now = time.time()
    for given in dict.fromkeys(os.fspath(f) for f in folders):
        try:
            names = [e.name for e in os.scandir(given) if e.name.endswith(PART_SUFFIX)]
        except OSError:
            continue
        for name in names:
            match = _ANY_PART.fullmatch(name)
            if match is not None:
                removed += _remove_if_stale(Path(given) / name, match["tail"], now)
    return removed
