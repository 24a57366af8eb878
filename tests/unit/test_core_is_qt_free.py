"""The core never imports Qt: rules, storage, import/export and reports run on a machine without a screen."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "desk_app"
QT_FREE = [
    "core",
    "store",
    "intake",
    "reports",
    "demo",
    "office",
    "scan",
    "config.py",
    "desk.py",
    "errors.py",
    "keys.py",
    "messages.py",
    "pdf_fonts.py",
]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_import_in_the_core_sources() -> None:
    offenders = []
    for entry in QT_FREE:
        for path in [PACKAGE / entry] if entry.endswith(".py") else (PACKAGE / entry).rglob("*.py"):
            if any(name.split(".")[0] in ("PySide6", "PyQt6", "shiboken6") for name in imported_modules(path)):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def qt_free_modules() -> list[str]:
    paths = [
        p
        for entry in QT_FREE
        for p in ([PACKAGE / entry] if entry.endswith(".py") else (PACKAGE / entry).rglob("*.py"))
    ]
    return sorted(
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__") for p in paths
    )


def test_core_modules_load_without_qt() -> None:
    code = (
        "import sys, importlib\n"
        f"for name in {qt_free_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"
