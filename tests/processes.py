"""Run ``desk-app`` as a separate process, as staff and scripts do (the ``run`` fixture of tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

DESK_APP = Path(sys.executable).parent / "desk-app"
Run = Callable[..., subprocess.CompletedProcess[str]]


def desk_app_runner(tmp_path: Path) -> Run:
    """``run("checkin", "X", stdin=...)`` with ``--db`` and ``--now`` added, unless ``bare`` (commands without them)."""
    db = tmp_path / "desk.sqlite"

    def _run(
        *args: str,
        stdin: str | None = None,
        now: str | None = "2024-02-14T09:00",
        db_path: Path | None = None,
        bare: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        command = [str(DESK_APP), *args]
        if "--help" not in args and not bare:
            command += ["--db", str(db_path or db)]
            if now:
                command += ["--now", now]
        env = {**os.environ, "PYTHONWARNINGS": "error"}
        return subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=120, env=env)

    return _run
