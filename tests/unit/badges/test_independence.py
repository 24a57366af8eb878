"""The badge package stands alone: importing all of it loads nothing of desk_app (ARCHITECTURE.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import badges

PACKAGE = Path(badges.__file__).resolve().parent


def test_importing_every_badges_module_loads_no_desk_app_module() -> None:
    script = (
        "import pkgutil, sys, importlib, badges\n"
        "for module in pkgutil.walk_packages(badges.__path__, 'badges.'):\n"
        "    importlib.import_module(module.name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'desk_app' or m.startswith('desk_app.'))\n"
        "print(len([m for m in sys.modules if m.startswith('badges.')]), loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=PACKAGE.parent, capture_output=True, text=True, check=True
    )
    count, loaded = done.stdout.split(" ", 1)
    assert int(count) >= 7 and loaded.strip() == "[]"


def test_no_badges_source_names_desk_app() -> None:
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(name.split(".")[0] == "desk_app" for name in names), path
