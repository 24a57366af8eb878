"""Qt's own texts that Qt's French file does not translate, so the desk's file does.

Qt 6's file dialog labels its fields "&Look in:" and "Files of &type:" (with mnemonics), while ``qtbase_fr.qm``
only knows them without: in a French desk the file dialog said "Look in:". Listed here for ``pyside6-lupdate``
to collect into ``desk_fr.ts`` in Qt's own context; Qt looks them up in every installed translator, the desk's
included. Nothing imports this module.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    return text


QT_FILE_DIALOG_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
