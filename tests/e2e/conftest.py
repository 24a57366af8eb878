"""The e2e tests' desk: a database made through the command line, as an operator would make it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk_app.core.model import Status
from tests.conftest import make_application
from tests.processes import Run
from tests.unit.intake.test_importer import row_of, write_csv


@pytest.fixture
def ready(run: Run, tmp_path: Path) -> Run:
    """A database with the event, staff and a small list."""
    apps = [
        make_application(),
        make_application(reference="DM24-000002", family_name="Παπαδοπούλου", given_names="Ελένη"),
        make_application(reference="DM24-000003", family_name="Шевченко", given_names="Олена", status=Status.REVOKED),
    ]
    csv_path = write_csv(tmp_path / "list.csv", [row_of(a) for a in apps], ";", bom=True)
    assert run("init").returncode == 0
    for login, role, pin in (("anna", "counter", "2468"), ("sam", "supervisor", "975310")):
        added = run("staff", "add", login, "--name", login.title(), "--role", role, "--pin-stdin", stdin=pin + "\n")
        assert added.returncode == 0, added.stderr
    imported = run("import", str(csv_path))
    assert imported.returncode == 0, imported.stderr
    assert "3 rows" in imported.stdout and "3 added" in imported.stdout
    return run


def checkin(run: Run, code: str, *extra: str) -> tuple[int, dict]:
    result = run("checkin", code, "--entrance", "groups", "--desk", "G1", "--staff", "anna", "--json", *extra)
    assert result.stderr == ""
    return result.returncode, json.loads(result.stdout)
