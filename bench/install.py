"""Benchmarks of the installable desk: the wheel's size, and the standalone bundle's size and start times.

The bundle is built from the tree with PyInstaller (packaging/desk-app.spec) into bench/out, then started as a
counter PC starts it, with a bare environment: ``--version`` (process start: the bundled Python and the desk's
command line) and ``log verify`` on a demo database (the start, opening the database and walking its log).
``--quick`` measures the wheel only: building the bundle takes half a minute.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.foundation import Figure

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "install"
START_TARGET_S = 2.0
BARE_ENV = {"HOME": str(OUT), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, capture_output=True, text=True, timeout=900, **kwargs)  # type: ignore[call-overload]
    if done.returncode != 0:
        raise RuntimeError(f"{args[0]} failed: {done.stderr[-2000:]}")
    return done


def wheel_figure() -> Figure:
    dist = OUT / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    _run([sys.executable, "-m", "build", "--no-isolation", "--wheel", "--outdir", str(dist), str(ROOT)])
    wheel = next(dist.glob("*.whl"))
    size = wheel.stat().st_size / 2**20
    return Figure(
        "wheel (everything the desk reads inside; dependencies apart)", size, "MB", "(no target)", True, wheel.name
    )


def bundle_figures() -> list[Figure]:
    work = OUT / "pyinstaller"
    started = time.perf_counter()
    spec = str(ROOT / "packaging" / "desk-app.spec")
    pyinstaller = str(Path(sys.executable).parent / "pyinstaller")
    _run(
        [
            pyinstaller,
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            spec,
        ]
    )
    build_s = time.perf_counter() - started
    bundle = work / "dist" / "desk-app"
    executable = str(bundle / "desk-app")
    home = OUT / "home"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    _run([executable, "demo", "--out", str(home / "demo"), "--count", "50", "--no-gui"], env=BARE_ENV, cwd=home)
    db = str(home / "demo" / "demo.sqlite")

    def median_start(args: list[str]) -> float:
        times = []
        for _ in range(5):
            begin = time.perf_counter()
            _run([executable, *args], env=BARE_ENV, cwd=home)
            times.append(time.perf_counter() - begin)
        return statistics.median(times)

    version_s = median_start(["--version"])
    verify_s = median_start(["log", "verify", "--db", db])
    size = folder_size(bundle) / 2**20
    return [
        Figure(
            "standalone bundle (PyInstaller folder: Python, Qt, zbar, fonts, translations)",
            size,
            "MB",
            "(no target)",
            True,
            f"built in {build_s:.0f} s",
        ),
        Figure(
            "bundle start: desk-app --version (bare environment)",
            version_s,
            "s (median of 5)",
            f"< {START_TARGET_S:.0f} s",
            version_s < START_TARGET_S,
        ),
        Figure(
            "bundle start to answer: desk-app log verify on the demo database",
            verify_s,
            "s (median of 5)",
            f"< {START_TARGET_S:.0f} s",
            verify_s < START_TARGET_S,
        ),
    ]


def run_all(quick: bool = False) -> list[Figure]:
    OUT.mkdir(parents=True, exist_ok=True)
    figures = [wheel_figure()]
    if not quick:
        figures += bundle_figures()
    return figures
