"""Applicant photos: real JPEG or PNG images of sensible size, from inside the photo folder only."""

from __future__ import annotations

import hashlib
import io
import os
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from desk_app.files import NotAFile, open_regular
from desk_app.store.applications import Photo

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MIN_SIDE, MAX_SIDE = 100, 6000
_MIME = {"JPEG": "image/jpeg", "PNG": "image/png"}


class PhotoProblem(ValueError):
    """Why a photo cannot be used; the message names the file."""


def load_photo(folder: Path, name: str) -> Photo:
    """Read and check ``name`` inside ``folder``; a name that leads outside the folder is refused."""
    root = folder.resolve()
    path = (root / name).resolve()
    if Path(name).is_absolute() or not path.is_relative_to(root):
        raise PhotoProblem(f"{name!r} leads outside the photo folder")
    try:
        with open_regular(path) as file:
            if os.fstat(file.fileno()).st_size > MAX_PHOTO_BYTES:
                raise PhotoProblem(f"{name!r} is larger than {MAX_PHOTO_BYTES // 2**20} MiB")
            data = file.read(MAX_PHOTO_BYTES + 1)
    except FileNotFoundError:
        raise PhotoProblem(f"{name!r} is not in the photo folder") from None
    except NotAFile as exc:
        raise PhotoProblem(f"{name!r} is not a photo: {exc}") from None
    except OSError as exc:
        raise PhotoProblem(f"{name!r} cannot be read: {exc.strerror}") from exc
    if len(data) > MAX_PHOTO_BYTES:  # it grew while being read
        raise PhotoProblem(f"{name!r} is larger than {MAX_PHOTO_BYTES // 2**20} MiB")
    return Photo(hashlib.sha256(data).hexdigest(), _check_image(name, data), data)


def _check_image(name: str, data: bytes) -> str:
    """The MIME type of a JPEG or PNG that decodes completely; anything else is a problem."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format or ""
                width, height = image.size
                if kind not in _MIME:
                    raise PhotoProblem(f"{name!r} is {kind or 'not an image'}, not JPEG or PNG")
                if not (min(width, height) >= MIN_SIDE and max(width, height) <= MAX_SIDE):
                    raise PhotoProblem(
                        f"{name!r} is {width}x{height} pixels; use {MIN_SIDE} to {MAX_SIDE} pixels a side"
                    )
                image.load()
    except PhotoProblem:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombWarning,
        Image.DecompressionBombError,
    ) as exc:
        raise PhotoProblem(f"{name!r} is not a readable JPEG or PNG image ({exc})") from exc
    return _MIME[kind]
