"""Images for the photo tests, made with Pillow when a test runs (none is checked in)."""

import io
import zlib
from struct import pack

from PIL import Image

GPS_INFO = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def jpeg_with_location(size=(2000, 1000), orientation: int = 1) -> bytes:
    """A JPEG as a phone takes it: EXIF with the camera, an orientation and where it was taken."""
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((20, 40, 200), (0, 0, size[0] // 2, size[1]))  # left half blue: shows which way is up
    exif = Image.Exif()
    exif[MAKE] = "PhoneCam"
    exif[ORIENTATION] = orientation
    exif.get_ifd(GPS_INFO).update({1: "N", 2: (51.0, 33.0, 17.0), 3: "W", 4: (0.0, 6.0, 29.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment=b"secret comment")
    return out.getvalue()


def image_bytes(fmt: str = "PNG", size=(800, 600), mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (10, 120, 60) if mode == "RGB" else (10, 120, 60, 128)).save(out, fmt)
    return out.getvalue()


def png_bomb(width: int = 20_000, height: int = 20_000) -> bytes:
    """A small PNG that declares a huge picture (400 million pixels, a few hundred KB compressed)."""
    row = b"\x00" + b"\x00" * width  # filter byte, then one grey byte per pixel
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(64)) + compressor.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return pack(">I", len(body)) + kind + body + pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
