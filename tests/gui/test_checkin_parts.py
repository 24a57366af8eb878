"""The check-in screen's parts on their own: words and their translation, sounds, passport-zone input, the banner."""

from __future__ import annotations

import subprocess
import sys
import wave
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bench.mrz import td1, td2, td3
from desk_app.core.event import EventConfig
from desk_app.core.model import CodeStatus, Outcome, Reason
from desk_app.messages import OUTCOME_TEXT, REASON_TEXT
from desk_app.ui.checkin import Stage
from desk_app.ui.checkin.applicant_panel import ApplicantPanel
from desk_app.ui.checkin.mrz_input import MrzAssembler, ScanKind, classify
from desk_app.ui.checkin.sounds import SOUNDS_DIR, Cue, VerdictSounds, write_tones
from desk_app.ui.checkin.texts import fill, mrz_error_text, outcome_title, reason_text
from tests.conftest import make_application
from tests.gui import test_checkin as kit
from tests.gui.conftest import HARMLESS_QT_MESSAGES, FakeClock
from tests.gui.test_checkin import ANNUAL, MUELLER_ZONE, REVOKED, Counter, scan_printout

counter, listed_desk, office_key, wedge = kit.counter, kit.listed_desk, kit.office_key, kit.wedge

ROOT = Path(__file__).resolve().parents[2]
CHECKIN_SOURCES = ROOT / "desk_app" / "ui" / "checkin"
SHARED_WORDS = ROOT / "desk_app" / "messages.py"  # the verdicts and reasons, worded once for the CLI and the screen
BIN = Path(sys.executable).parent
BORN, EXPIRES = date(1980, 1, 2), date(2030, 1, 2)
CODE = "C1:K7Q2X:X4RTA:M:DM24-000285:" + ("MZXW6YTBOI" * 11)[:103]


# --- words ----------------------------------------------------------------------------------------------------


def test_every_reason_and_outcome_has_the_words_of_the_cli() -> None:
    assert set(REASON_TEXT) == set(Reason) and set(OUTCOME_TEXT) == set(Outcome)
    assert {reason: reason_text(reason) for reason in Reason} == REASON_TEXT
    assert {outcome: outcome_title(outcome) for outcome in Outcome} == OUTCOME_TEXT


def test_placeholders_are_filled_once_in_any_order() -> None:
    assert fill("%2 before %1", "a", "b") == "b before a"
    assert fill("%1 costs 100%", "%2") == "%2 costs 100%"
    assert mrz_error_text("document_number_check") == "the check digit of the document number is wrong"
    assert mrz_error_text("expiry_invalid") == "the expiry date cannot be read"


def extracted(tmp_path: Path) -> dict[str, set[str]]:
    """What pyside6-lupdate collects from the check-in screen's sources and the shared words, per context."""
    ts = tmp_path / "checkin.ts"
    sources = [*sorted(CHECKIN_SOURCES.glob("*.py")), SHARED_WORDS]
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-silent", *map(str, sources), "-ts", str(ts)],
        check=True,
        timeout=60,
    )
    contexts: dict[str, set[str]] = {}
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        contexts[name] = {message.findtext("source") or "" for message in context.iter("message")}
    return contexts


def test_lupdate_collects_every_text_of_the_screen(tmp_path: Path) -> None:
    contexts = extracted(tmp_path)
    assert set(REASON_TEXT.values()) <= contexts["Reason"]
    assert set(OUTCOME_TEXT.values()) <= contexts["Outcome"]
    assert "Badge %1 was issued on %2 at the %3, desk %4, by %5." in contexts["Reason"]
    assert {"READY FOR THE NEXT PERSON", "CHECK ID", "PRINT FAILED — NOT SERVED"} <= contexts["Banner"]
    assert "&Face matches the photo" in contexts["IdCheckPanel"]
    assert "&Issue badge  [%1]" in contexts["ActionBar"]


FRENCH = {
    "Outcome": {"REFUSED": "REFUSÉ"},
    "Reason": {"the accreditation was revoked": "l'accréditation a été révoquée"},
    "Banner": {"Send them to the %1.": "Envoyez la personne à l'%1."},
    "ApplicantPanel": {"Date of birth": "Date de naissance"},
    "IdCheckPanel": {"&Face matches the photo": "Le &visage correspond à la photo"},
}


def french_translator(tmp_path: Path) -> QTranslator:
    root = ElementTree.Element("TS", version="2.1", language="fr_BE")
    for name, messages in FRENCH.items():
        context = ElementTree.SubElement(root, "context")
        ElementTree.SubElement(context, "name").text = name
        for source, translation in messages.items():
            message = ElementTree.SubElement(context, "message")
            ElementTree.SubElement(message, "source").text = source
            ElementTree.SubElement(message, "translation").text = translation
    ts, qm = tmp_path / "fr.ts", tmp_path / "fr.qm"
    ElementTree.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


def test_the_screen_switches_language_while_it_runs(
    qtbot: QtBot, qapp: QApplication, counter: Counter, tmp_path: Path
) -> None:
    view = counter.view
    scan_printout(qtbot, counter, REVOKED)
    translator = french_translator(tmp_path)
    locale = QLocale()
    QLocale.setDefault(QLocale("fr_BE"))
    qapp.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: view.banner.content.title == "REFUSÉ", timeout=5000)
        assert "L'accréditation a été révoquée." in view.banner.content.lines
        assert view.applicant.captions["born"].text() == "Date de naissance"
        assert view.applicant.values["born"].text() == "9 mars 1981"
        assert view.id_check.face_ok.text() == "Le &visage correspond à la photo"
        scan_printout(qtbot, counter, ANNUAL)
        assert "Envoyez la personne à l'Entrée Visiteurs." in view.banner.content.lines
        assert counter.desk.event.entrances["visitors"].directions_fr in view.banner.content.lines
    finally:
        qapp.removeTranslator(translator)
        QLocale.setDefault(locale)
    qtbot.waitUntil(lambda: view.banner.content.title == "WRONG ENTRANCE", timeout=5000)


# --- sounds ---------------------------------------------------------------------------------------------------


def test_the_shipped_sounds_are_the_generated_tones(tmp_path: Path) -> None:
    for path in write_tones(tmp_path):
        shipped = SOUNDS_DIR / path.name
        assert shipped.read_bytes() == path.read_bytes(), f"{shipped} is stale: python -m desk_app.ui.checkin.sounds"
        assert shipped.stat().st_size < 50_000
        with wave.open(str(shipped)) as sound:
            assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)
            assert 0.05 <= sound.getnframes() / sound.getframerate() <= 1.0
    assert len({(SOUNDS_DIR / f"{cue.value}.wav").read_bytes() for cue in Cue}) == len(Cue)  # all distinct


@pytest.mark.qt_log_ignore(*HARMLESS_QT_MESSAGES, r"^PulseAudioService: pa_context_connect\(\) failed$")
def test_no_audio_output_means_silence_not_a_crash(qtbot: QtBot) -> None:
    sounds = VerdictSounds()
    said: list[str] = []
    sounds.unavailable.connect(said.append)
    for cue in Cue:
        sounds.play(cue)
    assert not sounds.available
    assert said == ["Sound is off: this computer has no audio output."]


def test_a_sound_per_verdict(qtbot: QtBot, counter: Counter) -> None:
    scan_printout(qtbot, counter, REVOKED)
    scan_printout(qtbot, counter, ANNUAL)
    assert counter.sounds.played == [Cue.REFUSE, Cue.REDIRECT]


# --- passport zones and printouts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("DM24-000001", ScanKind.PRINTOUT),
        (CODE, ScanKind.PRINTOUT),
        ("C1:K7Q2X:X4RTA:M:DM24-0", ScanKind.PRINTOUT),  # a damaged code is still a printout, to be refused
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123", ScanKind.PRINTOUT),  # zone-long, but no filler and nothing started
        (MUELLER_ZONE.splitlines()[0], ScanKind.MRZ_LINE),
        (MUELLER_ZONE.splitlines()[1], ScanKind.MRZ_LINE),
        (MUELLER_ZONE.splitlines()[0].replace("<", ">"), ScanKind.MRZ_LINE),  # another keyboard layout's filler
        (MUELLER_ZONE, ScanKind.MRZ_ZONE),
        (MUELLER_ZONE.replace("\r\n", ""), ScanKind.MRZ_ZONE),  # a reader that sends no line breaks
        (td1("DUPONT<<CLAIRE", "X4RTBPFW4", "FRA", BORN, EXPIRES), ScanKind.MRZ_ZONE),
        (td2("DUPONT<<CLAIRE", "X4RTBPFW4", "FRA", BORN, EXPIRES), ScanKind.MRZ_ZONE),
        ("DM24-000001-DM24-000002-DM24-000003-DM24-0", ScanKind.PRINTOUT),
    ],
)
def test_a_printout_is_told_from_a_passport_zone(text: str, kind: ScanKind) -> None:
    assert classify(text) is kind


def test_zone_lines_are_put_together_in_time(fake_clock: FakeClock) -> None:
    assembler = MrzAssembler(fake_clock, window_ms=1500)
    top, bottom = td3("MUELLER<<JUERGEN<KARL", "C01X00T47", "D", date(1981, 3, 9), date(2031, 8, 1)).splitlines()
    assert assembler.feed(top) is None and assembler.pending == 1
    fake_clock.advance(100)
    assert assembler.feed(bottom) == f"{top}\n{bottom}"
    assert assembler.pending == 0
    card = td2("DUPONT<<CLAIRE", "X4RTBPFW4", "FRA", BORN, EXPIRES).replace(">", "<")
    first, second = card.splitlines()
    assembler.feed(first)
    fake_clock.advance(2000)  # too late: the first line is forgotten
    assert assembler.classify(second) is ScanKind.MRZ_LINE
    assert assembler.feed(second) is None and assembler.pending == 1


def test_a_zone_that_does_not_read_is_said_in_words(qtbot: QtBot, counter: Counter) -> None:
    broken = MUELLER_ZONE.replace("C01X00T47", "C01X00T48")
    counter.view.id_check.take_zone(broken)
    status = counter.view.id_check.zone_status.text()
    assert status.startswith("✗ not read correctly: the check digit of the document number is wrong")
    assert counter.view.id_check.zone is None and counter.view.stage is Stage.READY


def test_the_applicant_panel_shows_control_characters_escaped(qtbot: QtBot, event: EventConfig) -> None:
    """A database filled before the text policy (or by hand) may hold a U+202E: the label shows it as an escape."""
    panel = ApplicantPanel()
    qtbot.addWidget(panel)
    app = make_application(family_name="Evil\u202eliam\x1b[2J", given_names="Ann\u200bA", organisation="Le\nMonde")
    panel.show_applicant(app, None, event, CodeStatus.SIGNED_VALID)
    assert panel.family.text() == "EVIL\\u202eLIAM\\x1b[2J"
    assert panel.given.text() == "Ann\\u200bA"
    assert panel.values["organisation"].text().startswith("Le\\x0aMonde")
