"""How the CLI talks to people: verdicts in words, applications as lines, a progress bar on stderr, and never a
control character from people's data on the terminal."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from desk_app.core.event import EventConfig
from desk_app.core.model import Application, Badge, BadgeState, Card, Outcome, Reason
from desk_app.core.text import hidden_characters, printable
from desk_app.messages import (
    OUTCOME_TEXT,
    REASON_TEXT,
    already_issued_text,
    flagged_card_text,
    forgery_text,
    take_card_text,
)
from desk_app.service import CheckinResult

_MARK = {
    Outcome.ISSUE: "[OK]",
    Outcome.REDIRECT: "[->]",
    Outcome.REFUSE: "[XX]",
    Outcome.NEEDS_SUPERVISOR: "[??]",
}


def verdict_lines(result: CheckinResult, event: EventConfig) -> list[str]:
    verdict = result.verdict
    head = f"{_MARK[verdict.outcome]} {OUTCOME_TEXT[verdict.outcome]}: {result.reference}"
    if result.awaiting_card:  # nothing is handed over yet: not the green mark of a badge issued
        head = f"[>>] TAKE THE CARD, SCAN IT: {result.reference}"
    if result.application:
        head += f" {result.application.display_name} ({result.application.kind.value})"
    lines = [head]
    card = result.card
    if result.badge and card and card.serial == result.badge.serial:
        lines.append(f"  card {card.serial} (box {card.box}, slot {card.slot}) handed over")
    elif result.badge:
        lines.append(f"  badge {result.badge.serial} handed over")
    if result.awaiting_card and card:
        lines.append(f"  NOT HANDED OVER YET: {take_card_text(card)}, and scan it (--card {card.serial})")
    elif result.card_flagged and card:
        lines.append(f"  {flagged_card_text(card)}")
    elif card and Reason.WRONG_CARD in result.verdict.reasons:
        lines.append(f"  their card is {card.serial}: {take_card_text(card)}")
    for reason in verdict.reasons:
        lines.append(f"  - {REASON_TEXT[reason]}")
    if verdict.prior_badge:
        lines.append(f"  {already_issued_text(verdict.prior_badge, event)}")
    if verdict.prior_forgery:
        lines.append(f"  {forgery_text(verdict.prior_forgery, event)}")
    if verdict.redirect_to:
        entrance = event.entrances[verdict.redirect_to]
        lines.append(f"  go to the {entrance.name}: {entrance.directions}")
    return [printable(line) for line in lines]  # a reference or name read from a code stays on its line


def verdict_json(result: CheckinResult) -> dict[str, Any]:
    verdict = result.verdict
    return {
        "verdict": verdict.outcome.value,
        "reasons": [r.value for r in verdict.reasons],
        "reference": result.reference,
        "code": result.code.value,
        "badge": result.badge.serial if result.badge else None,
        "handed_over": result.badge is not None and result.badge.state is BadgeState.ISSUED,
        "redirect_to": verdict.redirect_to,
        "already_issued": _badge_json(verdict.prior_badge) if verdict.prior_badge else None,
        "forged_printout_seen": verdict.prior_forgery.seq if verdict.prior_forgery else None,
        "log_seq": result.log_entry.seq,
        "card": _card_json(result.card) if result.card else None,
        "awaiting_card": result.awaiting_card,
        "card_flagged": result.card_flagged,
    }


def _card_json(card: Card) -> dict[str, str | int]:
    return {"serial": card.serial, "box": card.box, "slot": card.slot, "state": card.state.value}


def _badge_json(badge: Badge) -> dict[str, str]:
    return {
        "serial": badge.serial,
        "issued_at": badge.issued_at.isoformat(),
        "entrance": badge.entrance,
        "desk": badge.desk,
        "staff": badge.staff,
    }


def application_line(app: Application, badge: Badge | None) -> str:
    served = f"badge {badge.serial}" if badge else "not served"
    return printable(
        f"{app.reference:<14} {app.display_name:<40} {app.kind.value:<11} {app.status.value:<9} "
        f"{app.organisation} ({app.organisation_country}); {served}"
    )


def application_json(app: Application, badge: Badge | None) -> dict[str, Any]:
    return {
        "reference": app.reference,
        "kind": app.kind.value,
        "status": app.status.value,
        "family_name": app.family_name,
        "given_names": app.given_names,
        "date_of_birth": app.date_of_birth.isoformat(),
        "nationality": app.nationality,
        "organisation": app.organisation,
        "category": app.category.value,
        "pool": app.pool,
        "badge": badge.serial if badge else None,
    }


class ProgressBar:
    """A one-line bar redrawn in place; silent when the stream is not a terminal (logs stay clean)."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30, force: bool = False) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.enabled = force or self.stream.isatty()
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if total > 0:
            filled = self.width * done // total
            bar = "#" * filled + "-" * (self.width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {100 * done // total:3d}% {done}/{total}")
        else:
            self.stream.write(f"\r{self.label} {done}")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()


def shown(value: object) -> str:
    """A path, a name or an argument as the CLI echoes it: a line break or ESC in it is written as an escape, so it
    cannot forge a line of output (``EscapingStream`` keeps line breaks, since the CLI writes its own)."""
    return printable(str(value))


class EscapingStream:
    """A terminal stream that writes people's data as text, never as commands to the terminal.

    Everything the CLI prints passes through it: a name or a code holding ESC, a carriage return or U+202E is
    written with escapes (``core.text.printable``), so it cannot clear the screen, recolour it, overwrite a line or
    reverse the text after it, and one record stays one line. Only the line ends the CLI writes itself are kept
    (and, on stderr, the progress bar's carriage return).
    """

    def __init__(self, stream: TextIO, keep: str = "\n") -> None:
        self._stream = stream
        self._keep = re.compile(f"([{re.escape(keep)}])")

    def write(self, text: str) -> int:
        # split() with a group keeps each line end as its own part, at the odd places: written as it is
        parts = self._keep.split(text)
        self._stream.write("".join(part if odd else printable(part) for odd, part in _alternating(parts)))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _alternating(parts: list[str]) -> Iterator[tuple[bool, str]]:
    return ((index % 2 == 1, part) for index, part in enumerate(parts))


@contextmanager
def escaped_terminal() -> Iterator[None]:
    """stdout and stderr through ``EscapingStream`` while a command runs."""
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout = EscapingStream(stdout)
    sys.stderr = EscapingStream(stderr, keep="\n\r")
    try:
        yield
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def json_line(value: Any) -> str:
    """``value`` as one line of JSON, letters as they are, invisible and control characters as ``\\uXXXX``
    escapes (``json`` leaves U+202E and the C1 controls raw)."""
    text = json.dumps(value, ensure_ascii=False)
    hidden = set(hidden_characters(text))  # one pass over the text; usually empty
    return "".join(_json_escape(c) if c in hidden else c for c in text) if hidden else text


def _json_escape(char: str) -> str:
    return json.dumps(char)[1:-1]  # ensure_ascii: \u001b, \u202e, a surrogate pair beyond the BMP
