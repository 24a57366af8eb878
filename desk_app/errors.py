"""Errors a person can cause or fix. Each carries a message meant for that person, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass


class DeskError(Exception):
    """Base of every expected error; the CLI and the UI show ``str(error)`` and carry on."""

    exit_code = 2


class ConfigError(DeskError):
    """The event or station configuration is missing, malformed or inconsistent."""


class StoreError(DeskError):
    """The database cannot be opened, is of another event, or refuses the change."""

    exit_code = 3


class ConstraintViolation(StoreError):
    """The database refused a change that would break one of its rules (a duplicate, a second badge)."""


class StaffError(DeskError):
    """Unknown or inactive staff member, wrong PIN, or a role that may not do this."""


class InputError(DeskError):
    """Something typed or scanned that cannot be what it is given as (a look-up longer than any name or code)."""


class NotFoundError(DeskError):
    """A reference, badge or staff member that the database does not hold."""

    exit_code = 1


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong in one row of an import: the line as a spreadsheet numbers it, the column, why."""

    line: int
    column: str
    reason: str
    unit: str = "line"  # "item" for JSON lists

    def __str__(self) -> str:
        where = f"{self.unit} {self.line}" if self.line else "file"
        return f"{where}, {self.column}: {self.reason}" if self.column else f"{where}: {self.reason}"


class ImportRejected(DeskError):
    """The file had bad rows: nothing was imported. ``problems`` lists them: every one, or the first
    ``MAX_LISTED`` of a file that is wrong throughout (``total`` and ``rows`` then count them all)."""

    MAX_LISTED = 1000

    def __init__(self, problems: list[RowProblem], total: int | None = None, rows: int | None = None) -> None:
        self.problems = problems
        self.total = len(problems) if total is None else total
        self.rows = len({p.line for p in problems}) if rows is None else rows
        listed = "" if self.total == len(problems) else f"; the first {len(problems)} are listed"
        super().__init__(f"import rejected, nothing imported: {self.total} problem(s) in {self.rows} row(s){listed}")
