"""The standalone bundle, as a counter PC without Python runs it: built with PyInstaller from the tree, then run with
a bare environment (no virtual environment, no project on any path): version, the demo without a window, decoding a
printout with the bundled zbar, a check-in with a printed PDF badge, an export and ``log verify``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "desk-app.spec"
BARE_PATH = "/usr/bin:/bin"  # no .venv/bin, no pyenv shims: the bundle must need none of them

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    made = subprocess.run(
        [str(pyinstaller), "--noconfirm", "--log-level", "WARN", "--distpath", str(work / "dist"),
         "--workpath", str(work / "build"), str(SPEC)],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr[-3000:]
    return work / "dist" / "desk-app"


def bare(bundle: Path, home: Path, *args: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": BARE_PATH, "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [str(bundle / "desk-app"), *map(str, args)], cwd=home, env=env, input=stdin,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_the_bundle_holds_what_a_desk_reads(bundle: Path) -> None:
    inside = bundle / "_internal"
    for needed in (
        "libzbar.so.0",
        "desk_resources/fonts/DejaVuSans.ttf",
        "desk_resources/i18n/desk_fr.qm",
        "desk_resources/events/nato-defmin-2024-02.toml",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
    ):
        assert (inside / needed).exists(), needed  # fmt: skip
    for beside in ("desk-app.desktop", "desk-app.png", "install-desktop-entry.sh"):
        assert (bundle / beside).exists(), beside


def test_the_bundle_runs_the_desk_with_a_bare_environment(bundle: Path, tmp_path: Path) -> None:
    version = bare(bundle, tmp_path, "--version")
    assert version.returncode == 0 and version.stdout.startswith("desk-app "), version.stderr
    demo = bare(bundle, tmp_path, "demo", "--out", "demo", "--count", "30", "--no-gui")
    assert demo.returncode == 0, demo.stderr
    printout = sorted((tmp_path / "demo" / "confirmations").glob("DM24-*.pdf"))[0]
    decoded = bare(bundle, tmp_path, "decode", printout)
    assert decoded.returncode == 0 and decoded.stdout.startswith("C1:"), decoded.stderr  # the bundled zbar reads it
    db = ("--db", tmp_path / "demo" / "demo.sqlite", "--now", "2024-02-14T10:00")
    sample = next(
        line for line in demo.stdout.splitlines() if "desk-app checkin" in line and "--staff counter1" in line
    )
    args = sample.split("desk-app checkin ", 1)[1].split()
    station_and_documents = args[args.index("--entrance") :]
    checked_in = bare(bundle, tmp_path, "checkin", *db, *station_and_documents, "--print", "--pdf-dir", "badges")
    assert checked_in.returncode == 0, checked_in.stdout + checked_in.stderr
    [badge] = (tmp_path / "badges").glob("*.pdf")
    assert badge.read_bytes().startswith(b"%PDF-")
    exported = bare(bundle, tmp_path, "export", *db, "--day", "2024-02-14", "--format", "pdf", "--out", "day.pdf")
    assert exported.returncode == 0 and (tmp_path / "day.pdf").read_bytes().startswith(b"%PDF-")
    assert bare(bundle, tmp_path, "log", "verify", "--db", tmp_path / "demo" / "demo.sqlite").returncode == 0
