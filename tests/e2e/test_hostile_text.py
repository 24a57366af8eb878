"""People's data that tries to drive the terminal: the ``desk-app`` process prints it escaped, one record per line,
and a hostile list is refused with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from desk_app.store import open_store
from tests.conftest import make_application
from tests.processes import Run
from tests.unit.intake.test_importer import row_of, write_csv

# As an older database may hold them: the text policy now refuses these at import.
HOSTILE_NAME = "\x1b[2J\x1b[31mEVIL\u202eLIAM\r\nINJECTED LINE"


def test_lookup_prints_control_characters_escaped(run: Run, tmp_path: Path) -> None:
    assert run("init").returncode == 0
    with open_store(tmp_path / "desk.sqlite") as store:
        store.applications.upsert_many([make_application(reference="DM24-000666", family_name=HOSTILE_NAME)], "x")
    found = run("lookup", "DM24-000666")
    assert found.returncode == 0
    assert "\\x1b[2J\\x1b[31MEVIL\\u202eLIAM\\x0d\\x0aINJECTED LINE" in found.stdout
    assert not {"\x1b", "\u202e", "\r"} & set(found.stdout)
    assert len(found.stdout.splitlines()) == 1

    as_json = run("lookup", "DM24-000666", "--json")
    assert not {"\x1b", "\u202e", "\r"} & set(as_json.stdout) and len(as_json.stdout.splitlines()) == 1
    assert json.loads(as_json.stdout)[0]["family_name"] == HOSTILE_NAME


def test_a_hostile_json_list_exits_2_with_a_report(run: Run, tmp_path: Path) -> None:
    fields = {k: json.dumps(v) for k, v in row_of(make_application(reference="DM24-000001")).items()}
    fields["reference"] = "9" * 5000
    path = tmp_path / "list.json"
    path.write_text("[{" + ", ".join(f'"{k}": {v}' for k, v in fields.items()) + "}]")
    result = run("import", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "item 1, reference: is a number (99999999999999999999), not text" in result.stderr
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000)
    result = run("import", str(deep))
    assert result.returncode == 2 and "item 1: is nested too deeply" in result.stderr


def test_the_import_report_names_the_font_of_chinese_names(run: Run, tmp_path: Path) -> None:
    rows = [{**row_of(make_application(reference="DM24-000001")), "family_name": "王", "given_names": "小明"}]
    result = run("import", str(write_csv(tmp_path / "list.csv", rows)))
    assert result.returncode == 0, result.stderr
    assert "1 rows have names printed in WenQuanYiZenHei, a system font (not DejaVu)" in result.stdout


def test_a_file_name_with_a_line_break_cannot_forge_a_line_of_output(run: Run, tmp_path: Path) -> None:
    rows = [{**row_of(make_application(reference="DM24-000001")), "kind": "vip"}]
    path = write_csv(tmp_path / "=cmd|x\r\nline 9: all fine.csv", rows)
    result = run("import", str(path))
    assert result.returncode == 2
    assert "=cmd|x\\x0d\\x0aline 9: all fine.csv: line 2, kind" in result.stderr
    assert not any(line.startswith("line 9") for line in result.stderr.splitlines())
