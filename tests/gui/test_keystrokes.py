"""The happy path at the counter, counted by the benchmark's own driver (``bench.keystrokes``): with a passport
reader, four actions and five keystrokes from the clerk; without one, the document number and Tab on top."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from bench.keystrokes import measure


def test_a_happy_path_check_in_takes_four_actions_and_five_keystrokes(qapp: QApplication) -> None:
    with_reader, without_reader = measure(4)
    assert with_reader.met and with_reader.value == 5 and with_reader.unit.endswith("4 actions"), with_reader
    assert without_reader.met and without_reader.value == 15, without_reader
