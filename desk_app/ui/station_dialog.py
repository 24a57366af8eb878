"""First run at a desk: where it stands (entrance, desk name), what it prints on, which scanner it reads.

The keyboard layout of a USB scanner is found by a self-test rather than asked: the dialog shows
``SELF_TEST_CODE`` as a QR code, staff scan it off the screen, and the characters the desk received tell which
layout turned the scanner's keystrokes into them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.event import EventConfig
from desk_app.core.wedge import LAYOUTS
from desk_app.errors import ConfigError
from desk_app.service import (
    BADGE_SIZES,
    MAX_FRAMING,
    SCANNERS,
    PrintError,
    QueueInfo,
    StationConfig,
    default_badge_folder,
    list_queues,
    save_station,
)
from desk_app.ui.checkin.texts import fill
from desk_app.ui.focus import tab_chain
from desk_app.ui.i18n import LANGUAGES, Retranslates, Translations
from desk_app.ui.scan_routing import let_read_scans
from desk_app.ui.scanner_test import ScannerSelfTest, layout_name
from desk_app.ui.scanners.wedge import WedgeFilter
from desk_app.ui.words import BADGE_SIZE, SCANNER, entrance_name, word


class StationDialog(Retranslates, QDialog):
    """Asks for the station and saves it to the user's config.

    Args:
        event: the event of the database (its entrances are offered).
        station_path: where to save; None for the user's config (``station_config_path()``).
        initial: the station to start from (editing, or a saved one that no longer fits the event).
        wedge: the application's keyboard-wedge filter; its ``burst`` signal feeds the scanner self-test.
        translations: switched at once when another language is chosen, so the dialog speaks it.
        list_printers: the CUPS queues (tests pass a fake).

    Signals:
        saved(object): the ``StationConfig`` just written.
    """

    saved = Signal(object)

    def __init__(
        self,
        event: EventConfig,
        station_path: Path | None = None,
        initial: StationConfig | None = None,
        wedge: WedgeFilter | None = None,
        translations: Translations | None = None,
        list_printers: Callable[[], list[QueueInfo]] = list_queues,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        let_read_scans(self)  # the scanner self-test reads them
        self.event_config = event
        self.station_path = station_path
        self.initial = initial or StationConfig(entrance=next(iter(event.entrances)), desk="")
        self.translations = translations
        self.station: StationConfig | None = None
        self._printer_problem = ""
        self._queues = self._find_queues(list_printers)
        self._build()
        self._load(self.initial)
        if wedge is not None:
            wedge.burst.connect(self.self_test.on_burst)
        if translations is not None:
            translations.language_changed.connect(self.on_translations_language_changed)
        self.retranslate()
        self.resize(self.sizeHint())  # Qt would open it at two thirds of the screen's height, squeezing the boxes

    # --- building ---------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.entrance_combo = QComboBox()
        for key in self.event_config.entrances:
            self.entrance_combo.addItem("", key)
        self.desk_edit = QLineEdit()
        self.desk_edit.setMaxLength(24)
        self.place_box = QGroupBox()
        self.entrance_label, self.desk_label = QLabel(), QLabel()
        place = QFormLayout(self.place_box)
        place.addRow(self.entrance_label, self.entrance_combo)
        place.addRow(self.desk_label, self.desk_edit)

        self.printer_box = QGroupBox()
        self.cups_radio = QRadioButton()
        self.folder_radio = QRadioButton()
        self.printer_choice = QButtonGroup(self)
        self.printer_choice.addButton(self.cups_radio)
        self.printer_choice.addButton(self.folder_radio)
        self.queue_combo = QComboBox()
        for queue in self._queues:
            self.queue_combo.addItem(queue.name, queue.name)
        self.printer_note = QLabel()
        self.printer_note.setWordWrap(True)
        self.folder_edit = QLineEdit()
        self.browse_button = QPushButton()
        self.size_label = QLabel()
        self.size_combo = QComboBox()
        for size in BADGE_SIZES:
            self.size_combo.addItem("", size)
        printer = QVBoxLayout(self.printer_box)
        printer.addWidget(self.cups_radio)
        printer.addWidget(self.queue_combo)
        printer.addWidget(self.printer_note)
        printer.addWidget(self.folder_radio)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        printer.addLayout(folder_row)
        size_form = QFormLayout()
        size_form.addRow(self.size_label, self.size_combo)
        printer.addLayout(size_form)

        self.scanner_box = QGroupBox()
        self.scanner_label, self.port_label, self.layout_label = QLabel(), QLabel(), QLabel()
        self.scanner_combo = QComboBox()
        for kind in SCANNERS:
            self.scanner_combo.addItem("", kind)
        self.port_edit = QLineEdit()
        self.layout_combo = QComboBox()
        self.layout_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for name in LAYOUTS:
            self.layout_combo.addItem("", name)
        self.prefix_label, self.suffix_label = QLabel(), QLabel()
        self.prefix_edit, self.suffix_edit = QLineEdit(), QLineEdit()
        for framing in (self.prefix_edit, self.suffix_edit):
            framing.setMaxLength(MAX_FRAMING)
        self.reader_box = QCheckBox()
        self.self_test = ScannerSelfTest()
        self.self_test.layout_found.connect(self.on_layout_found)
        scanner = QFormLayout(self.scanner_box)
        scanner.addRow(self.scanner_label, self.scanner_combo)
        scanner.addRow(self.port_label, self.port_edit)
        scanner.addRow(self.layout_label, self.layout_combo)
        scanner.addRow(self.prefix_label, self.prefix_edit)
        scanner.addRow(self.suffix_label, self.suffix_edit)
        scanner.addRow(self.reader_box)
        scanner.addRow(self.self_test)

        self.desk_box = QGroupBox()
        self.language_label, self.idle_label = QLabel(), QLabel()
        self.language_combo = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(1, 120)
        self.witness_label, self.backup_label = QLabel(), QLabel()
        self.witness_edit = QLineEdit()  # another medium: checkpoints of the log, and backups
        self.backup_spin = QSpinBox()
        self.backup_spin.setRange(0, 24 * 60)
        self.kiosk_box = QCheckBox()
        other = QGridLayout(self.desk_box)  # two settings a row, under both columns: the dialog fits 1366x768
        other.setColumnStretch(1, 1)  # the witness folder's path takes the room
        for row, pairs in enumerate(
            (
                ((self.language_label, self.language_combo), (self.idle_label, self.idle_spin)),
                ((self.witness_label, self.witness_edit), (self.backup_label, self.backup_spin)),
            )
        ):
            for column, (label, field) in enumerate(pairs):
                other.addWidget(label, row, 2 * column)
                other.addWidget(field, row, 2 * column + 1)
        other.addWidget(self.kiosk_box, 2, 0, 1, 4)

        self.message_label = QLabel()
        self.message_label.setProperty("role", "message")
        self.message_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)

        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.place_box)
        left.addWidget(self.printer_box)
        left.addStretch()
        right.addWidget(self.scanner_box)
        right.addStretch()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()  # the intro beside the heading, not under it: the dialog fits a 1366x768 screen
        top.setSpacing(24)
        top.addWidget(self.heading, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.intro, 1)
        layout.addLayout(top)
        layout.addLayout(columns)
        layout.addWidget(self.desk_box)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

        for buddy_label, widget in (
            (self.entrance_label, self.entrance_combo),
            (self.desk_label, self.desk_edit),
            (self.size_label, self.size_combo),
            (self.scanner_label, self.scanner_combo),
            (self.port_label, self.port_edit),
            (self.layout_label, self.layout_combo),
            (self.prefix_label, self.prefix_edit),
            (self.suffix_label, self.suffix_edit),
            (self.language_label, self.language_combo),
            (self.idle_label, self.idle_spin),
            (self.witness_label, self.witness_edit),
            (self.backup_label, self.backup_spin),
        ):
            buddy_label.setBuddy(widget)
        tab_chain(
            self.entrance_combo,
            self.desk_edit,
            self.cups_radio,
            self.queue_combo,
            self.folder_radio,
            self.folder_edit,
            self.browse_button,
            self.size_combo,
            self.language_combo,
            self.idle_spin,
            self.witness_edit,
            self.backup_spin,
            self.kiosk_box,
            self.scanner_combo,
            self.port_edit,
            self.layout_combo,
            self.prefix_edit,
            self.suffix_edit,
            self.reader_box,
        )

        self.buttons.accepted.connect(self.on_save)
        self.buttons.rejected.connect(self.reject)
        self.browse_button.clicked.connect(self.on_browse_clicked)
        self.printer_choice.buttonToggled.connect(self.on_printer_choice_toggled)
        self.scanner_combo.currentIndexChanged.connect(self.on_scanner_changed)
        self.language_combo.currentIndexChanged.connect(self.on_language_changed)

    def _load(self, config: StationConfig) -> None:
        _select(self.entrance_combo, config.entrance)
        self.desk_edit.setText(config.desk)
        use_cups = bool(config.printer) and bool(self._queues)
        if config.printer and self.queue_combo.findData(config.printer) < 0:
            self.queue_combo.addItem(config.printer, config.printer)  # a queue not running now: keep it offered
            use_cups = True
        _select(self.queue_combo, config.printer)
        (self.cups_radio if use_cups else self.folder_radio).setChecked(True)
        self.cups_radio.setEnabled(self.queue_combo.count() > 0)
        self.folder_edit.setText(config.pdf_dir or str(default_badge_folder()))
        _select(self.size_combo, config.badge_size)
        _select(self.scanner_combo, config.scanner)
        self.port_edit.setText(config.serial_port)
        _select(self.layout_combo, config.keyboard_layout)
        self.prefix_edit.setText(config.scanner_prefix)
        self.suffix_edit.setText(config.scanner_suffix)
        _select(self.language_combo, config.language)
        self.idle_spin.setValue(config.idle_lock_minutes)
        self.witness_edit.setText(config.witness_dir)
        self.backup_spin.setValue(config.backup_minutes)
        self.kiosk_box.setChecked(config.kiosk)
        self.reader_box.setChecked(config.passport_reader)
        self.on_printer_choice_toggled()
        self.on_scanner_changed()

    def _find_queues(self, list_printers: Callable[[], list[QueueInfo]]) -> list[QueueInfo]:
        try:
            return list_printers()
        except PrintError as exc:
            self._printer_problem = str(exc)
            return []

    # --- language ---------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up this desk"))
        self.heading.setText(self.tr("Set up this desk"))
        self.intro.setText(
            self.tr(
                "This computer has no desk settings yet. Say where it stands, what it prints on and which scanner "
                "it reads; the settings are kept for the next start."
            )
        )
        self.place_box.setTitle(self.tr("Where"))
        self.entrance_label.setText(self.tr("&Entrance:"))
        self.desk_label.setText(self.tr("&Desk name:"))
        self.desk_edit.setPlaceholderText(self.tr("for example G1"))
        for index in range(self.entrance_combo.count()):
            self.entrance_combo.setItemText(
                index, entrance_name(self.event_config, self.entrance_combo.itemData(index))
            )
        self.printer_box.setTitle(self.tr("Badges"))
        self.cups_radio.setText(self.tr("Print on a &printer"))
        self.folder_radio.setText(self.tr("Save badges as PDF &files in this folder"))
        self.queue_combo.setAccessibleName(self.tr("Printer"))
        self.folder_edit.setAccessibleName(self.tr("Folder for badge PDF files"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.size_label.setText(self.tr("Badge si&ze:"))
        for index in range(self.size_combo.count()):
            self.size_combo.setItemText(index, word(BADGE_SIZE[self.size_combo.itemData(index)]))
        if not self._queues:
            self.printer_note.setText(
                self.tr("No printer was found on this computer.") + _detail(self._printer_problem)
            )
        else:
            self.printer_note.setText("")
        self.printer_note.setVisible(not self._queues)
        self.scanner_box.setTitle(self.tr("Scanner"))
        self.scanner_label.setText(self.tr("S&canner:"))
        for index in range(self.scanner_combo.count()):
            self.scanner_combo.setItemText(index, word(SCANNER[self.scanner_combo.itemData(index)]))
        self.port_label.setText(self.tr("Serial p&ort:"))
        self.port_edit.setPlaceholderText(self.tr("for example /dev/ttyACM0"))
        self.layout_label.setText(self.tr("Keyboard &layout:"))
        for index in range(self.layout_combo.count()):
            self.layout_combo.setItemText(index, layout_name(self.layout_combo.itemData(index)))
        self.prefix_label.setText(self.tr("Code p&refix:"))
        self.suffix_label.setText(self.tr("Code suffi&x:"))
        for framing in (self.prefix_edit, self.suffix_edit):
            framing.setPlaceholderText(self.tr("none"))
        self.desk_box.setTitle(self.tr("Desk"))
        self.language_label.setText(self.tr("Lan&guage:"))
        self.idle_label.setText(self.tr("Lock after (&minutes idle):"))
        self.witness_label.setText(self.tr("&Witness folder:"))
        self.witness_edit.setPlaceholderText(self.tr("a USB stick, a network folder"))
        self.backup_label.setText(self.tr("Back up e&very (minutes, 0: never):"))
        self.kiosk_box.setText(self.tr("Fill the screen, no window frame (&kiosk)"))
        self.reader_box.setText(self.tr("A passport reader is connected (the &ID check starts at its zone)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if self.isVisible():
            self.adjustSize()  # French needs more room than English: the dialog grows to show every word

    # --- slots ------------------------------------------------------------------------------------------------

    def on_printer_choice_toggled(self) -> None:
        cups = self.cups_radio.isChecked()
        self.queue_combo.setEnabled(cups)
        self.folder_edit.setEnabled(not cups)
        self.browse_button.setEnabled(not cups)

    def on_scanner_changed(self) -> None:
        kind = self.scanner_combo.currentData()
        self.port_edit.setEnabled(kind == "serial")
        keyboard = kind == "keyboard"
        for widget in (self.layout_combo, self.prefix_edit, self.suffix_edit, self.self_test):
            widget.setEnabled(keyboard)

    def on_language_changed(self) -> None:
        if self.translations is None:
            return
        try:
            self.translations.switch(self.language_combo.currentData())
        except ConfigError as exc:
            self.message_label.setText(str(exc))

    def on_translations_language_changed(self, language: str) -> None:
        """The desk switched language (here or elsewhere): the combo says which."""
        self.language_combo.blockSignals(True)
        _select(self.language_combo, language)
        self.language_combo.blockSignals(False)

    def on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for badge PDF files"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def on_layout_found(self, layout: str) -> None:
        _select(self.layout_combo, layout)

    def on_save(self) -> None:
        problem = self._problem()
        if problem:
            self.message_label.setText(problem)
            return
        config = self.config()
        try:
            save_station(config, self.station_path)
        except (ConfigError, OSError) as exc:
            self.message_label.setText(fill(self.tr("The settings could not be saved: %1"), str(exc)))
            return
        self.station = config
        self.saved.emit(config)
        self.accept()

    # --- reading the form -------------------------------------------------------------------------------------

    def config(self) -> StationConfig:
        """The station as the form says it now."""
        cups = self.cups_radio.isChecked()
        return dataclasses.replace(
            self.initial,
            entrance=self.entrance_combo.currentData(),
            desk=self.desk_edit.text().strip(),
            printer=self.queue_combo.currentData() if cups else "",
            pdf_dir="" if cups else self.folder_edit.text().strip(),
            badge_size=self.size_combo.currentData(),
            scanner=self.scanner_combo.currentData(),
            serial_port=self.port_edit.text().strip(),
            keyboard_layout=self.layout_combo.currentData(),
            scanner_prefix=self.prefix_edit.text(),
            scanner_suffix=self.suffix_edit.text(),
            language=self.language_combo.currentData(),
            idle_lock_minutes=self.idle_spin.value(),
            witness_dir=self.witness_edit.text().strip(),
            backup_minutes=self.backup_spin.value(),
            kiosk=self.kiosk_box.isChecked(),
            passport_reader=self.reader_box.isChecked(),
        )

    def _problem(self) -> str:
        if not self.desk_edit.text().strip():
            self.desk_edit.setFocus()
            return self.tr("Give the desk a name (for example G1): it goes into the log with every check-in.")
        if self.cups_radio.isChecked() and not self.queue_combo.currentData():
            self.queue_combo.setFocus()
            return self.tr("Choose a printer, or save badges as PDF files.")
        if self.folder_radio.isChecked() and not self.folder_edit.text().strip():
            self.folder_edit.setFocus()
            return self.tr("Choose the folder for badge PDF files.")
        if self.backup_spin.value() and not self.witness_edit.text().strip():
            self.witness_edit.setFocus()
            return self.tr("Automatic backups need a witness folder (a USB stick or a network share) to go to.")
        if self.scanner_combo.currentData() == "serial" and not self.port_edit.text().strip():
            self.port_edit.setFocus()
            return self.tr("A serial scanner needs its port (for example /dev/ttyACM0).")
        return ""


def _select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


def _detail(problem: str) -> str:
    return f" ({problem})" if problem else ""
