"""Fuzzing the list import (issue 13): whatever bytes a list holds, it is imported whole or refused with a report a
person can act on; a refusal writes nothing but its own log entry, and an imported name is clean NFC text.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import event as outcome
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.core.event import EventConfig
from desk_app.core.model import Action, Application
from desk_app.core.text import hidden_characters
from desk_app.errors import ImportRejected
from desk_app.intake.importer import ImportSummary, import_list
from desk_app.intake.rows import COLUMNS
from desk_app.service import DeskService
from desk_app.store import Store
from tests.conftest import FIRST_MORNING, FixedClock, make_application
from tests.fuzz.mutations import FUZZ, any_text, examples, mutated_bytes
from tests.unit.intake.test_importer import people, row_of

ROWS = [
    row_of(make_application(reference="DM24-000100")),
    *(row_of(a) for a in people(2)),
    row_of(make_application(reference="AN24-000009", family_name="Ólafsdóttir", given_names="")),
]


def csv_bytes(rows: list[dict[str, object]], delimiter: str = ",", bom: bool = False) -> bytes:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(COLUMNS), delimiter=delimiter, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + text.getvalue().encode("utf-8", "surrogatepass")


SEEDS = {
    "csv": csv_bytes(ROWS),  # type: ignore[arg-type]
    "csv-semicolon-bom": csv_bytes(ROWS, ";", bom=True),  # type: ignore[arg-type]
    "json": json.dumps(ROWS).encode(),
    "json-unicode-indented": json.dumps(ROWS, ensure_ascii=False, indent=1).encode(),
}
SUFFIXES = st.sampled_from([".csv", ".json", ".CSV", ".txt"])


@pytest.fixture
def desk(store: Store, event: EventConfig, tmp_path: Path) -> DeskService:
    """A desk whose list already holds the seed rows, so a fuzzed list may update them or must leave them be."""
    clock = FixedClock(FIRST_MORNING)
    service = DeskService(store, event, clock, real_clock=clock)
    seed = tmp_path / "seed.csv"
    seed.write_bytes(SEEDS["csv"])
    assert service.import_list(seed).added == len(ROWS)
    return service


def snapshot(store: Store) -> tuple[list[Application], int]:
    return list(store.applications.all()), store.log.count()


def attempt(store: Store, desk: DeskService, path: Path, via_service: bool) -> None:
    """Import ``path`` and check the outcome, whichever it is."""
    applications, entries = snapshot(store)
    try:
        summary = desk.import_list(path, by="fuzz") if via_service else import_list(store, path, FIRST_MORNING)
    except ImportRejected as rejected:
        outcome("refused")
        assert rejected.problems, "a refusal names at least one problem"
        assert all(p.line >= 0 and p.reason.strip() for p in rejected.problems), rejected.problems
        assert rejected.total >= len(rejected.problems)
        str(rejected), [str(p) for p in rejected.problems]  # the report can be written out
        assert list(store.applications.all()) == applications, "a refused list changed the applications"
        if via_service:
            assert store.log.count() == entries + 1
            head = store.log.head()
            assert head is not None and head.record.action is Action.IMPORT_REJECTED
        else:
            assert store.log.count() == entries
    else:
        outcome("imported")
        assert isinstance(summary, ImportSummary)
        assert store.log.count() == entries + (1 if via_service else 0)
        for app in store.applications.all():
            for name in (app.family_name, app.given_names, app.organisation):
                assert unicodedata.is_normalized("NFC", name), ascii(name)
                assert not hidden_characters(name), ascii(name)
    assert store.log.verify().intact


@settings(FUZZ, max_examples=examples(600))
@given(
    seed=st.sampled_from(sorted(SEEDS)),
    data=st.data(),
    suffix=SUFFIXES,
    via_service=st.booleans(),
)
def test_a_mutated_list_is_imported_or_refused_cleanly(
    store: Store, desk: DeskService, tmp_path: Path, seed: str, data: st.DataObject, suffix: str, via_service: bool
) -> None:
    path = tmp_path / f"list{suffix}"
    path.write_bytes(data.draw(mutated_bytes(SEEDS[seed]), label="contents"))
    attempt(store, desk, path, via_service)


def cell_changes(values: st.SearchStrategy[object]) -> st.SearchStrategy[dict[str, object]]:
    return st.dictionaries(st.sampled_from([*COLUMNS, "Reference ", "", "extra"]), values, max_size=5)


@settings(FUZZ, max_examples=examples(250))
@given(
    changes=st.lists(cell_changes(any_text), min_size=1, max_size=3),
    dropped=st.sets(st.sampled_from(COLUMNS), max_size=2),
    delimiter=st.sampled_from([",", ";"]),
    bom=st.booleans(),
    via_service=st.booleans(),
)
def test_a_csv_of_random_cells_is_imported_or_refused_cleanly(
    store: Store,
    desk: DeskService,
    tmp_path: Path,
    changes: list[dict[str, object]],
    dropped: set[str],
    delimiter: str,
    bom: bool,
    via_service: bool,
) -> None:
    rows = [{k: v for k, v in {**ROWS[i % len(ROWS)], **c}.items() if k not in dropped} for i, c in enumerate(changes)]
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(dict.fromkeys(k for row in rows for k in row)), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / "list.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.getvalue().encode("utf-8", "surrogatepass"))
    attempt(store, desk, path, via_service)


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        any_text,
        st.sampled_from(["", "yes", "no", "2024-02-30", "BEL", "annual", "ministerial", "approved", "DM24-000001"]),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(any_text, inner, max_size=3)),
    max_leaves=8,
)


@settings(FUZZ, max_examples=examples(250))
@given(
    changes=st.lists(cell_changes(json_values), min_size=1, max_size=3),
    items=st.lists(json_values, max_size=2),
    ascii_only=st.booleans(),
    via_service=st.booleans(),
)
def test_a_json_list_of_random_values_is_imported_or_refused_cleanly(
    store: Store,
    desk: DeskService,
    tmp_path: Path,
    changes: list[dict[str, object]],
    items: list[object],
    ascii_only: bool,
    via_service: bool,
) -> None:
    rows: list[object] = [{**ROWS[i % len(ROWS)], **c} for i, c in enumerate(changes)]
    # Lone surrogates: escaped (\ud800) when ASCII only, else written raw, which is not UTF-8 at all.
    text = json.dumps(rows + items, ensure_ascii=ascii_only)
    path = tmp_path / "list.json"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    attempt(store, desk, path, via_service)
