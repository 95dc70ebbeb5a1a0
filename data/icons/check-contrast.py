#!/usr/bin/env python3
"""check-contrast.py RSVG_CONVERT ICON.svg…

Checks that each app icon stands out from the backgrounds it is shown on: light (#ffffff,
#fafafa) and dark (#242424, #1e1e1e, the dark backgrounds of GNOME Software, Flathub and the
app grid). The icon is rendered at its design size with rsvg-convert, and every pixel of its
outline (each fully opaque pixel next to a transparent or partly transparent one: where the
silhouette meets the background) must have at least 3:1 contrast against each background, the
WCAG 1.4.11 threshold for graphical objects. Contrast is WCAG's relative-luminance ratio.

Prints, for each icon and background, the outline's lowest, 5th-percentile and median ratio."""

import subprocess
import sys

import gi

gi.require_version("GdkPixbuf", "2.0")
from gi.repository import GdkPixbuf  # noqa: E402

SIZE = 128
THRESHOLD = 3.0
BACKGROUNDS = {"#ffffff": "light", "#fafafa": "light", "#242424": "dark", "#1e1e1e": "dark"}


def linear(channel):
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(rgb):
    red, green, blue = (linear(c) for c in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def ratio(a, b):
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def render(rsvg_convert, svg):
    """The icon's pixels as rows of (r, g, b, a), drawn by rsvg-convert at SIZE × SIZE."""
    png = subprocess.run([rsvg_convert, "-w", str(SIZE), "-h", str(SIZE), svg],
                         check=True, capture_output=True).stdout
    loader = GdkPixbuf.PixbufLoader.new_with_type("png")
    loader.write(png)
    loader.close()
    pixbuf = loader.get_pixbuf()
    if not pixbuf.get_has_alpha() or pixbuf.get_n_channels() != 4:
        sys.exit(f"{svg}: rsvg-convert gave no alpha channel")
    data, stride = pixbuf.get_pixels(), pixbuf.get_rowstride()
    return [[tuple(data[y * stride + x * 4:y * stride + x * 4 + 4]) for x in range(pixbuf.get_width())]
            for y in range(pixbuf.get_height())]


def outline(pixels):
    """The colours of the fully opaque pixels that touch a pixel that is not (or the edge)."""
    height, width = len(pixels), len(pixels[0])
    found = []
    for y in range(height):
        for x in range(width):
            if pixels[y][x][3] != 255:
                continue
            for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                if not (0 <= nx < width and 0 <= ny < height) or pixels[ny][nx][3] != 255:
                    found.append(pixels[y][x][:3])
                    break
    return found


def main():
    rsvg_convert, icons = sys.argv[1], sys.argv[2:]
    failed = []
    for svg in icons:
        edge = outline(render(rsvg_convert, svg))
        if len(edge) < SIZE:
            failed.append(f"{svg}: only {len(edge)} outline pixels found")
            continue
        for background, kind in BACKGROUNDS.items():
            level = luminance(bytes.fromhex(background[1:]))
            ratios = sorted(ratio(luminance(rgb), level) for rgb in edge)
            below = sum(1 for r in ratios if r < THRESHOLD)
            print(f"{svg.rsplit('/', 1)[-1]} on {background} ({kind}): outline of {len(ratios)} px, "
                  f"lowest {ratios[0]:.2f}:1, 5th percentile {ratios[len(ratios) // 20]:.2f}:1, "
                  f"median {ratios[len(ratios) // 2]:.2f}:1; {below} px below {THRESHOLD:g}:1")
            if below:
                failed.append(f"{svg.rsplit('/', 1)[-1]} on {background}: {below} of {len(ratios)} outline pixels "
                              f"below {THRESHOLD:g}:1 (lowest {ratios[0]:.2f}:1)")
    for message in failed:
        print("FAIL: " + message)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
