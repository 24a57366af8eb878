"""The pure domain: no I/O, no Qt. Everything here is testable with plain values."""
