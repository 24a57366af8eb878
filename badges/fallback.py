"""Fallback fonts for the scripts DejaVu lacks, above all Chinese, Japanese and Korean, found on the system.

CJK fonts weigh 5 to 20 MB, so none ships in the wheel: the desk's Debian package list installs
fonts-wqy-zenhei, and this module finds it (or a known alternative) at run time, once per process. Only fonts
with TrueType outlines qualify: reportlab refuses CFF (PostScript) outlines, which rules out Noto Sans CJK.
When none is found, badges still render, and ``badges.fonts.undrawable`` names the characters that would print
as boxes, so the desk can refuse them before a badge is issued.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

SYSTEM_FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts")


@dataclass(frozen=True)
class KnownFont:
    """A font file worth looking for: its file name, the face inside a collection (.ttc), its bold cut if any."""

    file_name: str
    name: str  # the name it is registered under with reportlab
    subfont_index: int = 0
    bold_file_name: str | None = None


# In order of preference. Zen Hei covers CJK Unified Ideographs with extension A (rare characters of Chinese
# names), all kana and all Hangul syllables; Micro Hei and Droid Sans Fallback (Debian's fonts-wqy-microhei,
# fonts-droid-fallback) lack extension A. DroidSansFallbackFull lacks Hangul, hence last. Noto Sans Ethiopic
# (fonts-noto-core) prints Amharic and Tigrinya syllables, which need no shaping.
KNOWN_FONTS = (
    KnownFont("wqy-zenhei.ttc", "Fallback-WenQuanYiZenHei"),
    KnownFont("wqy-microhei.ttc", "Fallback-WenQuanYiMicroHei"),
    KnownFont("DroidSansFallback.ttf", "Fallback-DroidSansFallback"),
    KnownFont("DroidSansFallbackFull.ttf", "Fallback-DroidSansFallbackFull"),
    KnownFont("NotoSansEthiopic-Regular.ttf", "Fallback-NotoSansEthiopic", bold_file_name="NotoSansEthiopic-Bold.ttf"),
)


@dataclass(frozen=True)
class LoadedFont:
    """A font registered with reportlab, and the characters it has glyphs for."""

    name: str
    path: Path
    cmap: frozenset[int]

    def draws(self, char: str) -> bool:
        return ord(char) in self.cmap


@dataclass(frozen=True)
class Fallback:
    """One fallback family: its regular cut, and its bold cut when the system has one (else bold is faked)."""

    regular: LoadedFont
    bold: LoadedFont | None


_folders: tuple[Path, ...] | None = None


def use_font_folders(folders: Sequence[Path] | None) -> None:
    """Search only ``folders`` for fallback fonts (tests, a desk with fonts elsewhere); None: the system's again."""
    global _folders
    _folders = None if folders is None else tuple(folders)
    fallbacks.cache_clear()


@cache
def fallbacks() -> tuple[Fallback, ...]:
    """The fallback fonts of this system that reportlab can embed, in order of preference; searched once."""
    found = _font_files(_folders)
    result = []
    for known in KNOWN_FONTS:
        regular = _load(known.name, found.get(known.file_name), known.subfont_index)
        if regular is None:
            continue
        bold_path = found.get(known.bold_file_name) if known.bold_file_name else None
        bold = _load(f"{known.name}-Bold", bold_path, known.subfont_index)
        result.append(Fallback(regular, bold))
    return tuple(result)


def _font_files(folders: tuple[Path, ...] | None) -> dict[str, Path]:
    """The known fonts' files by file name, the first found of each: fontconfig's list, else a folder walk."""
    wanted = {k.file_name for k in KNOWN_FONTS} | {k.bold_file_name for k in KNOWN_FONTS if k.bold_file_name}
    paths = _walk(folders) if folders is not None else _fc_list() or _walk(SYSTEM_FONT_FOLDERS)
    found: dict[str, Path] = {}
    for path in paths:
        if path.name in wanted:
            found.setdefault(path.name, path)
    return found


def _fc_list() -> list[Path]:
    """Every font file fontconfig knows, sorted so the choice is the same every run; empty without fc-list."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        out = subprocess.run(
            [fc_list, "--format", "%{file}\n"], capture_output=True, text=True, timeout=20, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("fc-list failed (%s); searching the font folders instead", exc)
        return []
    return sorted(Path(line) for line in out.splitlines() if line)


def _walk(folders: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            files.extend(Path(root) / name for name in names)
    return sorted(files)


def _load(name: str, path: Path | None, subfont_index: int) -> LoadedFont | None:
    """Register the font with reportlab; None when it is absent or reportlab cannot use it."""
    if path is None:
        return None
    try:
        font = TTFont(name, str(path), subfontIndex=subfont_index)
    except (OSError, TTFError) as exc:
        log.info("fallback font %s skipped: %s", path, exc)
        return None
    pdfmetrics.registerFont(font)
    return LoadedFont(name, path, frozenset(font.face.charToGlyph))
