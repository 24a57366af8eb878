"""The printing commands of desk-app, run as processes against a real cups-pdf queue and a PDF folder."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2

from tests.conftest import make_application
from tests.cups_server import PdfQueue
from tests.processes import Run
from tests.unit.intake.test_importer import row_of, write_csv

STATION = ("--entrance", "groups", "--desk", "G1", "--staff", "anna")
DOCS = ("--document-number", "C01X00T47", "--press-card", "DJV-48213")


def prepared(run: Run, tmp_path: Path) -> Run:
    apps = [make_application(), make_application(reference="DM24-000002")]
    assert run("import", str(write_csv(tmp_path / "l.csv", [row_of(a) for a in apps]))).returncode == 0
    for login, role, pin in (("anna", "counter", "2468"), ("sam", "supervisor", "975310")):
        assert (
            run("staff", "add", login, "--name", login, "--role", role, "--pin-stdin", stdin=pin + "\n").returncode == 0
        )
    return run


def test_checkin_prints_to_a_folder_then_renders_and_reprints(run: Run, tmp_path: Path) -> None:
    prepared(run, tmp_path)
    out = tmp_path / "badges"
    result = run("checkin", "DM24-000001", *STATION, *DOCS, "--print", "--pdf-dir", str(out), "--json")
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["badge"] == "M-000001" and verdict["printed"]["handed_over"] is True
    assert [p.name for p in out.iterdir()] == ["M-000001-1.pdf"]

    rendered = run("badge", "DM24-000001", "--out", str(tmp_path / "one.pdf"), "--size", "a6")
    assert rendered.returncode == 0 and "M-000001" in rendered.stdout
    width, height = pypdfium2.PdfDocument(tmp_path / "one.pdf")[0].get_size()
    assert (round(width), round(height)) == (298, 420)  # A6 in points
    batch = run("badges", "--kind", "ministerial", "--out", str(tmp_path / "all.pdf"))
    assert batch.returncode == 0 and len(pypdfium2.PdfDocument(tmp_path / "all.pdf")) == 1
    assert run("badge", "DM24-000002", "--out", str(tmp_path / "none.pdf")).returncode == 1

    replaced = run("reprint", "M-000001", *STATION, "--supervisor", "sam", "--reason", "lost", "--pin-stdin",
                   "--pdf-dir", str(out), stdin="975310\n")  # fmt: skip
    assert replaced.returncode == 0, replaced.stderr
    assert sorted(p.name for p in out.iterdir()) == ["M-000001-1.pdf", "M-000002-1.pdf"]


def test_a_stopped_queue_leaves_the_person_not_served(run: Run, tmp_path: Path, pdf_queue: PdfQueue) -> None:
    prepared(run, tmp_path)
    listed = run("printers", bare=True)
    assert listed.returncode == 0 and pdf_queue.name in listed.stdout
    pdf_queue.disable("out of cards")
    result = run("checkin", "DM24-000001", *STATION, *DOCS, "--print", "--printer", pdf_queue.name, "--timeout", "1")
    assert result.returncode == 13
    assert "PRINT FAILED" in result.stderr and "out of cards" in result.stderr and "NOT served" in result.stderr
    pdf_queue.enable()
    again = run("checkin", "DM24-000001", *STATION, *DOCS, "--print", "--printer", pdf_queue.name, "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["badge"] == "M-000002"
    assert run("log", "verify").returncode == 0
