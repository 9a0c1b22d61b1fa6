"""Where a build writes, checked before any work is done, and writing the brief and its report as one.

The brief (``-o``) and the report (``--report``) may never replace an input: a source, the template file or the
project file, nor each other. Paths the system cannot use (a NUL character, a name or path over the system's
limit, a symbolic-link loop, a folder) are refused with a plain reason. A write-protected output file is not
replaced unless the caller says so (``briefgen build --force``). The brief and the report are written to
temporary files first and renamed together (:func:`briefgen.fileio.atomic_write_all`): a failure leaves both
files as they were.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath

from briefgen.errors import InputError
from briefgen.fileio import WriteProtectedError, atomic_write_all, refuse_protected

DEFAULT_NAME_MAX = 255


def _is_url(path: str) -> bool:
    return "://" in path


def usable_path(path: str, what: str = "the output") -> None:
    """Refuse a path the system cannot write to: NUL characters, over-long names or paths, a symbolic-link loop,
    a folder, a missing folder."""
    if "\0" in path:
        raise InputError(f"cannot write {what}: its name holds a NUL character", path.replace("\0", "\\0"))
    target = Path(path)
    folder = target.parent if str(target.parent) else Path()
    try:
        name_max = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        name_max = DEFAULT_NAME_MAX
    if len(os.fsencode(target.name)) > name_max:
        raise InputError(f"cannot write {what}: the file name is longer than the system allows ({name_max})", path)
    try:
        os.stat(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise _path_error(exc, path, what) from None
    if os.path.isdir(path):
        raise InputError(f"cannot write {what}: it is a folder", path)
    try:
        folder_ok = folder.is_dir()
    except OSError as exc:
        raise _path_error(exc, path, what) from None
    if not folder_ok:
        raise InputError(f"cannot write {what}: its folder does not exist", path)


def _path_error(exc: OSError, path: str, what: str) -> InputError:
    if exc.errno == errno.ELOOP:
        return InputError(f"cannot write {what}: the path is a loop of symbolic links", path)
    if exc.errno == errno.ENAMETOOLONG:
        return InputError(f"cannot write {what}: the path is longer than the system allows", path)
    if exc.errno == errno.ENOTDIR:
        return InputError(f"cannot write {what}: a part of the path is not a folder", path)
    return InputError(f"cannot write {what} ({exc.strerror or exc})", path)


def same_file(a: str, b: str) -> bool:
    """Whether paths *a* and *b* name the same file (through links, ``..`` and case-insensitive file systems)."""
    try:
        if os.path.samefile(a, b):
            return True
    except (OSError, ValueError):
        pass
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):
        return os.path.abspath(a) == os.path.abspath(b)


def refuse_replacing_inputs(outputs: Sequence[tuple[str, str]], inputs: Iterable[tuple[str, str]]) -> None:
    """Refuse when an output (``(what, path)``) is one of the *inputs* (``(what, path)``) or another output."""
    known = [(what, path) for what, path in inputs if path and not _is_url(path)]
    for n, (what, path) in enumerate(outputs):
        for input_what, input_path in known:
            if same_file(path, input_path):
                raise InputError(
                    f"{what} would replace {input_what} {input_path}; choose another file name (briefgen never "
                    "overwrites its inputs)",
                    path,
                )
        for other_what, other in outputs[:n]:
            if same_file(path, other):
                raise InputError(f"{what} and {other_what} are the same file; give them different names", path)


def check_outputs(
    outputs: Sequence[tuple[str, str]], inputs: Iterable[tuple[str, str]], *, replace_protected: bool
) -> None:
    """Every check made before a build does any work: usable paths, no input replaced, no write-protected file
    replaced unless *replace_protected*."""
    for what, path in outputs:
        usable_path(path, what)
    refuse_replacing_inputs(outputs, inputs)
    if not replace_protected:
        for what, path in outputs:
            try:
                refuse_protected(path)
            except WriteProtectedError as exc:
                raise protected_error(exc, what, path) from None


def protected_error(exc: WriteProtectedError, what: str, path: str) -> InputError:
    if "folder" in str(exc.strerror):
        return InputError(f"cannot write {what}: its folder is write-protected", path)
    return InputError(
        f"{what} exists and is write-protected; briefgen does not replace it (make it writable, choose another "
        "name, or use --force)",
        path,
    )


def write_outputs(files: Sequence[tuple[str, str, bytes]], *, replace_protected: bool) -> None:
    """Write ``(what, path, bytes)`` files all at once, or none: an :class:`InputError` naming the first file
    when they cannot be written (every file is then left as it was)."""
    try:
        atomic_write_all([(path, data) for _, path, data in files], replace_protected=replace_protected)
    except WriteProtectedError as exc:
        culprit = next((f for f in files if exc.filename and same_file(f[1], exc.filename)), files[0])
        raise protected_error(exc, culprit[0], culprit[1]) from None
    except OSError as exc:
        path = files[0][1]
        names = " and ".join(w for w, _, _ in files)
        reason = exc.strerror or str(exc)
        if exc.errno == errno.EFBIG:
            reason = "the file would exceed the size this process may write"
        elif exc.errno == errno.ENOSPC:
            reason = "the disk is full"
        unchanged = "; nothing was changed" if len(files) > 1 else "; the previous file is unchanged"
        raise InputError(f"cannot write {names} ({reason}){unchanged}", path) from None


def suffixed(output: str, default_format: str) -> str:
    """*output*, with ``.<default_format>`` added when it has no extension."""
    return output if PurePath(output).suffix else f"{output}.{default_format}"
