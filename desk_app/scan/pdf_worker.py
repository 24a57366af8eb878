"""PDF pages rendered in a helper process that the desk can stop, and that cannot take the desk's memory.

pdfium expands a page's content when it loads the page, with no limit of time or memory: a 4 KB PDF whose form
draws a form ten times, eight levels deep, asks for ten million rectangles, 17 GB and minutes, all inside one call
that no budget can interrupt. So pages are loaded and rendered by one long-lived helper process (started on the
first PDF, by ``spawn``: no copy of the desk's threads or Qt), limited to ``MEMORY_LIMIT_BYTES`` of address space.
A page that takes longer than the time left gets the helper killed; the next PDF starts a new one.
"""

from __future__ import annotations

import atexit
import math
import multiprocessing
import resource
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

MEMORY_LIMIT_BYTES = 1536 << 20  # of address space: a printout's page at 300 dpi needs a few hundred MB at most


class WorkerFailed(Exception):
    """The helper died (out of memory, or crashed in pdfium) or answered with an error; the message says which."""


class WorkerTimedOut(Exception):
    """The helper did not answer in the time left: it was stopped."""


@dataclass(frozen=True)
class RenderedPage:
    """A page as 8-bit grey pixels."""

    width: int
    height: int
    pixels: bytes


class _Worker:
    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._connection, theirs = context.Pipe()
        self._process = context.Process(target=_serve, args=(theirs,), name="desk-app pdf pages", daemon=True)
        self._process.start()
        theirs.close()

    def ask(self, request: tuple[Any, ...], timeout: float) -> Any:
        self._connection.send(request)
        if not self._connection.poll(max(timeout, 0.0)):
            raise WorkerTimedOut
        try:
            kind, answer = self._connection.recv()
        except (EOFError, OSError) as error:
            raise WorkerFailed("the page needs more memory than a printout's page, or is damaged") from error
        if kind == "error":
            raise WorkerFailed(answer)
        return answer

    def stop(self) -> None:
        self._process.kill()
        self._process.join()
        self._connection.close()

    @property
    def alive(self) -> bool:
        return self._process.is_alive()


_worker: _Worker | None = None
_lock = threading.Lock()


def page_count(path: Path, timeout: float) -> int:
    """How many pages the PDF at ``path`` has (the helper opens it and keeps it open for ``render``)."""
    return int(_ask(("open", str(path)), timeout))


def render(index: int, dpi: int, max_pixels: int, timeout: float) -> RenderedPage:
    """Page ``index`` (0-based) of the PDF last opened, grey at ``dpi``, scaled down to ``max_pixels`` if larger."""
    answer: RenderedPage = _ask(("render", index, dpi, max_pixels), timeout)
    return answer


def _ask(request: tuple[Any, ...], timeout: float) -> Any:
    """One request to the helper, started if needed; a helper that times out or dies is stopped and forgotten."""
    global _worker
    with _lock:
        if _worker is None or not _worker.alive:
            _worker = _Worker()
        try:
            return _worker.ask(request, timeout)
        except (WorkerTimedOut, WorkerFailed) as error:
            if isinstance(error, WorkerTimedOut) or not _worker.alive:
                _worker.stop()
                _worker = None
            raise


@atexit.register
def _stop_worker() -> None:
    with _lock:
        if _worker is not None:
            _worker.stop()


# --- in the helper process --------------------------------------------------------------------------------


def _serve(connection: Connection) -> None:
    """Answer requests until the desk closes the pipe; each answer is ("ok", value) or ("error", message)."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    import pypdfium2  # here, not at the top: the desk itself never loads a PDF page

    from desk_app.files import open_regular

    document: Any = None
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        try:
            if request[0] == "open":
                if document is not None:
                    document.close()
                document = pypdfium2.PdfDocument(open_regular(Path(request[1])), autoclose=True)
                connection.send(("ok", len(document)))
            else:
                _, index, dpi, max_pixels = request
                connection.send(("ok", _render(document, index, dpi, max_pixels)))
        except MemoryError:
            connection.send(("error", "the page needs more memory than a printout's page"))
        except Exception as error:  # pdfium's and the file's failures, reported in words to the desk
            connection.send(("error", f"{type(error).__name__}: {error}"))


def _render(document: Any, index: int, dpi: int, max_pixels: int) -> RenderedPage:
    page = document[index]
    try:
        width, height = page.get_size()  # in points
        scale = dpi / 72
        scale *= min(1.0, math.sqrt(max_pixels / max(1.0, width * height * scale * scale)))
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            image = bitmap.to_pil().convert("L")
            return RenderedPage(image.width, image.height, image.tobytes())
        finally:
            bitmap.close()
    finally:
        page.close()
