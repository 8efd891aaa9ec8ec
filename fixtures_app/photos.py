"""Photos editors post into a match's timeline: an upload checked and made into renditions.

An upload is taken only if Pillow reads it as a JPEG, PNG or WebP image: its content decides,
never its name or the type the client declared, so an SVG, an HTML page or a script renamed
`photo.jpg` is refused. Its size in pixels is checked before it is decoded (a small file can
declare a huge picture: a decompression bomb). It is turned upright as its EXIF orientation
says, then re-encoded as JPEG at each of WIDTHS no wider than itself, with no metadata at all:
EXIF (camera, time, the place it was taken), XMP and comments are gone. The upload itself is
never stored or served. No Django here: the caller passes the limits and stores the bytes.
"""

import io
from dataclasses import dataclass
from typing import BinaryIO

from PIL import Image, ImageOps

# The widths of the renditions: the timeline's photo on a wide screen at 2x, on a phone, a thumbnail.
WIDTHS = (1280, 640, 320)
FORMATS = ("JPEG", "PNG", "WEBP")
JPEG_QUALITY = 82
# A 40-megapixel camera's photo is taken; more is refused before it is decoded.
MAX_PIXELS = 50_000_000
CONTENT_TYPE = "image/jpeg"
SUFFIX = ".jpg"


class PhotoRefused(ValueError):
    """The upload is not a photo this site takes; the message says why, for the editor."""


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    data: bytes


def renditions(upload: BinaryIO, *, max_pixels: int = MAX_PIXELS) -> tuple[Rendition, ...]:
    """The upload's renditions, largest first, or PhotoRefused saying what is wrong with it."""
    image = _opened(upload, max_pixels)
    return tuple(_encoded(image, width) for width in rendition_widths(min(image.width, WIDTHS[0])))


def rendition_name(name: str, width: int) -> str:
    """The file of the photo `name`'s rendition `width` pixels wide."""
    return f"{name}-{width}{SUFFIX}"


def rendition_widths(largest: int) -> tuple[int, ...]:
    """The widths of a photo's renditions, from its largest's: none wider than the upload."""
    return (largest, *(width for width in WIDTHS[1:] if width < largest))


def _opened(upload: BinaryIO, max_pixels: int) -> Image.Image:
    try:
        image = Image.open(upload, formats=FORMATS)
    except Image.DecompressionBombError:
        raise PhotoRefused(_too_many_pixels(max_pixels)) from None
    except Exception:  # Pillow's parsers raise many kinds of error on a file that is not an image
        raise PhotoRefused("This is not a JPEG, PNG or WebP image.") from None
    if image.width * image.height > max_pixels:
        raise PhotoRefused(_too_many_pixels(max_pixels))
    try:
        image.load()
        upright = ImageOps.exif_transpose(image)
    except Image.DecompressionBombError:
        raise PhotoRefused(_too_many_pixels(max_pixels)) from None
    except Exception:  # a damaged or truncated file fails while its pixels are decoded
        raise PhotoRefused("This image is damaged or incomplete: it cannot be read.") from None
    return _flattened(upright)


def _too_many_pixels(max_pixels: int) -> str:
    return f"This image is too large: at most {max_pixels // 1_000_000} million pixels."


def _flattened(image: Image.Image) -> Image.Image:
    """RGB, transparency laid on white (JPEG has none)."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _encoded(image: Image.Image, width: int) -> Rendition:
    height = max(1, round(image.height * width / image.width))
    resized = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
    # A new image with no info: nothing of the upload's metadata can be written with it.
    clean = Image.new("RGB", resized.size)
    clean.paste(resized)
    out = io.BytesIO()
    clean.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return Rendition(width=width, height=height, data=out.getvalue())
