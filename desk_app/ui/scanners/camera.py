"""Webcams: read the printout's QR from live video without slowing the window down.

The path: QCamera -> QMediaCaptureSession -> QVideoSink. The sink hands over up to 30 frames a second, more than zbar
reads, so only the newest frame is kept: while the worker thread decodes one, newer frames replace each other and the
rest are dropped, never queued. The worker takes the grey (Y) plane straight from YUV frames (no colour conversion),
crops the centre where people hold the paper, and decodes it; the texts come back to the GUI thread by a queued
signal. A code counts only when two decoded frames agree within ``confirm_ms``, so one misread frame is never a scan,
and it is not reported again while it stays in view.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoFrameFormat,
    QVideoSink,
)

from desk_app.scan.decode import centre_region, decode_grey

Grey = tuple[bytes, int, int]
Decoder = Callable[[bytes, int, int], list[str]]
NO_CAMERA = "No camera found. Connect a webcam, or use the USB or serial scanner."

_FORMAT = QVideoFrameFormat.PixelFormat
# Formats whose first plane is the 8-bit luma: exactly the grey picture zbar wants.
_LUMA_PLANE = frozenset(
    {
        _FORMAT.Format_Y8,
        _FORMAT.Format_NV12,
        _FORMAT.Format_NV21,
        _FORMAT.Format_YUV420P,
        _FORMAT.Format_YUV422P,
        _FORMAT.Format_YV12,
        _FORMAT.Format_IMC1,
        _FORMAT.Format_IMC2,
        _FORMAT.Format_IMC3,
        _FORMAT.Format_IMC4,
    }
)
# Packed 4:2:2: luma in every other byte, starting at this offset.
_PACKED_LUMA = {_FORMAT.Format_YUYV: 0, _FORMAT.Format_UYVY: 1}


def monotonic_ms() -> float:
    return time.monotonic_ns() / 1_000_000


def decode_codes(data: bytes, width: int, height: int) -> list[str]:
    """The texts of the codes in a grey region; no retries: the next frame is the retry."""
    return [found.text for found in decode_grey(data, width, height, retries=False)]


def grey_region(frame: QVideoFrame, fraction: float) -> Grey:
    """The centre ``fraction`` of a frame as tight 8-bit grey rows: ``(data, width, height)``.

    YUV frames give their luma plane as it is; anything else (RGB, JPEG, GPU textures) goes through ``toImage()``.
    """
    pixel_format = frame.pixelFormat()
    if (pixel_format in _LUMA_PLANE or pixel_format in _PACKED_LUMA) and frame.map(QVideoFrame.MapMode.ReadOnly):
        try:
            plane, stride = memoryview(frame.bits(0)), frame.bytesPerLine(0)
            if pixel_format in _PACKED_LUMA:
                plane, stride = memoryview(bytes(plane[_PACKED_LUMA[pixel_format] :: 2])), stride // 2
            return centre_region(plane, frame.width(), frame.height(), fraction, stride=stride)
        finally:
            frame.unmap()
    image = frame.toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    if image.isNull():
        raise ValueError(f"cannot read a {pixel_format.name} video frame")
    grey = memoryview(image.constBits())
    return centre_region(grey, image.width(), image.height(), fraction, stride=image.bytesPerLine())


class Agreement:
    """Two reads of the same text within ``confirm_ms`` make a scan, reported once until out of view ``rearm_ms``."""

    def __init__(self, confirm_ms: float, rearm_ms: float) -> None:
        self.confirm_ms = confirm_ms
        self.rearm_ms = rearm_ms
        self._last_seen: dict[str, float] = {}
        self._reported: set[str] = set()

    def feed(self, texts: Iterable[str], now: float) -> list[str]:
        """The texts that become scans with this frame's reads."""
        for text, seen in list(self._last_seen.items()):
            if now - seen > max(self.confirm_ms, self.rearm_ms):
                del self._last_seen[text]
                self._reported.discard(text)
        accepted = []
        for text in dict.fromkeys(texts):
            last = self._last_seen.get(text)
            if last is not None and now - last <= self.confirm_ms and text not in self._reported:
                self._reported.add(text)
                accepted.append(text)
            self._last_seen[text] = now
        return accepted


class _FrameReader(QObject):
    """Lives in the decoder thread: one frame in, the texts of its codes out.

    Signals:
        decoded(list): the texts read in the frame (possibly none); after every frame, even one that failed.
        failed(str): the frame could not be read (a pixel format Qt cannot convert, a bad geometry).
    """

    decoded = Signal(list)
    failed = Signal(str)

    def __init__(self, decoder: Decoder, fraction: float) -> None:
        super().__init__()
        self._decoder = decoder
        self._fraction = fraction

    @Slot(object)
    def on_frame(self, frame: QVideoFrame) -> None:
        texts: list[str] = []
        try:
            texts = self._decoder(*grey_region(frame, self._fraction))
        except ValueError as error:
            self.failed.emit(str(error))
        finally:
            self.decoded.emit(texts)  # always: the scanner waits for it before sending the next frame


class CameraScanner(QObject):
    """Reads codes from a webcam, or from any QVideoSink fed with frames (tests, a video file).

    Call :meth:`close` before the scanner goes away: it stops the camera and the decoder thread.

    Args:
        sink: where frames arrive; a new sink by default, which :meth:`start` connects to the camera.
        decoder: reads a grey region ``(data, width, height)`` into texts; runs in the decoder thread.
        roi_fraction: the centre share of the frame (each direction) that is decoded.
        confirm_ms: how close in time two agreeing reads must be.
        rearm_ms: how long a reported code must be out of view before it is reported again.
        clock: milliseconds from any fixed start; tests pass a fake one.

    Signals:
        scanned(str): a code read in two agreeing frames; once per showing.
        error(str): no camera, or the camera failed or was unplugged; a sentence for staff.
    """

    scanned = Signal(str)
    error = Signal(str)
    _frame_for_reader = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        sink: QVideoSink | None = None,
        decoder: Decoder = decode_codes,
        roi_fraction: float = 0.6,
        confirm_ms: float = 1000,
        rearm_ms: float = 1500,
        clock: Callable[[], float] = monotonic_ms,
    ) -> None:
        super().__init__(parent)
        self.sink = sink if sink is not None else QVideoSink(self)
        self.frames_received = 0
        self.frames_decoded = 0
        self._clock = clock
        self._agreement = Agreement(confirm_ms, rearm_ms)
        self._busy = False
        self._closed = False
        self._latest: QVideoFrame | None = None
        self._camera: QCamera | None = None
        self._session: QMediaCaptureSession | None = None
        self._devices = QMediaDevices(self)
        self._devices.videoInputsChanged.connect(self._on_video_inputs_changed)
        self._thread = QThread(self)
        self._thread.setObjectName("camera decoder")
        self._reader = _FrameReader(decoder, roi_fraction)
        self._reader.moveToThread(self._thread)
        self._frame_for_reader.connect(self._reader.on_frame)
        self._reader.decoded.connect(self._on_decoded)
        self._reader.failed.connect(self._on_failed)
        self._last_failure = ""
        self.sink.videoFrameChanged.connect(self._on_video_frame_changed)
        if (app := QCoreApplication.instance()) is not None:
            app.aboutToQuit.connect(self.close)

    @property
    def camera(self) -> QCamera | None:
        return self._camera

    @property
    def busy(self) -> bool:
        """Whether a frame is being decoded right now."""
        return self._busy

    def start(self, device: QCameraDevice | None = None) -> bool:
        """Open ``device`` (the system's default camera if None) into the sink; on failure emit ``error``."""
        if device is None:
            if not QMediaDevices.videoInputs():
                self.error.emit(NO_CAMERA)
                return False
            device = QMediaDevices.defaultVideoInput()
        self.stop()
        if self._closed:  # the decoder thread was stopped with close(); nothing is being decoded
            self._closed = self._busy = False
        self._camera = QCamera(device, self)
        self._camera.errorOccurred.connect(self._on_camera_error_occurred)
        self._session = QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self.sink)
        self._camera.start()
        return True

    def stop(self) -> None:
        """Stop the camera; frames already in the sink may still be read."""
        if self._camera is not None:
            self._camera.stop()
            self._camera.deleteLater()
            self._camera = None
        if self._session is not None:
            self._session.deleteLater()
            self._session = None

    def close(self) -> None:
        """Stop the camera and the decoder thread (waits for a frame being decoded)."""
        self.stop()
        self._closed = True
        self._latest = None
        self._thread.quit()
        self._thread.wait()

    def _on_video_frame_changed(self, frame: QVideoFrame) -> None:
        self.frames_received += 1
        if self._closed or not frame.isValid():
            return
        frame = QVideoFrame(frame)  # our own reference: the sink's may be reused
        if self._busy:
            self._latest = frame  # replaces, never queues: a slow decoder only ever sees the newest frame
        else:
            self._send(frame)

    def _send(self, frame: QVideoFrame) -> None:
        if not self._thread.isRunning():
            self._thread.start()
        self._busy = True
        self.frames_decoded += 1
        self._frame_for_reader.emit(frame)

    def _on_decoded(self, texts: list[str]) -> None:
        self._busy = False
        if self._latest is not None:
            frame, self._latest = self._latest, None
            self._send(frame)
        for text in self._agreement.feed(texts, self._clock()):
            self.scanned.emit(text)

    def _on_failed(self, message: str) -> None:
        if message != self._last_failure:  # once, not thirty times a second
            self._last_failure = message
            self.error.emit(f"The camera's picture cannot be read: {message}.")

    def _on_camera_error_occurred(self, _error: QCamera.Error, message: str) -> None:
        self.error.emit(f"The camera failed: {message or 'unknown error'}.")

    def _on_video_inputs_changed(self) -> None:
        if self._camera is not None and self._camera.cameraDevice() not in QMediaDevices.videoInputs():
            self.stop()
            self.error.emit("The camera was disconnected. Plug it back in and start the camera again.")
