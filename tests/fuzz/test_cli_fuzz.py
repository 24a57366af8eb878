"""Fuzzing the command line in-process: hostile arguments and files end with one of the documented exit codes
(0 done, 1 nothing found or invalid, 2 bad input, 3 database) and a message, never a traceback.

Each example opens the database, so the counts are kept small; the parsers behind each command have fuzz tests of
their own.
"""

from __future__ import annotations

import io
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.cli import main
from desk_app.core.text import hidden_characters
from desk_app.store import open_store
from tests.fuzz.mutations import FUZZ, NASTY_CHARACTERS, examples, mutated_bytes
from tests.fuzz.test_decode_fuzz import SEEDS as SCANS
from tests.fuzz.test_import_fuzz import SEEDS as LISTS
from tests.fuzz.test_mrz_fuzz import SEEDS as ZONES

DOCUMENTED = {0, 1, 2, 3}
NOW = ["--now", "2024-02-14T09:00"]
# What a terminal in another character set passes on: bytes that are not UTF-8 reach Python as lone surrogates.
NOT_UTF8 = "\udcff\udcfc"
arguments = st.text(alphabet=st.sampled_from("DM24-0001 Müller:C1" + NASTY_CHARACTERS.replace("\x00", "")), max_size=30)


def exit_code(capsys: pytest.CaptureFixture[str], argv: list[str]) -> int:
    """``desk-app argv`` in this process: its exit code; fails on any exception a person would see as a traceback."""
    try:
        code = main(argv)
    except SystemExit as exited:  # argparse: usage errors, --help
        code = exited.code if isinstance(exited.code, int) else 2
    except Exception:
        pytest.fail(f"desk-app {argv!r} raised:\n{traceback.format_exc()}")
    out, err = capsys.readouterr()
    assert code in DOCUMENTED, (argv, code, err)
    assert "Traceback" not in out + err
    return code


@pytest.fixture
def desk_app(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., int]:
    """``desk_app("lookup", "x")``: the exit code of a command on this test's rehearsal database."""
    db = str(tmp_path / "desk.sqlite")
    assert main(["init", "--rehearsal", "--db", db, *NOW]) == 0
    seed = tmp_path / "seed.json"
    seed.write_bytes(LISTS["json"])
    assert main(["import", str(seed), "--db", db, *NOW]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n"))
    assert main(["staff", "add", "anna", "--name", "Anna", "--role", "counter", "--pin-stdin", "--db", db, *NOW]) == 0
    capsys.readouterr()

    def run(*args: str) -> int:
        """``args`` with the database and the moment, before any ``--`` that ends the options."""
        end = args.index("--") if "--" in args else len(args)
        return exit_code(capsys, [*args[:end], "--db", db, *NOW, *args[end:]])

    return run


@settings(FUZZ, max_examples=examples(12))
@given(seed=st.sampled_from(sorted(LISTS)), data=st.data())
def test_import_of_a_damaged_list(desk_app: Callable[..., int], tmp_path: Path, seed: str, data: st.DataObject) -> None:
    path = tmp_path / ("list.json" if seed.startswith("json") else "list.csv")
    path.write_bytes(data.draw(mutated_bytes(LISTS[seed]), label="contents"))
    assert desk_app("import", str(path)) in {0, 2}


@settings(FUZZ, max_examples=examples(12))
@given(query=st.lists(arguments, min_size=1, max_size=3), limit=st.sampled_from(["20", "0", "-1", "x", "99999999"]))
def test_lookup_of_hostile_text(desk_app: Callable[..., int], query: list[str], limit: str) -> None:
    # "--" so that a query starting with '-' is a query: argparse's own usage errors are tried below.
    assert desk_app("lookup", "--limit", limit, "--", *query) in {0, 1, 2}


@settings(FUZZ, max_examples=examples(12))
@given(seed=st.sampled_from(sorted(SCANS)), data=st.data())
def test_decode_of_a_damaged_scan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed: str, data: st.DataObject
) -> None:
    path = tmp_path / ("scan.pdf" if seed == "pdf" else "scan.png")
    path.write_bytes(data.draw(mutated_bytes(SCANS[seed]), label="contents"))
    assert exit_code(capsys, ["decode", str(path)]) in {0, 1, 2}
    assert not {c for c in capsys.readouterr().out if hidden_characters(c)} - {"\n"}


@settings(FUZZ, max_examples=examples(12))
@given(seed=st.sampled_from(sorted(ZONES)), data=st.data())
def test_mrz_of_a_damaged_zone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed: str, data: st.DataObject
) -> None:
    path = tmp_path / "zone.txt"
    path.write_bytes(data.draw(mutated_bytes(ZONES[seed].encode()), label="contents"))
    assert exit_code(capsys, ["mrz", str(path)]) in {0, 1}


@pytest.mark.parametrize(
    "argv",
    [
        ["lookup"],
        ["lookup", "--limit", "many", "x"],
        ["lookup", "x", "--now", "yesterday"],
        ["lookup", "x", "--now", "2024-02-30T09:00"],
        ["import", "{tmp}"],
        ["import", "{tmp}/missing.csv"],
        ["decode", "{tmp}"],
        ["decode", "{tmp}/missing\x1b[2J.png"],
        ["mrz", "{tmp}/missing.txt"],
        ["lookup", "x", "--db", "{tmp}"],
        ["lookup", "x", "--db", "{tmp}/not-a-database.txt"],
        ["lookup", "x", "--db", "{tmp}/missing.sqlite"],
        ["import", "{tmp}/not-a-database.txt", "--db", "{tmp}/not-a-database.txt"],
        ["no-such-command"],
    ],
)
def test_hostile_arguments(capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]) -> None:
    (tmp_path / "not-a-database.txt").write_text("reference,kind\nDM24-1,x\n")
    exit_code(capsys, [arg.format(tmp=tmp_path) for arg in argv])


# Found by probing the command line: a query or a code in bytes that are not UTF-8 (a Latin-1 terminal typing
# 'Müller') reached SQLite as text it cannot encode, and the command died with a UnicodeEncodeError traceback.
@pytest.mark.parametrize(
    "argv",
    [
        ["lookup", f"M{NOT_UTF8}ller"],
        ["lookup", "--json", NOT_UTF8],
        ["checkin", f"DM24-{NOT_UTF8}", "--entrance", "groups", "--desk", "G1", "--staff", "anna"],
    ],
)
def test_text_that_is_not_utf8_is_bad_input(desk_app: Callable[..., int], argv: list[str]) -> None:
    assert desk_app(*argv) == 2


# Found by probing the command line: a list whose file name is not UTF-8 was checked, then its log entry could not be
# written (the name went into the log as it was), and the import ended in a traceback.
def test_a_list_whose_name_is_not_utf8_is_imported(desk_app: Callable[..., int], tmp_path: Path) -> None:
    path = tmp_path / f"list{NOT_UTF8}.json"
    path.write_bytes(LISTS["json"])
    assert desk_app("import", str(path)) == 0
    with open_store(tmp_path / "desk.sqlite") as store:
        head = store.log.head()
        assert head is not None and head.record.detail["file"] == "list\\udcff\\udcfc.json"
        assert store.log.verify().intact
