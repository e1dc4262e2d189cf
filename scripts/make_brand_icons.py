"""Draw the brand icons (icon.png 256x256 and icon@2x.png 512x512) with Pillow.

A risk gauge of three coloured segments with a needle, above a water drop.
Run: .venv/bin/python scripts/make_brand_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

BRAND = Path(__file__).resolve().parent.parent / "custom_components/cramp_guard/brand"
SCALE = 4  # draw large, then downsample for smooth edges
SEGMENTS = (("#43a047", 180, 240), ("#fdd835", 240, 300), ("#e53935", 300, 360))


def draw(size: int) -> Image.Image:
    """Return the icon at size x size pixels."""
    big = size * SCALE
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    u = big / 32  # a 32-unit grid
    d.rounded_rectangle((0, 0, big - 1, big - 1), radius=6 * u, fill="#0b4f6c")
    box = (4 * u, 5 * u, 28 * u, 29 * u)
    for colour, start, end in SEGMENTS:
        d.arc(box, start=start + 2, end=end - 2, fill=colour, width=int(3 * u))
    cx, cy = 16 * u, 17 * u
    d.line((cx, cy, 22.5 * u, 10.5 * u), fill="white", width=int(1.4 * u))
    d.ellipse((cx - 1.6 * u, cy - 1.6 * u, cx + 1.6 * u, cy + 1.6 * u), fill="white")
    # a water drop: a circle with a triangle on top
    d.ellipse((12 * u, 21 * u, 20 * u, 29 * u), fill="#4fc3f7")
    d.polygon(
        ((16 * u, 17.5 * u), (12.4 * u, 23.5 * u), (19.6 * u, 23.5 * u)), fill="#4fc3f7"
    )
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    """Write both icon sizes."""
    BRAND.mkdir(parents=True, exist_ok=True)
    draw(256).save(BRAND / "icon.png", optimize=True)
    draw(512).save(BRAND / "icon@2x.png", optimize=True)


if __name__ == "__main__":
    main()
