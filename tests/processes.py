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
    """``run("checkin", "X", stdin=...)`` with ``--db`` and ``--now`` added, unless ``bare`` (commands without them).

    Tests run on rehearsal databases (``--now`` sets the desk's clock there): ``init`` gets ``--rehearsal``, and a
    command on a database that does not exist yet first runs ``init --rehearsal`` on it, unless ``auto_init`` is
    False (a test of what a missing database does).
    """
    db = tmp_path / "desk.sqlite"

    def _run(
        *args: str,
        stdin: str | None = None,
        now: str | None = "2024-02-14T09:00",
        db_path: Path | None = None,
        bare: bool = False,
        auto_init: bool = True,
    ) -> subprocess.CompletedProcess[str]:
        command = [str(DESK_APP), *args]
        env = {**os.environ, "PYTHONWARNINGS": "error"}
        if "--help" not in args and not bare:
            target = db_path or db
            if args[0] == "init" and "--rehearsal" not in args:
                command.append("--rehearsal")
            elif auto_init and args[0] not in ("init", "demo") and not target.exists():
                init = [str(DESK_APP), "init", "--rehearsal", "--db", str(target)]
                subprocess.run(init, capture_output=True, text=True, timeout=120, env=env, check=True)
            command += ["--db", str(target)]
            if now:
                command += ["--now", now]
        return subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=120, env=env)

    return _run
