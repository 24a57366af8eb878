"""The desk as an IT officer installs it: a wheel (and an sdist) built from the tree, installed in a fresh virtual
environment outside the repository, and used there: demo, import, check-in with a printed badge, export, log verify.

The fresh environment sees the third-party libraries of the project's .venv (a .pth file) but not the project's
own code: desk_app, badges and desk_resources come from the wheel alone, which the test checks.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import make_application
from tests.unit.intake.test_importer import row_of, write_csv

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path, cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DESK_APP_DB")}
    env |= {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(cwd / "config"), "XDG_DATA_HOME": str(cwd / "data")}
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600, **kwargs
    )  # type: ignore[call-overload]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist, and the wheel built from that sdist (so both carry everything), in one folder."""
    out = tmp_path_factory.mktemp("dist")
    made = run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT, cwd=out)
    assert made.returncode == 0, made.stdout[-2000:] + made.stderr[-2000:]
    return out


@pytest.fixture(scope="module")
def installed(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed (no dependencies fetched: the project's are made visible)."""
    home = tmp_path_factory.mktemp("counter-pc")
    env_dir = home / "venv"
    venv.create(env_dir, with_pip=True)  # its own pip, so the scripts it installs run the new environment's Python
    site = next((env_dir / "lib").glob("python3*/site-packages"))
    (site / "project-libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    wheel = next(built.glob("desk_app-*.whl"))
    pip = run(env_dir / "bin" / "python", "-m", "pip", "install", "--no-deps", "--no-index", wheel, cwd=home)
    assert pip.returncode == 0, pip.stderr
    return env_dir


def test_the_wheel_and_sdist_carry_the_data_files(built: Path) -> None:
    wheel = next(built.glob("desk_app-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "desk_resources/events/nato-defmin-2024-02.toml",
        "desk_resources/fonts/DejaVuSans.ttf",
        "desk_resources/fonts/LICENSE-DejaVu.txt",
        "desk_resources/i18n/desk_fr.qm",
        "desk_resources/sounds/issue.wav",
        "desk_app/service/desk_service.py",
        "badges/render.py",
    ):
        assert needed in names, needed
    assert not any(name.startswith(("tests/", "bench/")) for name in names)
    assert next(built.glob("desk_app-*.tar.gz")).stat().st_size > 0


def test_the_installed_desk_runs_its_flows_outside_the_repository(installed: Path, tmp_path: Path) -> None:
    desk_app = installed / "bin" / "desk-app"
    python = installed / "bin" / "python"
    where = run(
        python,
        "-c",
        "import desk_app, badges, desk_resources; print(desk_app.__file__, desk_resources.__file__)",
        cwd=tmp_path,
    )
    assert where.returncode == 0 and str(ROOT) not in where.stdout and str(installed) in where.stdout, where.stdout
    version = run(desk_app, "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("desk-app 0.")

    demo = run(desk_app, "demo", "--out", tmp_path / "demo", "--count", "30", "--no-gui", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert run(desk_app, "log", "verify", "--db", tmp_path / "demo" / "demo.sqlite", cwd=tmp_path).returncode == 0

    db, now = ("--db", tmp_path / "desk.sqlite"), ("--now", "2024-02-14T09:00")
    write_csv(tmp_path / "list.csv", [row_of(make_application())])
    assert run(desk_app, "init", "--rehearsal", *db, *now, cwd=tmp_path).returncode == 0
    added = run(desk_app, "staff", "add", "anna", "--name", "Anna", "--role", "counter", "--pin-stdin", *db, *now,
                cwd=tmp_path, input="2468\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert run(desk_app, "import", tmp_path / "list.csv", *db, *now, cwd=tmp_path).returncode == 0
    badges = tmp_path / "badges"
    checked_in = run(desk_app, "checkin", "DM24-000001", "--entrance", "groups", "--desk", "G1", "--staff", "anna",
                     "--document-number", "C01X00T47", "--press-card", "DJV-48213", "--print", "--pdf-dir", badges,
                     *db, *now, cwd=tmp_path)  # fmt: skip
    assert checked_in.returncode == 0, checked_in.stderr
    [badge] = badges.glob("*.pdf")
    assert badge.read_bytes().startswith(b"%PDF-") and b"DejaVu" in badge.read_bytes()  # the shipped fonts
    report = tmp_path / "day.pdf"
    exported = run(
        desk_app, "export", "--day", "2024-02-14", "--format", "pdf", "--out", report, *db, *now, cwd=tmp_path
    )
    assert exported.returncode == 0 and report.read_bytes().startswith(b"%PDF-")
    verified = run(desk_app, "log", "verify", *db, cwd=tmp_path)
    assert verified.returncode == 0 and "log intact" in verified.stdout
