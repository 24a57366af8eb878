"""English and French at the desk: Qt translation files, switched while the desk runs.

English is the source language; its file (``desk_en.qm``) holds only the plural forms ("1 entry", "2 entries").
French installs the desk's file (``desk_fr.qm``) and Qt's own (``qtbase_fr.qm``: standard buttons, the line-edit
context menu).

How a switch reaches every text: installing or removing a translator makes Qt post ``QEvent.LanguageChange`` to
the application, which hands it to every widget. Each of the desk's widgets answers it in ``changeEvent`` by
calling its ``retranslate()``, which sets every text again through ``tr()``; item models re-announce their
headers and cells. Nothing is rebuilt and nothing typed is lost, so the switch takes effect at once, mid-shift.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from desk_app.config import RESOURCES
from desk_app.errors import ConfigError

I18N_DIR = RESOURCES / "i18n"
# Each language is named in itself (a French speaker looks for "Français"), so these names are never translated.
LANGUAGES = {"en": "English", "fr": "Français"}
SOURCE_LANGUAGE = "en"
# Dates and numbers as read in Brussels, in either language.
LOCALES = {"en": "en_GB", "fr": "fr_BE"}


def is_language_change(event: QEvent) -> bool:
    return event.type() == QEvent.Type.LanguageChange


class Retranslates:
    """For widgets whose texts are all set in ``retranslate()``: a language switch sets them again.

    Put it first among the bases (``class Panel(Retranslates, QWidget)``) so Qt's ``changeEvent`` reaches it.
    """

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if is_language_change(event):
            self.retranslate()  # type: ignore[attr-defined]
        super().changeEvent(event)  # type: ignore[misc]


class Translations(QObject):
    """The application's translators for the language in use; starts in English.

    Args:
        app: the application the translators are installed on.
        directory: where the ``desk_<language>.qm`` files are.

    Signals:
        language_changed(str): the language code (``en``, ``fr``) now in use; emitted after the translators are
            installed, before the widgets have received their LanguageChange events.
    """

    language_changed = Signal(str)

    def __init__(self, app: QCoreApplication, directory: Path = I18N_DIR, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._directory = directory
        self._installed: list[QTranslator] = []
        self._language = ""
        self.switch(SOURCE_LANGUAGE)

    @property
    def language(self) -> str:
        return self._language

    def switch(self, language: str) -> None:
        """Use ``language`` from now on; every open widget retranslates itself.

        Raises:
            ConfigError: the language is not offered, or its translation file is missing.
        """
        if language not in LANGUAGES:
            raise ConfigError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
        if language == self._language:
            return
        translators = self._load(language)
        for translator in self._installed:
            self._app.removeTranslator(translator)
        for translator in translators:
            self._app.installTranslator(translator)
        self._installed = translators
        self._language = language
        QLocale.setDefault(QLocale(LOCALES[language]))  # dates and numbers follow the desk's language
        self.language_changed.emit(language)

    def _load(self, language: str) -> list[QTranslator]:
        translators = []
        desk = QTranslator(self)
        if desk.load(f"desk_{language}", str(self._directory)):
            translators.append(desk)
        elif language != SOURCE_LANGUAGE:  # English without its plural forms is still English
            path = self._directory / f"desk_{language}.qm"
            raise ConfigError(f"the {LANGUAGES[language]} translation is missing ({path})")
        if language != SOURCE_LANGUAGE:
            # Qt's own strings are a nicety: a Qt installation without them still gets the desk's texts.
            qt = QTranslator(self)
            if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                translators.append(qt)
        return translators
