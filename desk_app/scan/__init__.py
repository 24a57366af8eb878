"""Reading codes from files, PDFs and camera frames (Qt-free); the scanner devices that feed them live in the UI."""

from desk_app.scan.decode import Decoded, DecodeError, centre_region, decode_file, decode_grey, decode_image

__all__ = ["DecodeError", "Decoded", "centre_region", "decode_file", "decode_grey", "decode_image"]
