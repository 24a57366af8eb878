"""Media accreditation desk: check-in, identity check, badges and a tamper-evident log."""

__version__ = "0.1.0"
