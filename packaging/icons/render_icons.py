"""Render briefgen.svg to the committed PNG sizes, the Windows .ico and the macOS .icns.

Run after changing the SVG (needs ``rsvg-convert`` from librsvg2-bin, and Pillow, which reportlab already brings):

    .venv/bin/python packaging/icons/render_icons.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
SVG = HERE / "briefgen.svg"
PNG_DIR = HERE / "png"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(size: int, out: Path) -> None:
    subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), str(SVG), "-o", str(out)], check=True)


def main() -> int:
    if shutil.which("rsvg-convert") is None:
        print("rsvg-convert not found (apt-get install librsvg2-bin)", file=sys.stderr)
        return 1
    PNG_DIR.mkdir(exist_ok=True)
    for size in PNG_SIZES:
        render(size, PNG_DIR / f"briefgen-{size}.png")
    scratch = HERE / ".render"
    scratch.mkdir(exist_ok=True)
    try:
        images: dict[int, Image.Image] = {}
        for size in sorted(set(ICO_SIZES) | set(ICNS_SIZES)):
            path = scratch / f"{size}.png"
            render(size, path)
            images[size] = Image.open(path).convert("RGBA")
        largest = images[max(ICO_SIZES)]
        largest.save(HERE / "briefgen.ico", sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])  # fmt: skip
        images[1024].save(HERE / "briefgen.icns", append_images=[images[s] for s in ICNS_SIZES if s != 1024])
    finally:
        shutil.rmtree(scratch)
    for path in sorted([*PNG_DIR.iterdir(), HERE / "briefgen.ico", HERE / "briefgen.icns"]):
        print(f"{path.relative_to(HERE)}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
