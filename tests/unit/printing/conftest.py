"""Fixtures for the printing tests: a real cupsd for the session, a fresh cups-pdf queue per test.

Without a usable CUPS these fixtures fail the tests that need it, saying what to install: CI installs it, so a
silent skip would only hide a broken set-up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from tests.cups_server import CupsServer, CupsUnavailable, PdfQueue, card_pdf

T = TypeVar("T")


def or_fail(make: Callable[[], T], what: str) -> T:
    """``make()``, or fail the test with the reason CUPS is unusable (outside the except: no chained traceback)."""
    try:
        return make()
    except CupsUnavailable as exc:
        problem = str(exc)
    pytest.fail(f"{what}: {problem}", pytrace=False)


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsServer]:
    server = or_fail(CupsServer.ensure_running, "these tests need a real CUPS")
    yield server
    server.release()


@pytest.fixture
def pdf_queue(cups_server: CupsServer, tmp_path: Path) -> Iterator[PdfQueue]:
    """A cups-pdf queue of its own for each test (a few tens of milliseconds), so no state leaks between tests."""
    queue = or_fail(lambda: PdfQueue.create(tmp_path), "cannot add a cups-pdf test queue")
    yield queue
    queue.remove()


@pytest.fixture(scope="session")
def badge_pdf() -> bytes:
    """A one-page ID-1 card PDF (85.60 x 53.98 mm) standing in for a rendered badge."""
    return card_pdf()
