"""English and French: the switch while running, and complete and current translation files. (Every screen in both
languages, and their pictures: ``test_fits_the_screen``.)"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.service import DeskService
from desk_app.ui.i18n import I18N_DIR, Translations
from desk_app.ui.main_window import MainWindow
from desk_app.ui.station_dialog import StationDialog
from desk_app.ui.supervisor.exports import ExportDialog
from desk_app.ui.translations import LANGUAGES, lrelease, lupdate, messages, ts_path
from tests.conftest import FixedClock
from tests.gui.shell_helpers import FakeCheckinView, World, make_world

FIRST_DAY = date(2024, 2, 14)
MAX_SCREENSHOT_BYTES = 200_000


@pytest.fixture
def world(tmp_path: Path, desk: DeskService, clock: FixedClock) -> World:
    return make_world(tmp_path, desk, clock)


@pytest.fixture(autouse=True)
def translations(qapp: QApplication) -> Iterator[Translations]:
    made = Translations(qapp)
    yield made
    made.switch("en")


def settle() -> None:
    """Deliver the LanguageChange events a translator switch posts."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    QCoreApplication.processEvents()


# --- the switch ------------------------------------------------------------------------------------------------


def test_language_switch_retranslates_every_open_window_and_back(
    qtbot: QtBot, world: World, translations: Translations
) -> None:
    window = MainWindow(world.session("sam"), translations, checkin_view=FakeCheckinView)
    qtbot.addWidget(window)
    window.show()
    window.on_show_log()
    window.log_view.set_day(FIRST_DAY)
    window.staff_page.login_edit.setText("typed before the switch")
    window.on_export()
    export = window.dialog
    assert isinstance(export, ExportDialog)

    def visible_texts() -> dict[str, str]:
        return {
            "menu": window.menus.desk_menu.title(),
            "tab": window.tabs.tabText(0),
            "lock": window.menus.lock.text(),
            "place": window.status.place_label.text(),
            "header": str(window.log_view.model.headerData(1, Qt.Orientation.Horizontal)),
            "outcome": str(window.log_view.model.data(window.log_view.model.index(1, 8))),
            "count": window.log_view.count_label.text(),
            "export": export.windowTitle(),
            "export button": export.export_button.text(),
            "title": window.windowTitle(),
        }

    english = visible_texts()
    assert english["place"] == "Groups entrance · desk G1" and english["outcome"] == "Issue badge"
    shortcuts = {a.shortcut().toString(): a for a in window.actions()}
    shortcuts["Ctrl+Shift+F"].trigger()
    settle()
    assert visible_texts() == {
        "menu": "&Poste",
        "tab": "Accueil (F4)",
        "lock": "&Verrouiller le poste",
        "place": "Entrée Groupes · poste G1",
        "header": "Heure",
        "outcome": "Remettre le badge",
        "count": "5 entrées affichées (5 dans la journée)",
        "export": "Exporter le journal du jour",
        "export button": "&Exporter",
        "title": "RÉPÉTITION — Réunion des ministres de la Défense des pays de l'OTAN — Entrée Groupes, poste G1",
    }
    assert window.menus.language["fr"].isChecked()
    assert window.staff_page.login_edit.text() == "typed before the switch"
    shortcuts["Ctrl+Shift+E"].trigger()
    settle()
    assert visible_texts() == english


def test_the_switch_is_kept_for_the_next_start(qtbot: QtBot, world: World, translations: Translations) -> None:
    kept: list[str] = []
    window = MainWindow(world.session("anna"), translations, checkin_view=FakeCheckinView, keep_language=kept.append)
    qtbot.addWidget(window)
    window.switch_language("fr")
    assert kept == ["fr"] and window.session.config.language == "fr"


def test_the_station_dialog_speaks_the_language_chosen_in_it(
    qtbot: QtBot, world: World, translations: Translations, tmp_path: Path
) -> None:
    dialog = StationDialog(world.desk.event, tmp_path / "s.toml", translations=translations, list_printers=lambda: [])
    qtbot.addWidget(dialog)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))
    settle()
    assert dialog.windowTitle() == "Configurer ce poste"
    assert dialog.entrance_combo.currentText() == "Entrée Groupes"


# --- the files -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_the_compiled_translation_is_up_to_date(language: str, tmp_path: Path) -> None:
    ts = ts_path(language)
    fresh = tmp_path / f"desk_{language}.qm"
    lrelease(ts, fresh)
    committed = ts.with_suffix(".qm")
    assert committed.read_bytes() == fresh.read_bytes(), (
        f"run: python -m desk_app.ui.translations ({committed} is stale)"
    )


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_text_of_the_interface_is_translated(language: str, tmp_path: Path) -> None:
    """lupdate over desk_app/ui into a copy of the .ts: new or changed texts come in unfinished."""
    copy = tmp_path / ts_path(language).name
    shutil.copy(ts_path(language), copy)
    lupdate(language, copy)
    untranslated = [str(m) for m in messages(copy) if m.unfinished]
    assert untranslated == [], f"{len(untranslated)} texts lack their translation in {copy.name}:\n" + "\n".join(
        untranslated
    )
    assert {(m.context, m.source) for m in messages(copy)} == {
        (m.context, m.source) for m in messages(ts_path(language))
    }, "the .ts has texts no longer in the code: run python -m desk_app.ui.translations"


def test_french_keeps_the_placeholders_of_every_text() -> None:
    wrong = []
    for message in messages(ts_path("fr")):
        if message.unfinished:
            continue  # the test above names it
        for marker in ("%1", "%2", "%3", "%n"):
            if marker in message.source and not all(marker in form for form in message.translations):
                wrong.append(f"{message} lacks {marker}")
    assert wrong == []


def test_i18n_folder_holds_both_languages() -> None:
    assert {p.name for p in I18N_DIR.glob("desk_*.qm")} == {"desk_en.qm", "desk_fr.qm"}
