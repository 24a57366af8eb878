"""The templates as data: right page sizes, everything on the page, nothing on top of anything else."""

from __future__ import annotations

import itertools

import pytest

from badges.codes import CODE128_QUIET_MODULES, DOT, QR_QUIET_MODULES, code128_modules, module_size, qr_matrix
from badges.data import BadgeError
from badges.layout import MM, TEMPLATES, Band, Barcode, Photo, PoolMark, QrCode, Template, Text, template_for
from badges.render import page_size

ID1 = (85.60 * 72 / 25.4, 53.98 * 72 / 25.4)  # ISO/IEC 7810 ID-1, points
A6 = (105 * 72 / 25.4, 148 * 72 / 25.4)  # ISO 216 A6, points
SAFE_MM = 1.0  # nothing but the colour band comes closer to an edge than this
UNIQUE = sorted({t.name: t for t in TEMPLATES.values()}.values(), key=lambda t: t.name)


def test_page_sizes_are_id1_and_a6_portrait() -> None:
    assert page_size("card") == pytest.approx((ID1[1], ID1[0]), abs=1e-9)
    assert page_size("a6") == pytest.approx(A6, abs=1e-9)


def test_every_kind_has_a_template_at_both_sizes() -> None:
    for kind, size in itertools.product(("ministerial", "annual", "pool"), ("card", "a6")):
        template = template_for(kind, size)
        assert (template.width * MM, template.height * MM) == pytest.approx(page_size(size))


@pytest.mark.parametrize(("kind", "size"), [("visitor", "card"), ("ministerial", "a4")])
def test_unknown_kind_or_size_is_refused(kind: str, size: str) -> None:
    with pytest.raises(BadgeError, match=r"unknown|no card template"):
        template_for(kind, size)


@pytest.mark.parametrize("template", UNIQUE, ids=lambda t: t.name)
def test_elements_stay_inside_the_safe_area(template: Template) -> None:
    for element in template.elements:
        box = element.box
        margin = 0.0 if isinstance(element, Band) else SAFE_MM
        assert box.x >= margin and box.y >= margin, element
        assert box.right <= template.width - margin + 1e-9, element
        assert box.bottom <= template.height - margin + 1e-9, element


@pytest.mark.parametrize("template", UNIQUE, ids=lambda t: t.name)
def test_no_element_overlaps_another(template: Template) -> None:
    """Text on the band lies inside the band; everything else has its own space."""
    bands = [e.box for e in template.elements if isinstance(e, Band)]
    others = [e for e in template.elements if not isinstance(e, Band)]
    for element in others:
        if isinstance(element, Text) and element.on_band:
            assert any(
                b.x <= element.box.x
                and element.box.right <= b.right
                and b.y <= element.box.y <= element.box.bottom <= b.bottom
                for b in bands
            ), element
        else:
            assert not any(element.box.overlaps(b) for b in bands), element
    off_band = [e for e in others if not (isinstance(e, Text) and e.on_band)]
    for first, second in itertools.combinations(off_band, 2):
        assert not first.box.overlaps(second.box), (first, second)


@pytest.mark.parametrize("template", UNIQUE, ids=lambda t: t.name)
def test_each_template_has_what_security_checks(template: Template) -> None:
    kinds = [type(e) for e in template.elements]
    for needed in (Band, Photo, QrCode, Barcode, PoolMark):
        assert kinds.count(needed) == 1, needed
    (photo,) = [e.box for e in template.elements if isinstance(e, Photo)]
    assert photo.w / photo.h == pytest.approx(35 / 45, rel=0.01), "an ID photo's proportion, so faces are not cut"
    fields = {e.field.value for e in template.elements if isinstance(e, Text)}
    assert {"label_en", "label_fr", "family_name", "given_names", "organisation", "category", "validity"} <= fields
    assert "serial" in fields


@pytest.mark.parametrize("template", UNIQUE, ids=lambda t: t.name)
def test_codes_fit_their_boxes_with_quiet_zones_in_whole_printer_dots(template: Template) -> None:
    serial = "M-999999"
    for element in template.elements:
        if isinstance(element, QrCode):
            assert element.box.w == element.box.h
            modules = len(qr_matrix(serial)) + 2 * QR_QUIET_MODULES
            module = module_size(element.box.w * MM, modules)
            assert module * modules <= element.box.w * MM
            assert module / DOT == pytest.approx(round(module / DOT)) and module >= 0.5 * MM, template.name
        if isinstance(element, Barcode):
            modules = len(code128_modules(serial)) + 2 * CODE128_QUIET_MODULES
            module = module_size(element.box.w * MM, modules, element.max_module_mm * MM)
            assert module * modules <= element.box.w * MM
            assert module / DOT == pytest.approx(round(module / DOT)) and module >= 0.25 * MM, template.name
            assert element.box.h >= 5.5, "bars shorter than this are hard to hit with a hand scanner"
