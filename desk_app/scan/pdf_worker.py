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
import os
import resource
import signal
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

PAGE_CLOSE_TIMEOUT_S = 2.0
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
        try:
            self._connection.send(request)
        except OSError as error:
            raise WorkerFailed("the PDF helper is gone") from error
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
    """How many pages the PDF at ``path`` has."""
    return int(_ask(("count", str(path)), timeout))


def render(path: Path, index: int, dpi: int, max_pixels: int, timeout: float) -> RenderedPage:
    """Page ``index`` (0-based) of the PDF at ``path``, grey at ``dpi``, scaled down to ``max_pixels`` if larger.

    Each request names its file: the helper keeps the last one open, so the pages of one scan are parsed once, and
    requests from two threads can never be answered from each other's file.
    """
    answer: RenderedPage = _ask(("render", str(path), index, dpi, max_pixels), timeout)
    return answer


def close(path: Path) -> None:
    """Let the helper close ``path`` (a USB stick can then be unmounted); nothing happens if the helper is gone."""
    with _lock:
        if _worker is not None and _worker.alive:
            try:
                _worker.ask(("close", str(path)), PAGE_CLOSE_TIMEOUT_S)
            except (WorkerTimedOut, WorkerFailed):
                _forget_worker()


def _ask(request: tuple[Any, ...], timeout: float) -> Any:
    """One request to the helper, started if needed; a helper that times out, dies, or is left in doubt (any
    other failure between the request and its answer) is stopped and forgotten, so no late answer is ever read as
    the answer to the next request."""
    global _worker
    with _lock:
        if _worker is None or not _worker.alive:
            _worker = _Worker()
        try:
            return _worker.ask(request, timeout)
        except WorkerFailed:
            if not _worker.alive:
                _forget_worker()
            raise
        except BaseException:
            _forget_worker()
            raise


def _forget_worker() -> None:
    global _worker
    if _worker is not None:
        _worker.stop()
        _worker = None


@atexit.register
def _stop_worker() -> None:
    with _lock:
        if _worker is not None:
            _worker.stop()


# --- in the helper process --------------------------------------------------------------------------------


def _serve(connection: Connection) -> None:
    """Answer requests until the desk closes the pipe; each answer is ("ok", value) or ("error", message)."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash in pdfium leaves no core file of a scan
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is the desk's to handle: it stops us
    _exit_with_the_desk()
    import pypdfium2  # here, not at the top: the desk itself never loads a PDF page

    from desk_app.files import open_regular

    opened: tuple[str, Any] | None = None  # the last file asked for, kept open for its next pages
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        try:
            kind, path = request[0], request[1]
            if opened is not None and (opened[0] != path or kind == "close"):
                opened[1].close()
                opened = None
            if kind == "close":
                connection.send(("ok", None))
                continue
            if opened is None:
                opened = (path, pypdfium2.PdfDocument(open_regular(Path(path)), autoclose=True))
            document = opened[1]
            if kind == "count":
                connection.send(("ok", len(document)))
            else:
                _, _, index, dpi, max_pixels = request
                connection.send(("ok", _render(document, index, dpi, max_pixels)))
        except MemoryError:
            connection.send(("error", "the page needs more memory than a printout's page"))
        except Exception as error:  # pdfium's and the file's failures, reported in words to the desk
            connection.send(("error", f"{type(error).__name__}: {error}"))


def _exit_with_the_desk() -> None:
    """End this process when the desk's ends, even in the middle of a render (an idle helper ends at the pipe's end)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(1)

    threading.Thread(target=watch, name="desk-app gone", daemon=True).start()


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
