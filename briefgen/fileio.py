"""Reading user files within limits, and writing every file briefgen produces atomically.

Every file briefgen writes (briefs, templates, projects, settings, autosaves) goes through
:func:`atomic_write_bytes` / :func:`atomic_write_text`: the data goes to a temporary file in the same folder,
is flushed to disk, then renamed over the target. A crash at any moment leaves either the old file or the new
one, never a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from briefgen.errors import InputError

DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Largest source file read by default (64 MiB); ``BRIEFGEN_MAX_INPUT_MB`` or the ``max_bytes`` argument change it."""


def max_input_bytes() -> int:
    """The size limit for source files, from ``BRIEFGEN_MAX_INPUT_MB`` when set."""
    raw = os.environ.get("BRIEFGEN_MAX_INPUT_MB")
    if raw:
        try:
            return max(1, int(float(raw) * 1024 * 1024))
        except ValueError:
            pass
    return DEFAULT_MAX_INPUT_BYTES


def read_limited(path: str | os.PathLike[str], max_bytes: int | None = None) -> bytes:
    """Read a whole file, refusing missing, unreadable, empty and oversized files with an :class:`InputError`."""
    shown = os.fspath(path)
    limit = max_input_bytes() if max_bytes is None else max_bytes
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError("no such file", shown) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", shown) from None
    if p.is_dir():
        raise InputError("is a folder, not a file", shown)
    if st.st_size > limit:
        raise InputError(
            f"file is too large ({st.st_size / 1048576:.1f} MB; the limit is {limit / 1048576:.0f} MB, "
            "set BRIEFGEN_MAX_INPUT_MB to change it)",
            shown,
        )
    try:
        with p.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", shown) from None
    if len(data) > limit:
        raise InputError(f"file is too large (the limit is {limit / 1048576:.0f} MB)", shown)
    if not data:
        raise InputError("file is empty", shown)
    return data


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], mode: str = "wb") -> Iterator[IO[bytes]]:
    """Open a temporary file beside *path*; on success it replaces *path* in one rename.

    On any exception the temporary file is removed and *path* is left as it was.
    """
    if mode != "wb":
        raise ValueError("atomic_writer only writes bytes ('wb')")
    target = Path(path)
    folder = target.parent if str(target.parent) else Path()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            # keep an existing file's permissions; new files get the usual 0o666 & ~umask
            if target.exists():
                os.chmod(tmp, target.stat().st_mode & 0o7777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
        _fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write *data* to *path* atomically."""
    with atomic_writer(path) as fh:
        fh.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write *text* to *path* atomically (UTF-8, ``\\n`` line ends)."""
    atomic_write_bytes(path, text.encode(encoding))


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
