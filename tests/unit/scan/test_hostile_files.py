"""Files made to hurt the desk (issue 13): FIFOs and devices named like scans, PDFs of 10,000 pages, multi-frame TIFFs,
decompression bombs, codes that would rewrite the terminal. Each is refused or read within bounds, quickly.
"""

from __future__ import annotations

import io
import os
import resource
import socket
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desk_app.cli import main
from desk_app.core.text import printable
from desk_app.scan import Decoded, DecodeError, decode_file, pdf_worker, scan_file
from desk_app.scan.decode import DECODE_BUDGET_S, MAX_PAGES, PDF_RETRY_DPI
from desk_app.scan.files import PAGE_GRACE_S
from desk_app.scan.retries import RETRIES
from tests.unit.scan.test_decode import CODE, REFERENCE, qr_image, recorded_retries, sheet


def pdf_with_pages(path: Path, count: int, code_on: int = 1) -> Path:
    """An A4 PDF of ``count`` pages, blank but for the QR of ``CODE`` on page ``code_on`` (0: none)."""
    drawn = io.BytesIO()
    canvas = Canvas(drawn, pagesize=A4)
    canvas.drawImage(ImageReader(qr_image(CODE)), 100, 400, 200, 200)
    canvas.showPage()
    canvas.save()
    document = pypdfium2.PdfDocument.new()
    for number in range(1, count + 1):
        if number == code_on:
            document.import_pages(pypdfium2.PdfDocument(drawn.getvalue()))
        else:
            document.new_page(*A4).close()
    document.save(path)
    document.close()
    return path


def tiff_with_frames(path: Path, count: int, code_on: int = 1) -> Path:
    blank = Image.new("L", (500, 500), 255)
    frames = [sheet((500, 500), (qr_image(CODE), (50, 50))) if n == code_on else blank for n in range(1, count + 1)]
    frames[0].save(path, save_all=True, append_images=frames[1:], compression="tiff_deflate")
    return path


def png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG claiming ``width`` x ``height`` grey pixels in a few hundred bytes (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(width + 1))) + chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + body)
    return path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "socket.png"
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(path))
        yield path


# Not regular files


@pytest.mark.timeout(20)
@pytest.mark.parametrize("name", ["scan.png", "scan.pdf"])
def test_a_fifo_named_like_a_scan_is_refused_at_once(tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)

    with pytest.raises(DecodeError, match=rf"{name}: a FIFO \(named pipe\), not a regular file") as caught:
        decode_file(fifo)
    assert caught.value.exit_code == 2


@pytest.mark.timeout(20)
def test_folders_devices_and_sockets_are_refused(tmp_path: Path, unix_socket: Path) -> None:
    for path, kind in ((tmp_path, "a folder"), (Path("/dev/zero"), "a character device"), (unix_socket, "a socket")):
        with pytest.raises(DecodeError, match=f"{kind}, not a regular file"):
            decode_file(path)


@pytest.mark.timeout(20)
def test_a_file_swapped_for_a_fifo_after_the_check_is_refused_once_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regular = tmp_path / "regular.png"
    qr_image(CODE).save(regular)
    fifo = tmp_path / "swapped.png"
    os.mkfifo(fifo)
    real_stat = os.stat

    def stat_before_the_swap(path: object, *args: object, **kwargs: object) -> os.stat_result:
        """The check sees the regular file; by the time of the open, the name is a FIFO."""
        return real_stat(regular if path == fifo else path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat_before_the_swap)

    with pytest.raises(DecodeError, match="a FIFO"):
        decode_file(fifo)


def test_a_symbolic_link_to_a_scan_is_read(tmp_path: Path) -> None:
    target = tmp_path / "scan.png"
    qr_image(CODE).save(target)
    (tmp_path / "link.png").symlink_to(target)

    assert decode_file(tmp_path / "link.png") == [Decoded(CODE, "QRCODE")]


# Long documents


def test_a_pdf_of_10000_pages_is_read_on_its_first_pages_within_the_budget(tmp_path: Path) -> None:
    with_code = pdf_with_pages(tmp_path / "long.pdf", 10_000)
    blank = pdf_with_pages(tmp_path / "blank.pdf", 10_000, code_on=0)

    started = time.monotonic()
    scanned = scan_file(with_code)
    assert scanned.codes == (Decoded(CODE, "QRCODE", 1),)
    assert scanned.shortfall() == "long.pdf: read the first 4 of 10,000 pages: a confirmation printout has one or two"
    nothing = scan_file(blank)  # both passes and every retry, on the first pages only
    assert time.monotonic() - started < DECODE_BUDGET_S
    assert (nothing.codes, nothing.pages_read, nothing.page_count) == ((), MAX_PAGES, 10_000)
    assert not nothing.out_of_time


def test_a_code_past_the_first_pages_is_not_looked_for(tmp_path: Path) -> None:
    late = pdf_with_pages(tmp_path / "late.pdf", MAX_PAGES + 1, code_on=MAX_PAGES + 1)
    last_read = pdf_with_pages(tmp_path / "last.pdf", MAX_PAGES, code_on=MAX_PAGES)

    assert decode_file(late) == []
    scanned = scan_file(last_read)
    assert (scanned.codes, scanned.shortfall()) == ((Decoded(CODE, "QRCODE", 4),), "")


def test_a_tiff_of_300_frames_is_read_on_its_first_frames_without_counting_them_all(tmp_path: Path) -> None:
    path = tiff_with_frames(tmp_path / "frames.tif", 300)
    late = tiff_with_frames(tmp_path / "late.tif", MAX_PAGES + 1, code_on=MAX_PAGES + 1)

    scanned = scan_file(path)
    assert scanned.codes == (Decoded(CODE, "QRCODE", 1),)
    assert (scanned.pages_read, scanned.page_count, scanned.more_pages) == (MAX_PAGES, None, True)
    assert "read only the first 4 pages; the file has more" in scanned.shortfall()
    assert decode_file(late) == []


def test_a_short_tiff_is_counted_and_read_whole(tmp_path: Path) -> None:
    scanned = scan_file(tiff_with_frames(tmp_path / "two.tif", 2, code_on=2))

    assert (scanned.codes, scanned.page_count, scanned.shortfall()) == ((Decoded(CODE, "QRCODE", 2),), 2, "")


def test_the_time_budget_stops_between_pages_and_says_how_far_it_got(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = pdf_with_pages(tmp_path / "slow.pdf", 3, code_on=3)
    assert scan_file(path).codes == (Decoded(CODE, "QRCODE", 3),)

    monkeypatch.setattr("desk_app.scan.decode.DECODE_BUDGET_S", 0.0)
    scanned = scan_file(path)
    assert (scanned.codes, scanned.pages_read, scanned.out_of_time) == ((), 1, True)
    assert scanned.shortfall() == (
        "slow.pdf: stopped after 0 s, the time allowed for one file, having looked at page 1 of 3"
    )


def test_the_retries_count_against_the_time_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[str] = []
    monkeypatch.setattr("desk_app.scan.decode.RETRIES", recorded_retries(tried))
    path = tmp_path / "blank.png"
    Image.new("L", (2400, 2400), 200).save(path)
    scan_file(path)
    assert tried == [retry.name for retry in RETRIES]

    tried.clear()
    monkeypatch.setattr("desk_app.scan.decode.DECODE_BUDGET_S", 0.0)
    assert scan_file(path).out_of_time
    assert tried == []


# Images too large


@pytest.mark.timeout(20)
@pytest.mark.parametrize("side", [30_000, 9_000])  # over Pillow's own limit; under it but over a scan's
def test_a_decompression_bomb_is_refused_before_it_is_decoded(tmp_path: Path, side: int) -> None:
    path = png_header_only(tmp_path / "bomb.png", side, side)

    with pytest.raises(DecodeError, match=r"bomb\.png: too large for a scan of a printout"):
        decode_file(path)


# What the codes and names hold


HOSTILE = "REF\x1b[31m\r\nINJECTED LINE\u202eX"


def test_the_decode_command_prints_a_hostile_code_as_one_escaped_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hostile.png"
    sheet((500, 500), (qr_image(HOSTILE), (50, 50)), (qr_image(REFERENCE), (50, 320))).save(path)
    assert decode_file(path)[0].text == HOSTILE  # the check-in still gets the code as read

    assert main(["decode", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == "REF\\x1b[31m\\x0d\\x0aINJECTED LINE\\u202eX\n" + REFERENCE + "\n"
    assert err == ""


def test_the_decode_command_says_on_stderr_which_pages_it_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = pdf_with_pages(tmp_path / "long.pdf", 12)

    assert main(["decode", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == CODE + "\n"
    assert err == "desk-app: long.pdf: read the first 4 of 12 pages: a confirmation printout has one or two\n"


@pytest.mark.timeout(20)
def test_the_decode_command_refuses_a_fifo_with_exit_code_2_and_an_escaped_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "x\u202e\nfdp.png"
    os.mkfifo(fifo)

    assert main(["decode", str(fifo)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"desk-app: cannot read {printable(str(fifo))}: a FIFO (named pipe), not a regular file; " + (
        "only image and PDF files are read\n"
    )
    assert err.count("\n") == 1 and "\u202e" not in err


def nested_forms_pdf(path: Path, depth: int, fan: int = 10) -> Path:
    """A one-page PDF of a few KB whose form draws the next form ``fan`` times, ``depth`` levels deep: pdfium expands
    it to fan**depth rectangles when it loads the page (10**8: minutes and many GB, in one call)."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /XObject << /F 10 0 R >> >>"
        b" /Contents 4 0 R >>",
        4: b"<< /Length 5 >>\nstream\n/F Do\nendstream",
    }
    for level in range(depth):
        last = level == depth - 1
        content = b"0 0 1 1 re f" if last else b"q 1 0 0 1 1 0 cm /F Do Q " * fan
        resources = b"<< >>" if last else b"<< /XObject << /F %d 0 R >> >>" % (11 + level)
        objects[10 + level] = (
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources %s /Length %d >>\nstream\n%s\nendstream"
            % (resources, len(content), content)
        )
    data, offsets = b"%PDF-1.4\n", {}
    for number in sorted(objects):
        offsets[number] = len(data)
        data += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    start, size = len(data), max(objects) + 1
    data += b"xref\n0 %d\n0000000000 65535 f \n" % size
    data += b"".join(
        b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n" for n in range(1, size)
    )
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, start)
    path.write_bytes(data)
    return path


@pytest.mark.timeout(60)
def test_a_pdf_page_that_expands_to_millions_of_shapes_is_stopped_in_its_helper_process(tmp_path: Path) -> None:
    bomb = nested_forms_pdf(tmp_path / "bomb.pdf", depth=8)
    assert bomb.stat().st_size < 5000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    try:
        scanned = scan_file(bomb)
    except DecodeError as error:  # the helper ran out of its memory
        assert "needs more memory than a printout's page" in str(error)
    else:  # or out of its time
        assert scanned.out_of_time and scanned.codes == ()
    assert time.monotonic() - started < DECODE_BUDGET_S + PAGE_GRACE_S + 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # kB: the desk's own memory
    # the next PDF gets a new helper
    assert decode_file(pdf_with_pages(tmp_path / "printout.pdf", 1)) == [Decoded(CODE, "QRCODE", 1)]


def test_a_page_that_overruns_the_second_pass_is_reported_out_of_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in review: a helper stopped in the 300 dpi pass was reported as 'no code', not as time run out."""
    real_render = pdf_worker.render

    def slow_at_300_dpi(path: Path, index: int, dpi: int, max_pixels: int, timeout: float) -> pdf_worker.RenderedPage:
        if dpi == PDF_RETRY_DPI:
            raise pdf_worker.WorkerTimedOut
        return real_render(path, index, dpi, max_pixels, timeout)

    monkeypatch.setattr(pdf_worker, "render", slow_at_300_dpi)
    scanned = scan_file(pdf_with_pages(tmp_path / "blank.pdf", 1, code_on=0))
    assert scanned.out_of_time and scanned.codes == () and "stopped after" in scanned.shortfall()


def test_two_threads_reading_pdfs_at_once_each_get_their_own_codes(tmp_path: Path) -> None:
    """Each request names its file: the helper's open document is never the other thread's."""
    first = pdf_with_pages(tmp_path / "first.pdf", 3, code_on=3)
    blank = pdf_with_pages(tmp_path / "blank.pdf", 3, code_on=0)
    found: dict[str, list[list[Decoded]]] = {"first": [], "blank": []}

    def read(name: str, path: Path) -> None:
        for _ in range(3):
            found[name].append(decode_file(path, retries=False))

    threads = [threading.Thread(target=read, args=item) for item in (("first", first), ("blank", blank))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert found == {"first": [[Decoded(CODE, "QRCODE", 3)]] * 3, "blank": [[]] * 3}


def test_the_helper_lets_go_of_the_file_after_the_scan(tmp_path: Path) -> None:
    """A scan opened from a USB stick must not keep the stick busy."""
    path = pdf_with_pages(tmp_path / "printout.pdf", 1)
    assert decode_file(path) == [Decoded(CODE, "QRCODE", 1)]
    helper = pdf_worker._worker
    assert helper is not None and helper.alive
    held = [os.readlink(fd) for fd in Path(f"/proc/{helper._process.pid}/fd").iterdir() if fd.is_symlink()]
    assert str(path) not in held
