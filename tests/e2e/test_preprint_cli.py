"""The night before and the morning after, through the command line: preprint, the card scanned at the counter
(exit 14 without it, WRONG_CARD with another), a lost card voided, the stock counted and closed."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

from tests.e2e.conftest import checkin
from tests.processes import Run

EVENING = "2024-02-13T21:00"
DOCS = ("--document-number", "C01X00T47", "--press-card", "DJV-48213")
SUPERVISOR = ("--supervisor", "sam", "--pin-stdin")
AT_G1 = ("--entrance", "groups", "--desk", "G1", "--staff", "anna")


def test_the_night_before_and_the_counter(ready: Run, tmp_path: Path) -> None:
    # Müller and Papadopoulou are approved; Shevchenko is revoked and gets no card.
    cards = tmp_path / "cards.pdf"
    printed = ready(
        "preprint", "--kind", "ministerial", "--out", str(cards), *SUPERVISOR, stdin="975310\n", now=EVENING
    )
    assert printed.returncode == 0, printed.stderr
    assert "2 cards reserved in box 1 (ministerial)" in printed.stdout
    assert "box 1: 2 cards printed (M-000001..M-000002)" in printed.stdout
    assert cards.read_bytes().startswith(b"%PDF-")
    again = ready("preprint", "--kind", "ministerial", "--out", str(tmp_path / "again.pdf"), *SUPERVISOR,
                  stdin="975310\n", now=EVENING)  # fmt: skip
    assert again.returncode == 0 and "0 cards reserved (ministerial)" in again.stdout
    assert "nothing to print" in again.stdout and not (tmp_path / "again.pdf").exists()

    # Müller files before Papadopoulou: M-000001, box 1, slot 1.
    code, out = checkin(ready, "DM24-000001", *DOCS)
    assert code == 14 and out["verdict"] == "ISSUE" and out["awaiting_card"] and out["badge"] is None
    assert out["card"] == {"serial": "M-000001", "box": 1, "slot": 1, "state": "preprinted"}
    words = ready("checkin", "DM24-000001", *AT_G1, *DOCS)
    assert words.returncode == 14
    assert "NOT HANDED OVER YET: take card M-000001 from box 1, slot 1, and scan it (--card M-000001)" in words.stdout
    assert words.stdout.startswith("[>>] TAKE THE CARD, SCAN IT: DM24-000001")
    code, out = checkin(ready, "DM24-000001", *DOCS, "--card", "M-000002")
    assert (code, out["verdict"], out["reasons"], out["badge"]) == (12, "REFUSE", ["WRONG_CARD"], None)
    code, out = checkin(ready, "DM24-000001", *DOCS, "--card", "M-000001")
    assert (code, out["verdict"], out["badge"], out["card"]["state"]) == (0, "ISSUE", "M-000001", "handed_over")
    code, out = checkin(ready, "DM24-000001", *DOCS, "--card", "M-000001")
    assert (code, out["reasons"]) == (12, ["ALREADY_ISSUED"])

    # Papadopoulou's card is lost: a supervisor voids it, and she is served with a badge printed at the desk.
    voided = ready("void", "M-000002", *AT_G1, *SUPERVISOR, "--reason", "lost", stdin="975310\n")
    assert voided.returncode == 0, voided.stderr
    assert "card M-000002 of DM24-000002 (box 1, slot 2) voided" in voided.stdout
    served = ready("checkin", "DM24-000002", *AT_G1, *DOCS, "--json", "--print", "--pdf-dir", str(tmp_path / "desk"))
    out = json.loads(served.stdout)
    assert (served.returncode, out["badge"], out["awaiting_card"]) == (0, "M-000003", False)
    assert "printed: badge M-000003 handed over" in served.stderr

    stock = ready("stock")
    assert stock.returncode == 0 and "every box balances" in stock.stdout
    assert "voided, lost: 1" in stock.stdout
    refused = ready("stock", "close", *SUPERVISOR, stdin="975310\n")
    assert refused.returncode == 2 and "end of the event" in refused.stderr
    out_csv = tmp_path / "stock.csv"
    closed = ready("stock", "close", *SUPERVISOR, "--format", "csv", "--out", str(out_csv), stdin="975310\n",
                   now="2024-02-15T21:00")  # fmt: skip
    assert closed.returncode == 0, closed.stderr
    assert "signed off by Sam (sam)" in closed.stdout
    rows = list(csv.reader(io.StringIO(out_csv.read_text(encoding="utf-8-sig"))))
    assert ["ministerial", "total", "2", "2", "1", "1", "0", "0", "lost: 1", "1"] in rows
    assert ["#balances", "yes"] in rows and rows[-1][:3] == ["#closed_by", "sam", "Sam"]
    verified = ready("log", "verify")
    assert verified.returncode == 0 and "badges and cards are what the log says" in verified.stdout


def test_a_box_not_printed_says_which_serials_and_exits_13(ready: Run, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    failed = ready("preprint", "--kind", "ministerial", "--pdf-dir", str(blocked / "cards"), *SUPERVISOR,
                   stdin="975310\n", now=EVENING)  # fmt: skip
    assert failed.returncode == 13
    assert "box 1: NOT PRINTED, 2 cards stay reserved (M-000001..M-000002)" in failed.stderr
    stock = ready("stock", now=EVENING)
    assert stock.returncode == 0 and "ministerial    1         2         0" in stock.stdout
    code, out = checkin(ready, "DM24-000001", *DOCS)  # an unprinted card is not waited for: printed at the desk
    assert code == 0 and out["badge"] == "M-000003" and not out["awaiting_card"]


def test_preprint_refuses_a_wrong_pin_and_a_references_file_that_is_not_a_file(ready: Run, tmp_path: Path) -> None:
    wrong = ready("preprint", "--kind", "ministerial", "--out", str(tmp_path / "c.pdf"), *SUPERVISOR,
                  stdin="111111\n", now=EVENING)  # fmt: skip
    assert wrong.returncode == 2 and not (tmp_path / "c.pdf").exists()
    listed = tmp_path / "refs.txt"
    listed.write_text("reference\nDM24-000002\nDM24-000003\nDM24-999999\n# a comment\n")
    only = ready("preprint", "--kind", "ministerial", "--references", str(listed), "--out", str(tmp_path / "c.pdf"),
                 *SUPERVISOR, stdin="975310\n", now=EVENING)  # fmt: skip
    assert only.returncode == 0, only.stderr
    assert "1 card reserved in box 1 (ministerial)" in only.stdout
    assert "skipped DM24-000003: application revoked" in only.stderr
    assert "skipped DM24-999999: not in the list" in only.stderr
    folder = ready("preprint", "--kind", "ministerial", "--references", str(tmp_path), "--out",
                   str(tmp_path / "d.pdf"), *SUPERVISOR, stdin="975310\n", now=EVENING)  # fmt: skip
    assert folder.returncode == 2 and "cannot read the references" in folder.stderr


def test_what_the_attacker_found_is_refused_plainly(ready: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    to_fifo = ready("stock", "--format", "csv", "--out", str(fifo))
    assert to_fifo.returncode != 0 and "not a regular file" in to_fifo.stderr and stat.S_ISFIFO(fifo.stat().st_mode)
    halves = ready("stock", "close", *SUPERVISOR, "--out", str(tmp_path / "s.csv"), stdin="975310\n")
    assert halves.returncode == 2 and "--format and --out go together" in halves.stderr
    for day in ("9999-12-31", ""):
        wrong_day = ready("stock", "--day", day)
        assert wrong_day.returncode == 2 and "--day" in wrong_day.stderr and "Traceback" not in wrong_day.stderr
    earlier = tmp_path / "earlier.pdf"
    earlier.write_bytes(b"%PDF-1.4 box 1 of an earlier run")
    again = ready("preprint", "--kind", "ministerial", "--out", str(earlier), *SUPERVISOR, stdin="975310\n",
                  now=EVENING)  # fmt: skip
    assert again.returncode == 2 and "exists: name a new file" in again.stderr
    assert earlier.read_bytes() == b"%PDF-1.4 box 1 of an earlier run"
    assert "ministerial" not in ready("stock", now=EVENING).stdout  # nothing was reserved
    printed = ready("preprint", "--kind", "ministerial", "--out", str(tmp_path / "c.pdf"), *SUPERVISOR,
                    stdin="975310\n", now=EVENING)  # fmt: skip
    assert printed.returncode == 0
    lower = ready("void", " m-000001 ", *AT_G1, *SUPERVISOR, "--reason", "damaged", stdin="975310\n")
    assert lower.returncode == 0 and "card M-000001 of DM24-000001" in lower.stdout
    twice = ready("void", "M-000001", *AT_G1, *SUPERVISOR, "--reason", "damaged", stdin="975310\n")
    assert twice.returncode == 2 and "card M-000001 is void already (damaged)" in twice.stderr
    unknown = ready("void", "M-424242", *AT_G1, *SUPERVISOR, "--reason", "damaged", stdin="975310\n")
    assert unknown.returncode == 2 and "no badge or card has the serial M-424242" in unknown.stderr
    empty = ready("checkin", "DM24-000002", *AT_G1, *DOCS, "--card", " ")
    assert empty.returncode == 2 and "--card is the serial" in empty.stderr
