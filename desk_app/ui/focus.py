"""Keyboard focus: the order Tab walks through a screen, written once as a list."""

from __future__ import annotations

import itertools

from PySide6.QtWidgets import QWidget


def tab_chain(*widgets: QWidget) -> None:
    """Tab goes from each widget to the next, in the order given."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
