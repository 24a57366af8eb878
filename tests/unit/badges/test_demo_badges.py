"""Every badge kind, at both sizes, for people of the demo data: rendered from the desk's own records and read back
by two independent decoders."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from badges import render_badge
from desk_app.config import DEFAULT_EVENT_FILE, load_event_file
from desk_app.core.model import AccreditationKind, Application, Badge
from desk_app.demo.generator import generate_rows
from desk_app.demo.photos import portrait_jpeg
from desk_app.intake.rows import ParsedRow, parse_row
from desk_app.service.badging import badge_data, pool_card_data
from tests.unit.badges.test_roundtrip import page_text, rasterise, zbar_read, zxing_read

EVENT = load_event_file(DEFAULT_EVENT_FILE)


def demo_people() -> list[Application]:
    parsed = [parse_row(line, row) for line, row in enumerate(generate_rows(120, seed=2024), start=2)]
    return [p.application for p in parsed if isinstance(p, ParsedRow)]


def first(kind: AccreditationKind, pool: bool) -> Application:
    return next(a for a in demo_people() if a.kind is kind and a.pool is pool)


CASES = {
    "ministerial": (first(AccreditationKind.MINISTERIAL, False), badge_data),
    "annual": (first(AccreditationKind.ANNUAL, False), badge_data),
    "pool card": (first(AccreditationKind.MINISTERIAL, True), pool_card_data),
}


@pytest.mark.parametrize("size", ["card", "a6"])
@pytest.mark.parametrize("case", CASES)
def test_demo_badges_read_back(case: str, size: str) -> None:
    application, make = CASES[case]
    serial = ("M" if application.kind is AccreditationKind.MINISTERIAL else "A") + "-000123"
    badge = Badge(serial, application.reference, application.kind, datetime(2024, 2, 14, 8, 5, tzinfo=UTC), "groups",
                  "G1", "counter1")  # fmt: skip
    pdf = render_badge(make(application, badge, EVENT, portrait_jpeg(application.reference, (360, 450))), size)
    image = rasterise(pdf)
    assert zbar_read(image) == {("QRCODE", serial), ("CODE128", serial)}
    assert zxing_read(image) == {("QRCode", serial), ("Code128", serial)}
    assert application.family_name in page_text(pdf)
