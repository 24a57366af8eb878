"""What SQLite and PostgreSQL spell differently, in one place.

Repositories write one SQL text for both databases, with ``?`` placeholders; the schema is one list of
migrations. Three things differ and are handled here, nowhere else:

- column types: ``BLOB`` is ``BYTEA`` on PostgreSQL (``ddl``);
- statements with no common spelling (triggers): written once per database as ``PerDialect``;
- placeholders: psycopg wants ``%s`` (and a literal ``%`` doubled), translated once per distinct statement
  (``pyformat``, cached).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import lru_cache


class Dialect(enum.StrEnum):
    SQLITE = "sqlite"
    POSTGRESQL = "postgresql"


@dataclass(frozen=True)
class PerDialect:
    """A schema change the two databases cannot share a spelling for: the statements for each, in order."""

    sqlite: tuple[str, ...]
    postgresql: tuple[str, ...]


Statement = str | PerDialect

# Whole-word type names only, so a column called ``blob_sha`` stays as it is.
_POSTGRES_TYPES = {"BLOB": "BYTEA"}
_TYPE_WORDS = re.compile(r"\b(" + "|".join(_POSTGRES_TYPES) + r")\b")


def ddl(statement: Statement, dialect: Dialect) -> list[str]:
    """The statements that carry out ``statement`` on ``dialect``."""
    if isinstance(statement, PerDialect):
        return list(statement.sqlite if dialect is Dialect.SQLITE else statement.postgresql)
    if dialect is Dialect.SQLITE:
        return [statement]
    return [_TYPE_WORDS.sub(lambda m: _POSTGRES_TYPES[m.group(1)], statement)]


@lru_cache(maxsize=1024)
def pyformat(sql: str) -> str:
    """``sql`` with ``?`` placeholders as psycopg's ``%s``.

    A ``?`` inside a quoted string or identifier is text, not a placeholder; every ``%`` is doubled because
    psycopg reads ``%`` as the start of a placeholder anywhere in the statement, quoted or not.
    """
    out: list[str] = []
    quote = ""
    for char in sql:
        if char == "%":
            out.append("%%")
            continue
        if quote:
            if char == quote:
                quote = ""  # a doubled quote ('it''s') closes and reopens: same result
        elif char in "'\"":
            quote = char
        elif char == "?":
            out.append("%s")
            continue
        out.append(char)
    return "".join(out)
