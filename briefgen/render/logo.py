"""Loading a template's logo: PNG or JPEG only; any problem gives a warning and no logo, never an error.

A logo is read only when it is a regular file of at most :data:`MAX_LOGO_BYTES` whose header declares at most
:data:`MAX_LOGO_PIXELS` pixels.
"""

from __future__ import annotations

import io
import struct
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from briefgen.errors import InputError
from briefgen.safe_read import read_limited
from briefgen.templates.style import LOGO_SUFFIXES, LOGO_WIDTH_RANGE_MM, RenderStyle, clamp

MAX_LOGO_BYTES = 10 * 1024 * 1024
MAX_LOGO_PIXELS = 40_000_000
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_JPEG_FRAME_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
_JPEG_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
_WITHOUT = "the brief is made without the logo"
MAX_LOGO_HEIGHT_MM = 25.0


@dataclass(frozen=True, slots=True)
class LogoImage:
    data: bytes
    kind: str
    """``"png"`` or ``"jpeg"``."""
    width_px: int
    height_px: int
    width_mm: float
    position: str

    @property
    def height_mm(self) -> float:
        return self.width_mm * self.height_px / self.width_px


def load_logo(style: RenderStyle, warn: Callable[[str], None]) -> LogoImage | None:
    """The style's logo, or ``None`` (with a warning through *warn* when a logo was asked for but is unusable).

    The file is read through :func:`~briefgen.safe_read.read_limited` (regular files of at most 10 MB: a FIFO or
    a link to ``/dev/zero`` is refused at once), and the pixel size its header declares is checked before any
    decoding, so a decompression bomb is refused without being unpacked.
    """
    raw = style.logo.path
    if not raw or not raw.strip():
        return None
    path = Path(raw).expanduser()
    if path.suffix.lower() not in LOGO_SUFFIXES:
        warn(f"logo {raw}: only PNG and JPEG logos are supported; {_WITHOUT}")
        return None
    try:
        data = read_limited(str(path), MAX_LOGO_BYTES, kind="logo")
    except InputError as exc:
        warn(f"logo {raw}: {exc.reason}; {_WITHOUT}")
        return None
    kind = "png" if data.startswith(_PNG_SIGNATURE) else "jpeg" if data.startswith(b"\xff\xd8") else ""
    if not kind:
        warn(f"logo {raw}: not a PNG or JPEG image; {_WITHOUT}")
        return None
    declared = declared_pixel_size(data)
    if declared is None:
        warn(f"logo {raw}: the image cannot be read (damaged header); {_WITHOUT}")
        return None
    if declared[0] * declared[1] > MAX_LOGO_PIXELS:
        warn(
            f"logo {raw}: the image is too large ({declared[0]} x {declared[1]} pixels; a logo may have at most "
            f"{MAX_LOGO_PIXELS // 1_000_000} million pixels); {_WITHOUT}"
        )
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                width, height = img.size
                if width <= 0 or height <= 0 or width * height > MAX_LOGO_PIXELS:
                    raise ValueError("bad image size")
                img.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        warn(f"logo {raw}: the image cannot be read; {_WITHOUT}")
        return None
    width_mm = clamp(style.logo.width_mm, LOGO_WIDTH_RANGE_MM)
    width_mm = min(width_mm, MAX_LOGO_HEIGHT_MM * width / height)  # tall logos are kept to a sensible height
    return LogoImage(data, kind, width, height, width_mm, style.logo.position)


def declared_pixel_size(data: bytes) -> tuple[int, int] | None:
    """``(width, height)`` as a PNG's IHDR or a JPEG's start-of-frame declares it, read without decoding; ``None``
    when the header is missing or damaged."""
    if data.startswith(_PNG_SIGNATURE):
        if len(data) < 24 or data[12:16] != b"IHDR":
            return None
        width, height = struct.unpack(">II", data[16:24])
        return (width, height) if width > 0 and height > 0 else None
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in _JPEG_STANDALONE:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2:
            return None
        if marker in _JPEG_FRAME_MARKERS:
            if pos + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return (width, height) if width > 0 and height > 0 else None
        if marker == 0xDA:  # start of scan before any frame header
            return None
        pos += 2 + length
    return None
