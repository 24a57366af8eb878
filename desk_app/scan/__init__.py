"""Reading codes from files, PDFs and camera frames (Qt-free); the scanner devices that feed them live in the UI."""

from desk_app.scan.decode import (
    Decoded,
    DecodeError,
    FileScan,
    centre_region,
    decode_file,
    decode_grey,
    decode_image,
    scan_file,
)

__all__ = [
    "DecodeError",
    "Decoded",
    "FileScan",
    "centre_region",
    "decode_file",
    "decode_grey",
    "decode_image",
    "scan_file",
]
