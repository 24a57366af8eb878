"""Small facts about the database itself: which event it serves (the event file's text)."""

from __future__ import annotations

from desk_app.store.db import Database

EVENT_CONFIG_KEY = "event_config"


class Meta:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str) -> str | None:
        row = self._db.one("SELECT value FROM meta WHERE key = ?", (key,))
        return str(row[0]) if row else None

    def put(self, key: str, value: str) -> None:
        with self._db.write():
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def with_prefix(self, prefix: str) -> dict[str, str]:
        """Entries whose key starts with ``prefix``, exactly: LIKE would ignore case on SQLite only."""
        rows = self._db.all("SELECT key, value FROM meta WHERE substr(key, 1, ?) = ?", (len(prefix), prefix))
        return {str(k): str(v) for k, v in rows}
