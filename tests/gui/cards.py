"""Rendering business-card images for the GUI tests (real images that the real reader reads)."""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size)


def render_card(path: Path, lines: list[tuple[str, int, bool]]) -> Path:
    """Write a white 1050x600 card with `lines` (text, font size, bold) to `path`."""
    image = Image.new("RGB", (1050, 600), "white")
    draw = ImageDraw.Draw(image)
    y = 60
    for text, size, bold in lines:
        draw.text((70, y), text, fill=(20, 20, 30), font=_font(size, bold))
        y += int(size * 1.6)
    image.save(path, quality=92)
    return path


def jane_card(path: Path) -> Path:
    return render_card(path, [
        ("Jane Whitfield", 64, True),
        ("Head of Partnerships", 38, False),
        ("Northwind Logistics Inc.", 40, False),
        ("jane.whitfield@northwind-logistics.com", 32, False),
        ("Mobile +1 415 555 0187", 32, False),
        ("www.northwind-logistics.com", 32, False),
    ])
