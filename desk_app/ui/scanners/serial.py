"""Scanners on a serial port (RS-232, or USB in CDC/virtual-COM mode): one line per scan.

Serial scanners send bytes, not keystrokes, so no keyboard layout gets in the way; they end each code with CR, LF or
CR LF depending on their setup, and all three are taken. The port is opened by name or path: ``/dev/ttyUSB0``,
``/dev/ttyACM0``, ``COM3``, or a pseudo-terminal such as socat's, which ``QSerialPortInfo`` does not list but which
opens like any other port.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtSerialPort import QSerialPort

# A scanner that never sends an end of line would otherwise fill the memory; a code is far shorter.
MAX_LINE_BYTES = 4096
_LINE_END = re.compile(rb"\r\n|\r|\n")
_PARITY = {
    "none": QSerialPort.Parity.NoParity,
    "even": QSerialPort.Parity.EvenParity,
    "odd": QSerialPort.Parity.OddParity,
    "mark": QSerialPort.Parity.MarkParity,
    "space": QSerialPort.Parity.SpaceParity,
}
_STOP_BITS = {1: QSerialPort.StopBits.OneStop, 2: QSerialPort.StopBits.TwoStop}
_DATA_BITS = {n: getattr(QSerialPort.DataBits, f"Data{n}") for n in (5, 6, 7, 8)}
_FLOW = {
    "none": QSerialPort.FlowControl.NoFlowControl,
    "hardware": QSerialPort.FlowControl.HardwareControl,
    "software": QSerialPort.FlowControl.SoftwareControl,
}


class SerialScanner(QObject):
    """Reads scans from a serial port and reports when the port cannot be used.

    Args:
        port: a port name (``ttyUSB0``, ``COM3``) or a device path.
        baud, data_bits, parity, stop_bits, flow_control: the line settings the scanner is set to (9600 8N1 is
            the common factory setting).

    Signals:
        scanned(str): one line from the scanner, without its line end and surrounding blanks; empty lines are dropped.
        error(str): the port could not be opened, or went away (unplugged); a sentence for staff. Call
            :meth:`reconnect` to try again.
        connected(): the port is open and listening.
    """

    scanned = Signal(str)
    error = Signal(str)
    connected = Signal()

    def __init__(
        self,
        port: str,
        parent: QObject | None = None,
        *,
        baud: int = 9600,
        data_bits: int = 8,
        parity: str = "none",
        stop_bits: int = 1,
        flow_control: str = "none",
    ) -> None:
        super().__init__(parent)
        if parity not in _PARITY or stop_bits not in _STOP_BITS or data_bits not in _DATA_BITS:
            raise ValueError(f"unsupported serial settings: {data_bits} data bits, parity {parity}, {stop_bits} stop")
        if flow_control not in _FLOW:
            raise ValueError(f"unsupported flow control {flow_control!r}; use one of {', '.join(_FLOW)}")
        self.port_name = port
        self._port = QSerialPort(self)
        self._port.setPortName(port)
        self._port.setBaudRate(baud)
        self._port.setDataBits(_DATA_BITS[data_bits])
        self._port.setParity(_PARITY[parity])
        self._port.setStopBits(_STOP_BITS[stop_bits])
        self._port.setFlowControl(_FLOW[flow_control])
        self._port.readyRead.connect(self._on_ready_read)
        self._port.errorOccurred.connect(self._on_error_occurred)
        self._pending = bytearray()

    @property
    def is_open(self) -> bool:
        return self._port.isOpen()

    def open(self) -> bool:
        """Open the port; on failure emit ``error`` and return False."""
        if self._port.isOpen():
            return True
        self._pending.clear()
        if not self._port.open(QSerialPort.OpenModeFlag.ReadOnly):
            self.error.emit(self._message("cannot open"))
            self._port.clearError()
            return False
        self.connected.emit()
        return True

    def close(self) -> None:
        if self._port.isOpen():
            self._port.close()
        self._pending.clear()

    def reconnect(self) -> bool:
        """Close and open again: after the scanner was unplugged and plugged back in, or its settings changed."""
        self.close()
        return self.open()

    def _on_ready_read(self) -> None:
        self._pending += self._port.readAll().data()
        *lines, rest = _LINE_END.split(bytes(self._pending))
        self._pending = bytearray(rest)
        for line in lines:
            if text := _text(line):
                self.scanned.emit(text)
        if len(self._pending) > MAX_LINE_BYTES:
            self._pending.clear()
            self.error.emit(
                f"The scanner on {self.port_name} sent {MAX_LINE_BYTES} bytes without a line end; they were dropped. "
                "Set the scanner to end each code with CR or LF."
            )

    def _on_error_occurred(self, error: QSerialPort.SerialPortError) -> None:
        # Failures to open are reported by open(); here only what goes wrong on an open port.
        if error == QSerialPort.SerialPortError.NoError or not self._port.isOpen():
            return
        if error in (QSerialPort.SerialPortError.ResourceError, QSerialPort.SerialPortError.ReadError):
            message = self._message("lost")
            self._port.clearError()
            self.close()
            self.error.emit(message)

    def _message(self, what: str) -> str:
        reason = self._port.errorString()
        error = self._port.error()
        if error == QSerialPort.SerialPortError.PermissionError:
            reason += " (is this account in the 'dialout' group, or is another program using the port?)"
        elif error == QSerialPort.SerialPortError.DeviceNotFoundError:
            reason += " (is the scanner plugged in, and is the port name in the station settings right?)"
        if what == "lost":
            return f"The scanner on {self.port_name} stopped responding: {reason}. Check the cable, then reconnect."
        return f"Cannot open the scanner port {self.port_name}: {reason}."


def _text(line: bytes) -> str:
    """A line as text without blanks or control characters around it (some scanners wrap codes in STX/ETX)."""
    stripped = line.strip(bytes(range(33)))
    try:
        return stripped.decode("utf-8")
    except UnicodeDecodeError:
        return stripped.decode("latin-1")
