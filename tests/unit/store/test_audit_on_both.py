"""The audit on both backends: a row changed with a database shell, around the app, is named by the service."""

from __future__ import annotations

import pytest

from desk_app.core.model import PresentedDocument, PresentedPress
from desk_app.errors import StoreError
from desk_app.service import DeskService, Station
from tests.conftest import make_application, store_of
from tests.unit.store.conftest import SqlShell

G1 = Station("groups", "G1", "anna")


@pytest.mark.parametrize(
    ("statement", "row"),
    [
        ("DELETE FROM badges WHERE serial = 'M-000001'", "badge:M-000001"),
        ("UPDATE staff SET active = 1, full_name = 'Mallory' WHERE login = 'paul'", "staff:paul"),
        ("INSERT INTO meta (key, value) VALUES ('verify_key:EVIL1', 'x')", "key:EVIL1"),
        ("UPDATE meta SET value = value || ' ' WHERE key = 'event_config'", "event"),
    ],
)
def test_a_row_changed_behind_the_log_is_named(
    desk: DeskService, sql_shell: SqlShell, statement: str, row: str
) -> None:
    store_of(desk).applications.upsert_many([make_application()], "2024-02-01T00:00:00.000000Z")
    desk.check_in(G1, "DM24-000001", PresentedDocument("C01X00T47"), PresentedPress("DJV-48213"))
    assert desk.audit() == []
    sql_shell(statement)
    [problem] = desk.audit()
    assert problem.startswith(f"{row} ")
    with pytest.raises(StoreError, match="does not match its log"):
        desk.require_sound()
