"""What an export says about where it comes from: a checkpoint of the whole log, and whether it is a rehearsal."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportStamp:
    """What an export carries about its source beyond the day's entries.

    ``checkpoint``: a signed checkpoint of the whole log when the export was made, so the export itself is a
    witness (``log verify --checkpoint FILE``). ``rehearsal``: the database is a rehearsal database.
    """

    checkpoint: str = ""
    rehearsal: bool = False


CHECKPOINT_ROW = "#checkpoint"
REHEARSAL_ROW = "#rehearsal"
CHECKPOINT_KEYWORD = "checkpoint:"  # the PDF report's keywords: this, then the signed checkpoint in base64
