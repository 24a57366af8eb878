"""What the decoder tries when zbar finds nothing on the image as it is, cheapest first, stopping at the first read.

zbar reads a clean scan on the first pass, and copes by itself with skewed QR codes (any angle), codes with no quiet
zone and moderate blur, so nothing here runs unless the first pass comes back empty. Each retry stayed because it read
images nothing cheaper read. Measured on the corpus of bench/scanning.py (300 dpi pages) and on 240 harder, camera-like
images (small modules, heavy blur, JPEG at quality 20, low contrast, short Code128 skewed by 12-15 degrees), of which
the first pass read 108:

1. ``halve`` (pages over 2000 px only; a quarter of a first pass): on a faded 300 dpi page saved as JPEG at quality
   30, the blocks break zbar's edge detection and averaging 2x2 pixels smooths them out. That pair is the only one of
   the corpus the first pass misses; halving reads every such page in ~22 ms where binarising takes ~77 ms.
2. ``binarise`` at Otsu's threshold (about one first pass): JPEG ringing around low-contrast modules; it read 34 of the
   132 hard misses, every JPEG + low-contrast one.
3. ``sharpen and binarise`` (unsharp mask, radius 3, then Otsu; about two first passes): blur, alone or with low
   contrast and skew; the most useful retry, reading 72 of the 132, 42 of which nothing else read.
4. ``rotate +8°`` and ``rotate -8°`` (each about 2.5 first passes): zbar scans rows and columns only, so a short
   Code128 skewed by 12-15 degrees is crossed end to end by no scan line; 8 degrees back brings it within reach. They
   read all 21 skewed Code128 the first pass missed (each sign about half) and nothing else read any. QR codes never
   needed them.

Tried and left out: a white margin (zbar needs no quiet zone; it only read images a cheaper retry also read),
autocontrast (binarising does the same job better), fixed thresholds, a median filter, plain sharpening, 2x upscaling
of small images, and 90° turns (zbar already scans both directions). A page with no code at all pays the whole chain:
about 0.6 s for a 300 dpi A4 page, about 20 ms for a camera's 768x432 region of interest (first pass: 3 ms).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageFilter

LARGE_SIDE = 2000
SKEW_DEGREES = 8


@dataclass(frozen=True)
class Retry:
    """One way of reworking a grey image before scanning it again; ``rework`` returns None when it does not apply."""

    name: str
    rework: Callable[[Image.Image], Image.Image | None]


def otsu_threshold(image: Image.Image) -> int:
    """The grey level that best separates dark from light (Otsu's method), from the image's histogram."""
    histogram = image.histogram()[:256]
    total = sum(histogram)
    grand_sum = sum(level * count for level, count in enumerate(histogram))
    below_count = below_sum = 0
    best_level, best_spread = 127, -1.0
    for level, count in enumerate(histogram):
        below_count += count
        below_sum += level * count
        above_count = total - below_count
        if below_count == 0 or above_count == 0:
            continue
        gap = below_sum / below_count - (grand_sum - below_sum) / above_count
        spread = below_count * above_count * gap * gap
        if spread > best_spread:
            best_level, best_spread = level, spread
    return best_level


def binarise(image: Image.Image) -> Image.Image:
    """Black and white at Otsu's threshold, still in mode L (zbar reads 8-bit grey)."""
    threshold = otsu_threshold(image)
    return image.point([0 if level <= threshold else 255 for level in range(256)])


def halve(image: Image.Image) -> Image.Image | None:
    """Half size by 2x2 averaging, for large pages only: a camera frame halved loses the modules it needs."""
    return image.reduce(2) if max(image.size) > LARGE_SIDE else None


def sharpen_and_binarise(image: Image.Image) -> Image.Image:
    """Undo some blur with an unsharp mask, then binarise so the restored edges are crisp."""
    return binarise(image.filter(ImageFilter.UnsharpMask(radius=3, percent=200, threshold=2)))


def turn(degrees: float) -> Callable[[Image.Image], Image.Image]:
    """A rotation by ``degrees``, the corners filled with paper white."""

    def rework(image: Image.Image) -> Image.Image:
        return image.rotate(degrees, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)

    return rework


RETRIES: tuple[Retry, ...] = (
    Retry("halve", halve),
    Retry("binarise", binarise),
    Retry("sharpen and binarise", sharpen_and_binarise),
    Retry(f"rotate +{SKEW_DEGREES}°", turn(SKEW_DEGREES)),
    Retry(f"rotate -{SKEW_DEGREES}°", turn(-SKEW_DEGREES)),
)
