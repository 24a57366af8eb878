"""Benchmarks of badge rendering: one badge as the counter prints it, and a pre-printed batch.

Every badge carries its own photo (a demo portrait, 360 x 450 JPEG, as the import stores them), so photo
decoding, cropping and scaling are measured each time; nothing is served from the photo cache. Names rotate
over Latin, Greek and Cyrillic, and a fifth of the holders have a pool position.
"""

from __future__ import annotations

import statistics
import time

from badges import BadgeData, render_badge, render_batch
from badges.photo import prepare_photo
from bench.foundation import Figure, percentile
from desk_app.demo.photos import portrait_jpeg

NAMES = (
    ("Müller-Lüdenscheidt", "Jürgen Karl", "Rheinische Post"),
    ("Παπαδοπούλου", "Ελένη", "ΕΡΤ"),
    ("Шевченко", "Олександра Іванівна", "Укрінформ"),
    ("Dąbrowska", "Zofia", "Gazeta Wyborcza"),
    ("Nørgaard", "Søren", "Politiken"),
)


def badge(n: int, photo: bytes) -> BadgeData:
    family, given, organisation = NAMES[n % len(NAMES)]
    return BadgeData(
        serial=f"M-{n:06d}",
        kind="ministerial",
        label_en="MINISTERIAL",
        label_fr="MINISTÉRIEL",
        colour="#C8102E",
        event_name_en="Meeting of NATO Ministers of Defence",
        event_name_fr="Réunion des ministres de la Défense des pays de l'OTAN",
        family_name=family,
        given_names=given,
        organisation=organisation,
        category="Writer · Rédacteur",
        validity_en="14–15 February 2024",
        validity_fr="14–15 février 2024",
        pool=n % 5 == 0,
        photo=photo,
        issued_at="Issued · Émis 14.02.2024 09:12",
    )


def badges(count: int, first: int = 1) -> list[BadgeData]:
    return [badge(n, portrait_jpeg(f"DM24-{n:06d}")) for n in range(first, first + count)]


def bench_one(size: str, samples: int) -> Figure:
    items = badges(samples + 1)
    render_badge(items[0], size)  # fonts registered, modules warm
    seconds = []
    for item in items[1:]:
        start = time.perf_counter()
        render_badge(item, size)
        seconds.append((time.perf_counter() - start) * 1000)
    p50 = statistics.median(seconds)
    label = "ID-1 card" if size == "card" else "A6 paper"
    return Figure(
        f"render one badge ({label}, with photo, vector PDF)",
        p50,
        "ms p50",
        "< 15 ms",
        p50 < 15,
        f"p95 {percentile(seconds, 0.95):.1f} ms over {samples} badges, each with its own photo",
    )


def bench_batch(count: int) -> Figure:
    items = badges(count, first=10_001)
    prepare_photo.cache_clear()
    start = time.perf_counter()
    pdf = render_batch(items, "card")
    seconds = time.perf_counter() - start
    target = 20 * count / 1000
    return Figure(
        f"render a batch of {count:,} badges (ID-1 card, with photos, one PDF)",
        seconds,
        "s",
        f"< {target:g} s",
        seconds < target,
        f"{seconds / count * 1000:.1f} ms a badge; PDF {len(pdf) / 2**20:.1f} MiB",
    )


def run_all(quick: bool = False) -> list[Figure]:
    samples = 30 if quick else 200
    return [bench_one("card", samples), bench_one("a6", samples), bench_batch(100 if quick else 1000)]
