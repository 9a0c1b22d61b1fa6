"""Writing every file briefgen produces atomically (and, re-exported from :mod:`briefgen.safe_read`, reading
user files within limits).

Every file briefgen writes (briefs, templates, projects, settings, autosaves) goes through
:func:`atomic_write_bytes` / :func:`atomic_write_text`: the data goes to a temporary file in the same folder,
is flushed to disk, then renamed over the target. A crash at any moment leaves either the old file or the new
one, never a half-written file. :func:`atomic_write_all` does the same for several files that belong together
(a brief and its report): all are replaced, or none. Temporary files left by a killed write are removed on the
next write to the same place (:mod:`briefgen.part_files`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from briefgen.part_files import PART_SUFFIX, remove_stale_parts_for, temp_prefix

# re-exported: reading user files lives in briefgen.safe_read
from briefgen.safe_read import DEFAULT_MAX_INPUT_BYTES as DEFAULT_MAX_INPUT_BYTES
from briefgen.safe_read import max_input_bytes as max_input_bytes
from briefgen.safe_read import read_limited as read_limited


class WriteProtectedError(PermissionError):
    """The file to be replaced is marked read-only (no write permission bit set), or its folder is."""


def refuse_protected(path: str | os.PathLike[str]) -> None:
    """Raise :class:`WriteProtectedError` when *path* exists and is marked read-only, or its folder is.

    Judged by the permission bits, not by ``access()``, so a write-protected file is not replaced silently even
    when the user (an administrator, say) could replace it.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path()
    for candidate, what in ((target, "the file is write-protected"), (folder, "its folder is write-protected")):
        try:
            st = candidate.stat()
        except OSError:
            continue
        if candidate is target and stat.S_ISDIR(st.st_mode):
            continue
        if not st.st_mode & 0o222:
            raise WriteProtectedError(errno.EACCES, what, os.fspath(candidate))


def _stage(target: Path, folder: Path) -> tuple[IO[bytes], Path]:
    """A new temporary file beside *target* (removing stale ones of earlier writes first)."""
    remove_stale_parts_for(target)
    fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(target.name), suffix=PART_SUFFIX, dir=folder)
    return os.fdopen(fd, "wb"), Path(tmp_name)


def _seal(fh: IO[bytes], tmp: Path, target: Path) -> None:
    """Flush *fh* to disk, close it and give *tmp* the permissions *target* has (or a new file's usual ones)."""
    fh.flush()
    os.fsync(fh.fileno())
    fh.close()
    with contextlib.suppress(OSError):
        # keep an existing file's permissions; new files get the usual 0o666 & ~umask
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)


@contextlib.contextmanager
def atomic_writer(
    path: str | os.PathLike[str], mode: str = "wb", *, replace_protected: bool = True
) -> Iterator[IO[bytes]]:
    """Open a temporary file beside *path*; on success it replaces *path* in one rename.

    On any exception the temporary file is removed and *path* is left as it was. With *replace_protected*
    false, a write-protected *path* (or folder) raises :class:`WriteProtectedError` before anything is written.
    Stale temporary files of earlier, killed writes to *path* are removed (:mod:`briefgen.part_files`).
    """
    if mode != "wb":
        raise ValueError("atomic_writer only writes bytes ('wb')")
    target = Path(path)
    folder = target.parent if str(target.parent) else Path()
    if not replace_protected:
        refuse_protected(target)
    fh, tmp = _stage(target, folder)
    try:
        with fh:
            yield fh
            _seal(fh, tmp, target)
        os.replace(tmp, target)
        _fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, replace_protected: bool = True) -> None:
    """Write *data* to *path* atomically."""
    with atomic_writer(path, replace_protected=replace_protected) as fh:
        fh.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write *text* to *path* atomically (UTF-8, ``\\n`` line ends)."""
    atomic_write_bytes(path, text.encode(encoding))


def atomic_write_all(files: Sequence[tuple[str | os.PathLike[str], bytes]], *, replace_protected: bool = True) -> None:
    """Write several files as one: every file is written to a temporary file first, and only when all of them
    are complete are they renamed over their targets, in order.

    A failure while writing (a full disk, a read-only folder, a file-size limit) leaves every target as it was
    and no temporary file behind. Should a rename fail half-way, the targets already replaced are put back
    (their previous versions are kept as hard links until the end), so either all files change or none.
    """
    targets = [Path(p) for p, _ in files]
    if not replace_protected:
        for target in targets:
            refuse_protected(target)
    staged: list[tuple[Path, Path]] = []
    done: list[tuple[Path, Path | None]] = []
    try:
        for target, (_, data) in zip(targets, files, strict=True):
            folder = target.parent if str(target.parent) else Path()
            fh, tmp = _stage(target, folder)
            staged.append((tmp, target))
            with fh:
                fh.write(data)
                _seal(fh, tmp, target)
        for tmp, target in staged:
            done.append((target, _keep_previous(target)))
            os.replace(tmp, target)
        for folder in dict.fromkeys(t.parent for t in targets):
            _fsync_dir(folder if str(folder) else Path())
    except BaseException:
        for target, previous in reversed(done):
            with contextlib.suppress(OSError):
                if previous is not None:
                    os.replace(previous, target)
                elif target.exists():
                    target.unlink()
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    finally:
        for _, previous in done:
            if previous is not None:
                with contextlib.suppress(OSError):
                    previous.unlink()


def _keep_previous(target: Path) -> Path | None:
    """A hard link to *target*'s current file (to put it back), or ``None`` when there is none to keep."""
    if not target.is_file() or target.is_symlink():
        return None
    folder = target.parent if str(target.parent) else Path()
    keep = Path(tempfile.mktemp(prefix=temp_prefix(target.name), suffix=PART_SUFFIX, dir=folder))
    try:
        os.link(target, keep)
    except OSError:
        return None
    return keep


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
