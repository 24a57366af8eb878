"""The office writes the printouts, the desk reads them back: keys, confirmations, decode, checkin, mrz."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from desk_app.core.model import AccreditationKind, Status
from desk_app.core.mrz import check_digit
from tests.conftest import make_application
from tests.processes import Run
from tests.unit.intake.test_importer import row_of, write_csv

DOCS = ("--document-number", "C01X00T47", "--press-card", "DJV-48213")
# The ICAO Doc 9303 TD3 specimen, as a passport reader types it.
ERIKSSON_MRZ = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n"


@pytest.fixture
def office(run: Run, tmp_path: Path) -> tuple[Run, Path]:
    """A desk database with staff, a list, and the office's verify key; the printouts in a folder."""
    apps = [
        make_application(),
        make_application(reference="AN24-000007", kind=AccreditationKind.ANNUAL, annual_number="NATO-A24-0007"),
        make_application(reference="DM24-000003", status=Status.PENDING),
    ]
    assert run("import", str(write_csv(tmp_path / "list.csv", [row_of(a) for a in apps]))).returncode == 0
    assert (
        run("staff", "add", "anna", "--name", "Anna", "--role", "counter", "--pin-stdin", stdin="2468\n").returncode
        == 0
    )
    keys = run("keys", "new", "--out", str(tmp_path / "keys"), bare=True)
    assert keys.returncode == 0, keys.stderr
    assert stat.S_IMODE((tmp_path / "keys" / "signing-key.pem").stat().st_mode) == 0o600
    installed = run("keys", "install", str(tmp_path / "keys" / "verify-key.pem"))
    assert installed.returncode == 0 and "installed" in installed.stdout
    written = run("confirmations", "--key", str(tmp_path / "keys" / "signing-key.pem"), "--out", str(tmp_path / "out"))
    assert written.returncode == 0 and "2 confirmation printouts" in written.stdout
    return run, tmp_path / "out"


def checkin(run: Run, code: str) -> tuple[int, dict]:
    result = run("checkin", code, "--entrance", "groups", "--desk", "G1", "--staff", "anna", "--json", *DOCS)
    assert result.stderr == ""
    return result.returncode, json.loads(result.stdout)


def test_printout_decodes_and_checks_in(office: tuple[Run, Path]) -> None:
    run, out = office
    assert sorted(p.name for p in out.iterdir()) == ["AN24-000007.pdf", "DM24-000001.pdf"]
    decoded = run("decode", str(out / "DM24-000001.pdf"), bare=True)
    assert decoded.returncode == 0
    [code] = decoded.stdout.split()
    assert code.startswith("C1:") and ":M:DM24-000001:" in code
    returncode, verdict = checkin(run, code)
    assert (returncode, verdict["verdict"], verdict["reasons"], verdict["code"]) == (0, "ISSUE", [], "signed_valid")


def test_one_character_changed_is_refused_as_invalid(office: tuple[Run, Path]) -> None:
    run, out = office
    [code] = run("decode", str(out / "DM24-000001.pdf"), bare=True).stdout.split()
    last = code[-5]
    altered = code[:-5] + ("A" if last != "A" else "B") + code[-4:]
    returncode, verdict = checkin(run, altered)
    assert (returncode, verdict["verdict"], verdict["reasons"]) == (12, "REFUSE", ["INVALID_CODE"])
    assert run("lookup", "DM24-000001", "--json").returncode == 0
    log = run("export", "--day", "2024-02-14", "--format", "csv", "--out", str(out.parent / "day.csv"))
    assert log.returncode == 0
    assert "signature does not verify" in (out.parent / "day.csv").read_text(encoding="utf-8-sig")


def test_decode_says_when_there_is_nothing(run: Run, tmp_path: Path) -> None:
    blank = tmp_path / "blank.png"
    from PIL import Image

    Image.new("L", (400, 300), 255).save(blank)
    result = run("decode", str(blank), bare=True)
    assert (result.returncode, result.stdout) == (1, "")
    not_image = tmp_path / "notes.png"
    not_image.write_text("not an image")
    result = run("decode", str(not_image), bare=True)
    assert result.returncode == 2 and "notes.png" in result.stderr and "Traceback" not in result.stderr


def test_mrz_command_prints_json(run: Run) -> None:
    result = run("mrz", "-", stdin=ERIKSSON_MRZ, bare=True)
    assert result.returncode == 0
    parsed = json.loads(result.stdout)
    assert parsed["valid"] is True and parsed["format"] == "TD3" and parsed["errors"] == []
    assert parsed["fields"]["document_number"] == "L898902C3"
    assert parsed["fields"]["date_of_birth"] == "1974-08-12"
    corrupted = run("mrz", "-", stdin=ERIKSSON_MRZ.replace("L898902C36", "L898902C37"), bare=True)
    assert corrupted.returncode == 1 and "document_number_check" in json.loads(corrupted.stdout)["errors"]


def td3(number: str, nationality: str, birth: str, sex: str, expiry: str, names: str) -> str:
    """A passport's two MRZ lines with every check digit computed."""
    number = number.ljust(9, "<")
    optional = "<" * 14
    fields = [
        number + str(check_digit(number)),
        nationality.ljust(3, "<"),
        birth + str(check_digit(birth)),
        sex,
        expiry + str(check_digit(expiry)),
        optional + str(check_digit(optional)),
    ]
    composite = fields[0] + fields[2] + fields[4] + fields[5]
    line2 = "".join(fields) + str(check_digit(composite))
    return f"P<{nationality.ljust(3, '<')}{names}".ljust(44, "<") + "\n" + line2 + "\n"


MUELLER_MRZ = td3("C01X00T47", "D", "810309", "M", "310801", "MUELLER<<JUERGEN<KARL")


def test_checkin_with_a_passport_reader(ready_list: Run) -> None:
    station = ("--entrance", "groups", "--desk", "G1", "--staff", "anna", "--press-card", "DJV-48213", "--json")
    result = ready_list("checkin", "DM24-000001", *station, "--mrz", "-", stdin=MUELLER_MRZ)
    assert (result.returncode, json.loads(result.stdout)["verdict"]) == (0, "ISSUE"), result.stdout
    other = ready_list("checkin", "DM24-000002", *station, "--mrz", "-", stdin=ERIKSSON_MRZ)
    verdict = json.loads(other.stdout)
    # The specimen passport expired in 2012: a refusal, with every field that differs named as well.
    assert verdict["verdict"] == "REFUSE"
    assert set(verdict["reasons"]) == {
        "DOCUMENT_EXPIRED",
        "DOCUMENT_NUMBER_MISMATCH",
        "FAMILY_NAME_MISMATCH",
        "GIVEN_NAMES_MISMATCH",
        "DATE_OF_BIRTH_MISMATCH",
        "NATIONALITY_MISMATCH",
        "EXPIRY_MISMATCH",
    }
    misread = ready_list(
        "checkin", "DM24-000002", *station, "--mrz", "-", stdin=MUELLER_MRZ.replace("\n", "X\n", 1)[:-3] + "9\n"
    )
    assert misread.returncode == 2 and "does not read correctly" in misread.stderr


@pytest.fixture
def ready_list(run: Run, tmp_path: Path) -> Run:
    apps = [make_application(), make_application(reference="DM24-000002")]
    assert run("import", str(write_csv(tmp_path / "l.csv", [row_of(a) for a in apps]))).returncode == 0
    assert (
        run("staff", "add", "anna", "--name", "Anna", "--role", "counter", "--pin-stdin", stdin="2468\n").returncode
        == 0
    )
    return run
