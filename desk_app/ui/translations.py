"""Keep the desk's translation files in step with the code: ``python -m desk_app.ui.translations``.

1. ``pyside6-lupdate`` collects every ``tr()`` / ``translate()`` / ``QT_TRANSLATE_NOOP`` text of ``desk_app/ui`` and
   ``desk_app/messages.py``
   into ``resources/i18n/desk_fr.ts`` (all texts) and ``desk_en.ts`` (plural forms only: English is the source
   language). Texts that are new since the last run come in marked unfinished; translate them (Qt Linguist:
   ``pyside6-linguist resources/i18n/desk_fr.ts``, or any editor).
2. ``pyside6-lrelease`` compiles each ``.ts`` into the ``.qm`` the desk loads. Both are committed.

``tests/gui/test_i18n.py`` fails when a text lacks its French, or a ``.qm`` is older than its ``.ts``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = (ROOT / "desk_app" / "ui", ROOT / "desk_app" / "messages.py")  # messages: the words the CLI shares
I18N = ROOT / "resources" / "i18n"
LANGUAGES = {"fr": "fr_BE", "en": "en_GB"}
PLURALS_ONLY = {"en"}


def tool(name: str) -> str:
    """A Qt tool of the PySide6 install next to this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found (it comes with PySide6)")
    return found


def ts_path(language: str, folder: Path = I18N) -> Path:
    return folder / f"desk_{language}.ts"


def lupdate(language: str, ts: Path) -> None:
    """Merge the texts of ``desk_app/ui`` into ``ts`` (created if missing); texts no longer in the code go."""
    args = [tool("pyside6-lupdate"), "-silent", "-extensions", "py", "-no-obsolete", "-locations", "none"]
    args += ["-source-language", "en_GB", "-target-language", LANGUAGES[language]]
    if language in PLURALS_ONLY:
        args.append("-pluralonly")
    subprocess.run([*args, *map(str, SOURCES), "-ts", str(ts)], check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
        text=True,
    )


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]
    unfinished: bool

    def __str__(self) -> str:
        return f"{self.context}: {self.source!r}"


def messages(ts: Path) -> list[Message]:
    """Every message of a ``.ts`` file; ``unfinished`` when it lacks a translation (or any plural form)."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            unfinished = translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms)
            found.append(Message(name, message.findtext("source", ""), tuple(forms), unfinished))
    return found


def main() -> int:
    for language in LANGUAGES:
        ts = ts_path(language)
        lupdate(language, ts)
        lrelease(ts, ts.with_suffix(".qm"))
        missing = [m for m in messages(ts) if m.unfinished]
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} texts, {len(missing)} to translate")
        for message in missing:
            print(f"  {message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
