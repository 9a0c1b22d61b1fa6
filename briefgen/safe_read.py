"""The one way briefgen reads a file the user named: regular files only, within a size limit.

Sources, templates, projects, logos and briefs to verify are all read through :func:`read_limited`. It refuses,
with an :class:`~briefgen.errors.InputError` naming the file:

- anything that is not a regular file — a folder, a named pipe (FIFO), a device such as ``/dev/zero``, a socket —
  by an ``os.stat`` check before opening, and again on the opened descriptor (the file is opened with
  ``O_NONBLOCK``, so even a file swapped for a FIFO between the check and the open cannot block the read);
- missing and unreadable files, symbolic-link loops, over-long names and names holding a NUL character;
- files over the size limit, checked against the declared size and again while reading;
- empty files.

The limit for source files is :data:`DEFAULT_MAX_INPUT_BYTES`, or ``BRIEFGEN_MAX_INPUT_MB`` megabytes when that
environment variable is set; other kinds of file (projects, templates, logos) have fixed limits passed by the
caller, and their message says so instead of naming a setting that would not change them.
"""

from __future__ import annotations

import errno
import os
import stat

from briefgen.errors import InputError

MAX_INPUT_SETTING = "BRIEFGEN_MAX_INPUT_MB"
"""Environment variable: the largest source file read, in megabytes (decimals allowed)."""
DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Largest source file read by default (64 MiB); :data:`MAX_INPUT_SETTING` changes it."""
_CHUNK = 1024 * 1024
_MB = 1024 * 1024


def max_input_bytes() -> int:
    """The size limit for source files: ``BRIEFGEN_MAX_INPUT_MB`` megabytes when set to a positive number."""
    limit = _setting_bytes()
    return DEFAULT_MAX_INPUT_BYTES if limit is None else limit


def _setting_bytes() -> int | None:
    raw = os.environ.get(MAX_INPUT_SETTING, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        return None
    if not value > 0 or value == float("inf"):
        return None
    return max(1, int(value * _MB))


def _limit_hint() -> str:
    raw = os.environ.get(MAX_INPUT_SETTING, "").strip()
    if raw and _setting_bytes() is None:
        return f"{MAX_INPUT_SETTING}={raw!r} is not a positive number of megabytes, so the default applies"
    return f"set {MAX_INPUT_SETTING} to change it"


def _mb(size: int) -> str:
    if size < _MB:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / _MB:.1f} MB" if size < 10 * _MB else f"{size / _MB:.0f} MB"


def read_limited(path: str | os.PathLike[str], max_bytes: int | None = None, *, kind: str = "file") -> bytes:
    """Read a whole regular file of at most *max_bytes* (the source-file limit when ``None``).

    *kind* names the file in messages ("project file", "template", "logo"). Raises :class:`InputError` naming
    the file for anything that is not a non-empty regular file within the limit (see the module doc).
    """
    shown = os.fspath(path)
    from_setting = max_bytes is None
    limit = max_input_bytes() if max_bytes is None else max_bytes
    st = regular_file_stat(shown, kind=kind)
    if st.st_size > limit:
        raise InputError(_too_large(f"{_mb(st.st_size)}; ", limit, kind, from_setting), shown)
    fd = _open_nonblocking(shown, kind)
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (st.st_dev, st.st_ino):
            raise InputError(f"changed while being opened (it is no longer the same regular {kind})", shown)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise InputError(f"cannot read the {kind} ({_reason(exc)})", shown) from None
    finally:
        os.close(fd)
    if total > limit:
        raise InputError(_too_large("", limit, kind, from_setting), shown)
    if total == 0:
        raise InputError(f"{kind} is empty", shown)
    return b"".join(chunks)


def regular_file_stat(path: str, *, kind: str = "file") -> os.stat_result:
    """``os.stat`` of *path* (links followed) when it is a regular file; :class:`InputError` naming it otherwise."""
    if "\x00" in path:
        raise InputError(f"the {kind} name contains a NUL character", path.replace("\x00", "\\0"))
    try:
        st = os.stat(path)
    except OSError as exc:
        raise InputError(_stat_problem(exc, kind), path) from None
    except ValueError:  # e.g. a name the platform cannot encode
        raise InputError(f"the {kind} name cannot be used on this system", path) from None
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return st
    if stat.S_ISDIR(mode):
        raise InputError("is a folder, not a file", path)
    if stat.S_ISFIFO(mode):
        raise InputError("is a named pipe (FIFO), not a regular file", path)
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise InputError("is a device, not a regular file", path)
    if stat.S_ISSOCK(mode):
        raise InputError("is a socket, not a regular file", path)
    raise InputError("is not a regular file", path)


def _open_nonblocking(path: str, kind: str) -> int:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        return os.open(path, flags)
    except OSError as exc:
        raise InputError(_stat_problem(exc, kind), path) from None


def _stat_problem(exc: OSError, kind: str) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno == errno.ELOOP:
        return "the path is a loop of symbolic links"
    if exc.errno == errno.ENAMETOOLONG:
        return "the path is too long for this system"
    if exc.errno == errno.ENOTDIR:
        return "no such file (a part of the path is not a folder)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"permission denied: cannot read the {kind}"
    return f"cannot read the {kind} ({_reason(exc)})"


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _too_large(size: str, limit: int, kind: str, from_setting: bool) -> str:
    if from_setting:
        return f"{kind} is too large ({size}the limit is {_mb(limit)}; {_limit_hint()})"
    return f"{kind} is too large ({size}a {kind} may be at most {_mb(limit)})"
