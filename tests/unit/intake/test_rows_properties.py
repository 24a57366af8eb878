"""Whatever a spreadsheet holds, a row either parses or yields problems naming a column: it never crashes."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.errors import ImportRejected, RowProblem
from desk_app.intake.rows import COLUMNS, ParsedRow, parse_row
from desk_app.intake.sources import SourceRecord, open_source
from tests.conftest import make_application
from tests.unit.intake.test_importer import row_of

VALID = row_of(make_application())
cell = st.one_of(st.text(max_size=60), st.sampled_from(["", "yes", "no", "2024-02-30", "BEL", "annual", "-1"]))


# No deadline: the first example pays for loading the country list.
@settings(deadline=None)
@given(st.dictionaries(st.sampled_from(COLUMNS), cell))
def test_any_row_of_text_parses_or_names_its_problems(changes: dict[str, str]) -> None:
    result = parse_row(7, {**VALID, **changes})
    if isinstance(result, ParsedRow):
        assert result.application.reference == result.application.reference.upper()
    else:
        assert result and all(isinstance(p, RowProblem) and p.line == 7 and p.column in COLUMNS for p in result)


@settings(deadline=None)
@given(st.dictionaries(st.text(max_size=20), st.one_of(st.none(), st.integers(), st.booleans(), st.text())))
def test_any_json_object_parses_or_names_its_problems(raw: dict[str, object]) -> None:
    result = parse_row(1, raw)
    assert isinstance(result, (ParsedRow, list))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_file_reads_or_is_rejected_with_a_place(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    try:
        with open_source(path) as source:
            records = list(source.records)
    except ImportRejected as rejected:
        assert rejected.problems and all(p.line >= 0 for p in rejected.problems)
    else:
        assert all(r.line >= 2 if isinstance(r, SourceRecord) else r.line >= 1 for r in records)
