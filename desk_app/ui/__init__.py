"""The desk's PySide6 user interface: the only package that imports Qt (the core stays testable without a screen)."""
