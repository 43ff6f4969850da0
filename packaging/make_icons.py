"""Render the application icon ``resources/app/annotator.svg`` to PNG, ICO and ICNS.

Run after editing the SVG, with any Python that has PySide6 (the project's venv):

    python packaging/make_icons.py            # writes into resources/app/
    python packaging/make_icons.py --out DIR  # somewhere else (the tests use a temp folder)

Writes:
  annotator.png      256 x 256  (Linux desktop icon, Qt window icon fallback)
  annotator@2x.png   512 x 512  (Qt picks it for QIcon("annotator.png") on high-DPI screens)
  annotator.ico      16-256 px  (Windows: the executable's icon; 32-bit BMP below 64 px, PNG above)
  annotator.icns     32-1024 px (macOS: the .app bundle's icon; PNG-encoded entries)

Only QtGui and QtSvg are used (both in PySide6-Essentials); no Pillow. The ICO and ICNS
containers are written here, as both formats are short, documented headers around images.
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "resources" / "app" / "annotator.svg"

PNG_SIZES = {"annotator.png": 256, "annotator@2x.png": 512}
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
"""The sizes Windows asks for at 100-200 % scaling (Explorer views, taskbar, Alt+Tab)."""
ICO_PNG_FROM = 64
"""ICO entries this big or bigger are stored as PNG (smaller file); smaller ones as BMP."""
ICNS_TYPES = (
    ("ic11", 32), ("ic12", 64), ("ic07", 128), ("ic13", 256),
    ("ic08", 256), ("ic14", 512), ("ic09", 512), ("ic10", 1024),
)
"""ICNS element types holding PNG data, with their pixel size (Apple's "icns" type list)."""


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The SVG drawn into a transparent ``size`` x ``size`` image (straight RGBA, 8 bits)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_RGBA8888)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def rgba_rows(image: QImage) -> list[bytes]:
    """Top-down rows of R, G, B, A bytes (``image`` is Format_RGBA8888)."""
    width, stride = image.width(), image.bytesPerLine()
    bits = bytes(image.constBits())
    return [bits[row * stride: row * stride + 4 * width] for row in range(image.height())]


def bmp_entry(image: QImage) -> bytes:
    """An ICO image as a 32-bit DIB: BITMAPINFOHEADER, BGRA rows bottom-up, then the AND mask."""
    size = image.width()
    rows = rgba_rows(image)
    header = struct.pack("<IiiHHIIiiII", 40, size, 2 * size, 1, 32, 0, 0, 0, 0, 0, 0)
    pixels = bytearray()
    for row in reversed(rows):
        for i in range(0, len(row), 4):
            r, g, b, a = row[i: i + 4]
            pixels += bytes((b, g, r, a))
    mask_stride = (size + 31) // 32 * 4
    mask = bytearray()
    for row in reversed(rows):
        line = bytearray(mask_stride)
        for x in range(size):
            if row[4 * x + 3] == 0:  # fully transparent: set the AND bit
                line[x // 8] |= 0x80 >> (x % 8)
        mask += line
    return header + bytes(pixels) + bytes(mask)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    """An ICO file (ICONDIR, one ICONDIRENTRY per size, then the images)."""
    entries = [(size, png_bytes(img) if size >= ICO_PNG_FROM else bmp_entry(img))
               for size, img in sorted(images.items())]
    out = bytearray(struct.pack("<HHH", 0, 1, len(entries)))
    offset = 6 + 16 * len(entries)
    for size, data in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in the one-byte width/height fields
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    for _, data in entries:
        out += data
    return bytes(out)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: b"icns", the total length, then (type, length, PNG data) elements."""
    body = b"".join(
        kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(source: Path, out: Path) -> list[Path]:
    """Write every icon file into ``out``; returns the paths written."""
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {source}")
    sizes = {*PNG_SIZES.values(), *ICO_SIZES, *(size for _, size in ICNS_TYPES)}
    images = {size: render(renderer, size) for size in sorted(sizes)}
    pngs = {size: png_bytes(image) for size, image in images.items()}
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, size in PNG_SIZES.items():
        written.append(out / name)
        written[-1].write_bytes(pngs[size])
    written.append(out / "annotator.ico")
    written[-1].write_bytes(ico_bytes({size: images[size] for size in ICO_SIZES}))
    written.append(out / "annotator.icns")
    written[-1].write_bytes(icns_bytes(pngs))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SOURCE, help="the source SVG")
    parser.add_argument("--out", type=Path, default=SOURCE.parent, help="the output folder")
    args = parser.parse_args(argv)
    for path in make_icons(args.svg, args.out):
        print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
