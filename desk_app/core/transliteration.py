"""The Latin letters a name takes in a machine-readable zone (ICAO Doc 9303 part 3, section 6).

An MRZ holds only A-Z, so a document's issuer transliterates every name; the application may hold the same name in
its own script, with accents, or already in Latin. The desk compares them through the set of plausible MRZ spellings
of the application's name, kept small on purpose:

- Latin: accents dropped (É->E, Ł->L, Ş->S, Ř->R ...); letters the standard spells out are fixed (ß->SS, Æ->AE,
  Œ->OE, Þ->TH, Ð->D, Ĳ->IJ); where issuers differ both spellings are kept: Ä->AE|A, Ö->OE|O, Ü->UE|U, Å->AA|A,
  Ø->OE|O, Đ->D|DJ (DJ in Serbian and Croatian documents) and Ñ->N|NXX (N is the recommended form, NXX the
  reversible one older tables listed).
- Cyrillic: one whole-name spelling per table, never a mix of tables within a name (an issuer applies one table):
  the ICAO table, Ukraine's national table (2010), the older Russian passport table, Bulgaria's national table
  (2009), and for names with a letter only Serbian and Macedonian use (Ђ Ћ Џ Ј Љ Њ) Serbian Latin without its
  diacritics. Other Cyrillic-script languages (Belarusian, Kazakh...) get the ICAO table only.
- Greek: ELOT 743 as Greek passports apply it (ΟΥ->OU, ΑΥ/ΕΥ/ΗΥ->AV/EV/IV or AF/EF/IF, ΓΓ->NG), accents dropped.
- Letters of other scripts are not transliterated: such a name has no MRZ form and matches nothing.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

MAX_FORMS = 16

Segment = tuple[str, ...]
"""The spellings one letter (or letter group) may take; empty when the letter has no MRZ spelling."""

_APOSTROPHES = frozenset("'’ʼʻ`´")  # dropped inside a word: O'Brien -> OBRIEN, Мар'яна stays one word

# ---------------------------------------------------------------------------------------------------------- Latin

_LATIN_CHOICES: Mapping[str, Segment] = MappingProxyType(
    {
        "Ä": ("AE", "A"),
        "Ö": ("OE", "O"),
        "Ü": ("UE", "U"),
        "Å": ("AA", "A"),
        "Ø": ("OE", "O"),
        "Ñ": ("N", "NXX"),
        "Đ": ("D", "DJ"),  # Serbian and Croatian documents write Đ as DJ
    }
)
_LATIN_FIXED: Mapping[str, str] = MappingProxyType(
    {"ẞ": "SS", "Æ": "AE", "Œ": "OE", "Þ": "TH", "Ð": "D", "Ł": "L", "Ħ": "H", "Ŋ": "N", "Ĳ": "IJ"}
)


@lru_cache(maxsize=2048)
def latin_letter(letter: str) -> Segment:
    """MRZ spellings of one upper-case letter outside the tables: A-Z as is, others without their accents."""
    if letter in _LATIN_CHOICES:
        return _LATIN_CHOICES[letter]
    if letter in _LATIN_FIXED:
        return (_LATIN_FIXED[letter],)
    base = "".join(c for c in unicodedata.normalize("NFKD", letter) if "A" <= c <= "Z")
    return (base,) if base else ()


# ------------------------------------------------------------------------------------------------------- Cyrillic


@dataclass(frozen=True)
class CyrillicTable:
    """One transliteration table: letters, with overrides at the start of a word, letter pairs and word endings."""

    name: str
    letters: Mapping[str, str]
    initial: Mapping[str, str] = field(default_factory=dict)
    pairs: Mapping[str, str] = field(default_factory=dict)
    endings: Mapping[str, str] = field(default_factory=dict)
    requires: frozenset[str] = frozenset()  # tried only on names with one of these letters

    def applies_to(self, words: list[str]) -> bool:
        return not self.requires or any(letter in self.requires for word in words for letter in word)

    def segments(self, word: str) -> Iterator[Segment]:
        i = 0
        while i < len(word):
            pair = word[i : i + 2]
            if i + 2 == len(word) and pair in self.endings:
                yield (self.endings[pair],)
                i += 2
            elif pair in self.pairs:
                yield (self.pairs[pair],)
                i += 2
            else:
                yield self._letter(word[i], i == 0)
                i += 1

    def _letter(self, letter: str, first: bool) -> Segment:
        if first and letter in self.initial:
            return (self.initial[letter],)
        if letter in self.letters:
            return (self.letters[letter],)
        return latin_letter(letter)


# Doc 9303 part 3, table B (multinational Cyrillic).
# fmt: off
_ICAO_CYRILLIC = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Ѓ": "G", "Ґ": "G", "Д": "D", "Ђ": "D", "Е": "E", "Ё": "E", "Є": "IE",
    "Ж": "ZH", "З": "Z", "Ѕ": "DZ", "И": "I", "І": "I", "Ї": "I", "Й": "I", "Ј": "J", "К": "K", "Л": "L", "Љ": "LJ",
    "М": "M", "Н": "N", "Њ": "NJ", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "Ћ": "C", "Ќ": "K", "У": "U",
    "Ў": "U", "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Џ": "DZ", "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y",
    "Ь": "", "Э": "E", "Ю": "IU", "Я": "IA", "Ѣ": "IE", "Ѵ": "Y",
}
# fmt: on

CYRILLIC_TABLES: tuple[CyrillicTable, ...] = (
    CyrillicTable("ICAO 9303", _ICAO_CYRILLIC),
    # Cabinet of Ministers of Ukraine resolution 55 (2010), used in Ukrainian passports: Юлія -> YULIIA.
    CyrillicTable(
        "Ukraine 2010",
        {**_ICAO_CYRILLIC, "Г": "H", "И": "Y"},
        initial={"Є": "YE", "Ї": "YI", "Й": "Y", "Ю": "YU", "Я": "YA"},
        pairs={"ЗГ": "ZGH"},
    ),
    # Russian passports before the ICAO table (still seen, and kept on request): Юрий -> YURIY.
    CyrillicTable("Russia before 2010", {**_ICAO_CYRILLIC, "Й": "Y", "Ю": "YU", "Я": "YA", "Ъ": ""}),
    # Bulgarian Transliteration Act (2009), used in Bulgarian passports: Мария -> MARIA, Щерев -> SHTEREV.
    CyrillicTable(
        "Bulgaria 2009",
        {**_ICAO_CYRILLIC, "Х": "H", "Щ": "SHT", "Ъ": "A", "Ь": "Y", "Й": "Y", "Ю": "YU", "Я": "YA"},
        endings={"ИЯ": "IA"},
    ),
    # Serbian Latin alphabet with its diacritics dropped, as Serbian passports write it: Ђоковић -> DJOKOVIC.
    # Tried only on names with a letter of the Serbian (and Macedonian) alphabet that Russian and Ukrainian lack.
    CyrillicTable(
        "Serbian Latin",
        {**_ICAO_CYRILLIC, "Ж": "Z", "Ђ": "DJ", "Ћ": "C", "Ч": "C", "Џ": "DZ", "Ш": "S", "Х": "H", "Ц": "C"},
        requires=frozenset("ЂЋЏЈЉЊ"),
    ),
)
LATIN_ONLY = CyrillicTable("Latin", {})


def is_cyrillic(letter: str) -> bool:
    return "\u0400" <= letter <= "\u04ff"


# ---------------------------------------------------------------------------------------------------------- Greek

# fmt: off
_GREEK = {
    "Α": "A", "Β": "V", "Γ": "G", "Δ": "D", "Ε": "E", "Ζ": "Z", "Η": "I", "Θ": "TH", "Ι": "I", "Κ": "K", "Λ": "L",
    "Μ": "M", "Ν": "N", "Ξ": "X", "Ο": "O", "Π": "P", "Ρ": "R", "Σ": "S", "Τ": "T", "Υ": "Y", "Φ": "F", "Χ": "CH",
    "Ψ": "PS", "Ω": "O", "Ϊ": "I", "Ϋ": "Y",
}
# fmt: on
_GREEK_PAIRS = {"ΟΥ": "OU", "ΓΓ": "NG", "ΓΞ": "NX", "ΓΧ": "NCH"}
_GREEK_BEFORE_Y = {"Α": "A", "Ε": "E", "Η": "I"}  # ΑΥ, ΕΥ, ΗΥ: the Υ is sounded V, or F before a voiceless letter
_GREEK_VOICELESS = frozenset("ΘΚΞΠΣΤΦΧΨ")


def is_greek(letter: str) -> bool:
    return "\u0370" <= letter <= "\u03ff" or "\u1f00" <= letter <= "\u1fff"


@lru_cache(maxsize=512)
def _greek_base(letter: str) -> str:
    """The letter without tonos or breathings; the diaeresis stays, since it splits ΟΫ from ΟΥ."""
    kept = "".join(c for c in unicodedata.normalize("NFD", letter) if not unicodedata.combining(c) or c == "\u0308")
    return unicodedata.normalize("NFC", kept)


def greek_to_latin(word: str) -> str:
    """ELOT 743 (the Greek passport table) for one upper-case word; other letters pass through."""
    word = "".join(_greek_base(c) if is_greek(c) else c for c in word)
    out: list[str] = []
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        if pair in _GREEK_PAIRS:
            out.append(_GREEK_PAIRS[pair])
            i += 2
        elif len(pair) == 2 and pair[0] in _GREEK_BEFORE_Y and pair[1] == "Υ":
            following = word[i + 2 : i + 3]
            voiceless = not following or following in _GREEK_VOICELESS
            out.append(_GREEK_BEFORE_Y[pair[0]] + ("F" if voiceless else "V"))
            i += 2
        else:
            out.append(_GREEK.get(word[i], word[i]))
            i += 1
    return "".join(out)


# ---------------------------------------------------------------------------------------------------------- forms


def name_words(name: str) -> list[str]:
    """Upper-case words of letters: spaces, hyphens and other punctuation split words, apostrophes vanish."""
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).upper())
    words: list[str] = []
    current: list[str] = []
    for char in text:
        if char in _APOSTROPHES:
            continue
        if unicodedata.category(char)[0] in "LM":
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def _table_segments(table: CyrillicTable, words: list[str]) -> list[Segment]:
    segments = (segment for word in words for segment in table.segments(word))
    return [segment for segment in segments if segment]  # marks and letters of other scripts spell nothing


def _spellings(segments: list[Segment]) -> Iterator[str]:
    """The consistent spellings first (every first choice, every last choice), then the mixed ones."""
    yield "".join(s[0] for s in segments)
    yield "".join(s[-1] for s in segments)
    for combination in itertools.product(*segments):
        yield "".join(combination)


def mrz_forms(name: str) -> set[str]:
    """Every plausible MRZ spelling of a name, letters A-Z only: 'Müller' -> {'MULLER', 'MUELLER'}.

    At most ``MAX_FORMS`` spellings. An empty name (or one with no letters) gives {''}; a name whose letters have
    no MRZ spelling (a script without a table) gives no form at all.
    """
    words = [greek_to_latin(w) if any(is_greek(c) for c in w) else w for w in name_words(name)]
    if not words:
        return {""}
    tables = CYRILLIC_TABLES if any(is_cyrillic(c) for w in words for c in w) else (LATIN_ONLY,)
    per_table = [_table_segments(table, words) for table in tables if table.applies_to(words)]
    found: dict[str, None] = {}
    for segments in per_table:  # every table's consistent spellings before any mixed one
        found.update(dict.fromkeys(itertools.islice(_spellings(segments), 2)))
    for segments in per_table:
        for spelling in itertools.islice(_spellings(segments), 2, 2 + MAX_FORMS):
            if len(found) >= MAX_FORMS:
                break
            found[spelling] = None
    return {form for form in found if form and form.isascii() and form.isalpha()}
