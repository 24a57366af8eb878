"""Text normalisation shared by search, import and the identity check.

Names arrive in any script and from many keyboards; comparisons must not depend on accents, case, spacing or
Unicode composition.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")
# Letters that do not decompose into a base letter plus accents.
_LATIN_SPECIALS = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i", "ħ": "h"}
)
# ICAO 9303 allows either form for these; Müller may stand as MUELLER or MULLER in a document.
_GERMANIC_EXPANSIONS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "å": "aa"})


def nfc(value: str) -> str:
    """NFC-normalised and trimmed, with runs of white space folded to one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def strip_accents(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold(value: str) -> str:
    """Case- and accent-free form for search: 'Ελένη Παπαδοπούλου' and 'ελενη παπαδοπουλου' fold alike."""
    # Two passes: compatibility forms (𝐀, ﬁ) only fold to case-free letters after their first decomposition.
    for _ in range(2):
        value = strip_accents(value.casefold().translate(_LATIN_SPECIALS))
    return _SPACES.sub(" ", value).strip()


def name_forms(value: str) -> set[str]:
    """The Latin forms a name may take in a document: 'Müller' gives {'muller', 'mueller'}.

    Letters only, no spaces or punctuation, as a machine-readable zone would hold them.
    """
    lowered = nfc(value).casefold()
    plain = _NOT_ALNUM.sub("", fold(lowered))
    expanded = _NOT_ALNUM.sub("", fold(lowered.translate(_GERMANIC_EXPANSIONS)))
    return {plain, expanded}


def same_name(left: str, right: str) -> bool:
    return bool(name_forms(left) & name_forms(right))


def document_number_key(value: str) -> str:
    """Document and press card numbers compared without case, spaces, dashes or MRZ fillers."""
    return re.sub(r"[^0-9A-Z]", "", value.upper())
