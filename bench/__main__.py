"""``make bench``: run every benchmark and write bench/RESULTS.md with the machine and the date.

``python -m bench --quick`` runs small sizes (a smoke test of the benchmarks themselves) and writes nothing.
``python -m bench --only bench.preprint`` runs one section and replaces only that section in RESULTS.md, saying
when and on which machine it was measured (the others keep their own run's date).
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from bench.foundation import Figure

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
# Each section's module has run_all(quick) -> list[Figure].
SECTIONS = (
    ("Foundation: import, lookup, check-in, export", "bench.foundation"),
    ("Reading the printout: decoding scans, degraded printouts, camera frames", "bench.scanning"),
    ("Reading the passport: MRZ parse and compare", "bench.mrz"),
    ("Webcam frames through Qt: grey conversion, centre region, decode", "bench.camera"),
    ("The check-in screen: scan to verdict, start to ready", "bench.gui"),
    ("The counter's hands: keystrokes and actions per happy-path check-in", "bench.keystrokes"),
    ("Scanning through the window system: a USB scanner typing under Xvfb", "bench.scan_x"),
    ("The whole desk: start to ready, login included", "bench.gui_start"),
    ("Badges: render one, render a batch", "bench.badges"),
    ("Printing: submit a badge and see the job complete", "bench.printing"),
    ("Several desks: throughput on PostgreSQL and SQLite, lookup on PostgreSQL", "bench.multidesk"),
    ("Installing: the wheel, the standalone bundle", "bench.install"),
    ("Cards printed the night before: pre-print 1,000 cards, the counter's time per person", "bench.preprint"),
)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 2**20:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}"
    )


def table(figures: list[Figure]) -> str:
    lines = ["| benchmark | figure | target | met | detail |", "| --- | --- | --- | --- | --- |"]
    for f in figures:
        value = f"{f.value:.3f}" if f.value < 10 else f"{f.value:.1f}"
        lines.append(f"| {f.name} | {value} {f.unit} | {f.target} | {'yes' if f.met else 'NO'} | {f.note} |")
    return "\n".join(lines)


def replace_section(text: str, title: str, section: str) -> str:
    """``text`` (RESULTS.md) with the section under ``## title`` replaced by ``section``, or ``section`` added."""
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        return pattern.sub(lambda _: section + "\n", text, count=1).rstrip("\n") + "\n"
    return text.rstrip("\n") + "\n\n" + section


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="small sizes, print only")
    parser.add_argument(
        "--only", metavar="MODULE", action="append", help="run this section alone (e.g. bench.preprint)"
    )
    args = parser.parse_args()
    chosen = [(t, m) for t, m in SECTIONS if not args.only or m in args.only]
    if args.only and len(chosen) != len(set(args.only)):
        parser.error(f"--only: choose among {', '.join(m for _, m in SECTIONS)}")
    sections = []
    figures: list[Figure] = []
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    for title, module in chosen:
        found = importlib.import_module(module).run_all(quick=args.quick)
        figures += found
        alone = f"Measured alone: {stamp}; {machine()}.\n\n" if args.only else ""
        sections.append(f"## {title}\n\n{alone}{table(found)}\n")
        print(sections[-1])
    if args.only and not args.quick:
        text = RESULTS.read_text(encoding="utf-8")
        for (title, _), section in zip(chosen, sections, strict=True):
            text = replace_section(text, title, section)
        RESULTS.write_text(text, encoding="utf-8")
        print(f"written to {RESULTS}")
    elif not args.quick:
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        RESULTS.write_text(
            "# Benchmark results\n\n"
            "Written by `make bench`. Medians and percentiles: these machines are shared and noisy.\n\n"
            f"- date: {stamp}\n- machine: {machine()}\n\n" + "\n".join(sections),
            encoding="utf-8",
        )
        print(f"written to {RESULTS}")
    return 0 if all(f.met for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
