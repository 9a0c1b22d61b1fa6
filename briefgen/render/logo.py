"""Loading a template's logo: PNG or JPEG only; any problem gives a warning and no logo, never an error."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from briefgen.render.style import LOGO_SUFFIXES, LOGO_WIDTH_RANGE_MM, RenderStyle, clamp

MAX_LOGO_BYTES = 10 * 1024 * 1024
_MAX_PIXELS = 40_000_000
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
    """The style's logo, or ``None`` (with a warning through *warn* when a logo was asked for but is unusable)."""
    raw = style.logo.path
    if not raw or not raw.strip():
        return None
    path = Path(raw).expanduser()
    if path.suffix.lower() not in LOGO_SUFFIXES:
        warn(f"logo {raw}: only PNG and JPEG logos are supported; the brief is made without the logo")
        return None
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            warn(f"logo {raw}: the file is larger than 10 MB; the brief is made without the logo")
            return None
        data = path.read_bytes()
    except OSError as exc:
        reason = "no such file" if isinstance(exc, FileNotFoundError) else (exc.strerror or str(exc))
        warn(f"logo {raw}: {reason}; the brief is made without the logo")
        return None
    kind = "png" if data.startswith(b"\x89PNG\r\n\x1a\n") else "jpeg" if data.startswith(b"\xff\xd8") else ""
    if not kind:
        warn(f"logo {raw}: not a PNG or JPEG image; the brief is made without the logo")
        return None
    try:
        with Image.open(io.BytesIO(data)) as img:
            width, height = img.size
            if width <= 0 or height <= 0 or width * height > _MAX_PIXELS:
                raise ValueError("bad image size")
            img.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        warn(f"logo {raw}: the image cannot be read; the brief is made without the logo")
        return None
    width_mm = clamp(style.logo.width_mm, LOGO_WIDTH_RANGE_MM)
    width_mm = min(width_mm, MAX_LOGO_HEIGHT_MM * width / height)  # tall logos are kept to a sensible height
    return LogoImage(data, kind, width, height, width_mm, style.logo.position)
