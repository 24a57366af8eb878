"""Machine-readable zones of travel documents (ICAO Doc 9303 parts 3 to 7), as a passport reader types them.

Formats, told apart by line count and length, then by the first character: a zone of two lines that starts with
'V' is a visa (MRV-A at 44 characters, MRV-B at 36), any other is a TD3 passport (44) or a TD2 card (36); three
lines of 30 are a TD1 card. Readers type like a keyboard, so the input is cleaned first: any case, stray spaces and
control characters, CR, LF or CRLF line ends or no line ends at all (the zone is then split by its total length:
90, 72 or 88), lines whose trailing fillers were dropped, and a filler key that the host's keyboard layout turned
into another character ('>', '\\', '|', ';' ...): a single non-alphanumeric character used throughout in place of
'<' is read as '<'.

``parse_mrz`` never raises: a zone that does not hold is a result with ``valid`` False and each failed check
named in ``errors``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desk_app.core.model import PresentedDocument

FILLER = "<"
UNKNOWN = "UNKNOWN"
# The length of the name field in each format; a name that fills it may have been cut (Doc 9303 part 3, 4.6).
NAME_FIELD_LENGTH = {"TD1": 30, "TD2": 31, "TD3": 39, "MRVA": 39, "MRVB": 31}
_ZONE_SHAPES = {"TD1": (3, 30), "TD2": (2, 36), "TD3": (2, 44), "MRVA": (2, 44), "MRVB": (2, 36)}
ROWS_BY_WIDTH = {width: rows for rows, width in _ZONE_SHAPES.values()}  # a zone's lines, by their length
WIDTH_OF_WHOLE_ZONE = {rows * width: width for rows, width in _ZONE_SHAPES.values()}  # typed with no line breaks
_ALLOWED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
_VALUES = {c: i for i, c in enumerate("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")} | {FILLER: 0}
_WEIGHTS = (7, 3, 1)
_SEXES = {"M": "M", "F": "F", "X": "X", FILLER: "X"}
# MRZ codes that differ from the ISO 3166-1 alpha-3 code an application holds (Doc 9303 part 3, 5).
# Germany writes 'D'. The British nationality classes (overseas territories citizen, national (overseas),
# overseas citizen, protected person, subject) are all British: an application form lists only GBR. Kosovo
# writes RKS; ISO has no code and lists in use write XKX, so both sides compare as XKX.
_ISO_NATIONALITY = {
    "D": "DEU",
    "GBD": "GBR",
    "GBN": "GBR",
    "GBO": "GBR",
    "GBP": "GBR",
    "GBS": "GBR",
    "RKS": "XKX",
}


@dataclass(frozen=True)
class MrzFields:
    """What the zone says, fillers removed; names as 'FAMILY<<GIVEN<NAMES' becomes 'FAMILY' and 'GIVEN NAMES'.

    ``sex`` is 'M', 'F' or 'X' (unspecified, '<' in the zone); dates are None when unreadable or left unknown.
    """

    document_code: str = ""
    issuing_state: str = ""
    document_number: str = ""
    family_name: str = ""
    given_names: str = ""
    nationality: str = ""
    date_of_birth: date | None = None
    sex: str = ""
    expiry: date | None = None
    optional_data: str = ""


@dataclass(frozen=True)
class MrzResult:
    """The parsed zone; ``valid`` only when the zone is well formed and every check digit holds."""

    valid: bool
    format: str
    fields: MrzFields
    errors: tuple[str, ...]


def check_digit(data: str) -> int:
    """Doc 9303 check digit: weights 7, 3, 1 over digits, letters A=10..Z=35 and '<'=0, modulo 10."""
    return sum(_VALUES[c] * _WEIGHTS[i % 3] for i, c in enumerate(data)) % 10


def _holds(data: str, check: str) -> bool:
    return check.isdigit() and int(check) == check_digit(data)


# ------------------------------------------------------------------------------------------------------- cleanup


def _raw_lines(text: str) -> list[str]:
    """Lines in upper case with every space and control character gone; empty lines dropped."""
    upper = "".join(c.upper() if c.isascii() else c for c in text)
    lines = ("".join(c for c in line if c.isprintable() and not c.isspace()) for line in upper.splitlines())
    return [line for line in lines if line]


def _with_fillers(lines: list[str]) -> tuple[list[str], bool]:
    """Lines with a consistently used stand-in for '<' read as '<'; True when stray characters remain."""
    strays = {c for line in lines for c in line if c not in _ALLOWED}
    if len(strays) == 1 and not any(FILLER in line for line in lines):
        stand_in = strays.pop()
        return [line.replace(stand_in, FILLER) for line in lines], False
    if not strays:
        return lines, False
    return ["".join(c if c in _ALLOWED else FILLER for c in line) for line in lines], True


def _shape(lines: list[str]) -> tuple[str, list[str]] | None:
    """The format and its lines, from line breaks, from the total length, or from lines missing trailing fillers."""
    count, widest = len(lines), max((len(line) for line in lines), default=0)
    joined = "".join(lines)
    for name, (rows, width) in _ZONE_SHAPES.items():
        if count == rows and all(len(line) == width for line in lines):
            return name, lines
    for name, (rows, width) in _ZONE_SHAPES.items():
        if len(joined) == rows * width:
            return name, [joined[i : i + width] for i in range(0, rows * width, width)]
    for name, (rows, width) in _ZONE_SHAPES.items():
        if count == rows and widest == width:
            return name, [line.ljust(width, FILLER) for line in lines]
    return None


def _visa_or_not(name: str, lines: list[str]) -> str:
    """Visas start with 'V' (Doc 9303 part 7); TD2 and TD3 documents never do."""
    visa = lines[0].startswith("V")
    if name in ("TD2", "MRVB"):
        return "MRVB" if visa else "TD2"
    if name in ("TD3", "MRVA"):
        return "MRVA" if visa else "TD3"
    return name


def _guess_format(lines: list[str]) -> str:
    widths = {width: name for name, (_, width) in _ZONE_SHAPES.items() if not name.startswith("MRV")}
    return widths.get(max((len(line) for line in lines), default=0), UNKNOWN)


# -------------------------------------------------------------------------------------------------------- fields


def _text(field: str) -> str:
    return " ".join(field.replace(FILLER, " ").split())


def _names(field: str) -> tuple[str, str]:
    family, _, given = field.partition(FILLER * 2)
    return _text(family), _text(given)


def _date_of_birth(field: str, today: date) -> date | None:
    for century in (2000, 1900):
        born = _date(century, field)
        if born is not None and born <= today:
            return born
    return None


def _expiry(field: str, today: date) -> date | None:
    """The century that puts the expiry within fifty years of today, either way."""
    century, year = 2000, int(field[:2])
    if century + year > today.year + 50:
        century -= 100
    elif century + year < today.year - 50:
        century += 100
    return _date(century, field)


def _date(century: int, field: str) -> date | None:
    try:
        return date(century + int(field[:2]), int(field[2:4]), int(field[4:6]))
    except ValueError:
        return None


def _read_date(field: str, name: str, today: date, errors: list[str]) -> date | None:
    """A YYMMDD date; fillers mean the issuer left it unknown (allowed), anything else unreadable is an error."""
    if FILLER in field and all(c.isdigit() or c == FILLER for c in field):
        return None
    value = None
    if field.isdigit():
        value = _date_of_birth(field, today) if name == "date_of_birth" else _expiry(field, today)
    if value is None:
        errors.append(f"{name}_invalid")
    return value


def _check(data: str, check: str, name: str, errors: list[str]) -> None:
    if not _holds(data, check):
        errors.append(f"{name}_check")


def _document_number(number: str, check: str, optional: str, errors: list[str]) -> tuple[str, str]:
    """The number and what remains of the optional data; a long number continues into the optional data.

    Doc 9303 part 5 (TD1) and part 6 (TD2): over nine characters, the check digit's place holds '<' and the
    optional data starts with the rest of the number, its check digit, and a filler.
    """
    if check == FILLER and number[-1:] != FILLER:
        extension = optional.split(FILLER, 1)[0]
        full = number + extension[:-1]
        _check(full, extension[-1:], "document_number", errors)
        return full, optional[len(extension) :]
    _check(number, check, "document_number", errors)
    return number.rstrip(FILLER), optional


def _code(field: str, name: str, errors: list[str]) -> str:
    if not all(c.isalpha() or c == FILLER for c in field):
        errors.append(f"{name}_invalid")
    return field.replace(FILLER, "")


def _sex(char: str, errors: list[str]) -> str:
    if char not in _SEXES:
        errors.append("sex_invalid")
        return ""
    return _SEXES[char]


def _name_field(field: str, errors: list[str]) -> tuple[str, str]:
    if not all(c.isalpha() or c == FILLER for c in field):
        errors.append("name_invalid")
    return _names(field)


# ------------------------------------------------------------------------------------------------------- formats


def _td1(lines: list[str], today: date, errors: list[str]) -> MrzFields:
    top, middle, bottom = lines
    number, optional = _document_number(top[5:14], top[14], top[15:30], errors)
    _check(middle[0:6], middle[6], "date_of_birth", errors)
    _check(middle[8:14], middle[14], "expiry", errors)
    _check(top[5:30] + middle[0:7] + middle[8:15] + middle[18:29], middle[29], "composite", errors)
    family, given = _name_field(bottom, errors)
    return MrzFields(
        document_code=top[0:2].replace(FILLER, ""),
        issuing_state=_code(top[2:5], "issuing_state", errors),
        document_number=_whole_number(number, errors),
        family_name=family,
        given_names=given,
        nationality=_code(middle[15:18], "nationality", errors),
        date_of_birth=_read_date(middle[0:6], "date_of_birth", today, errors),
        sex=_sex(middle[7], errors),
        expiry=_read_date(middle[8:14], "expiry", today, errors),
        optional_data=" ".join(part for part in (_text(optional), _text(middle[18:29])) if part),
    )


def _whole_number(number: str, errors: list[str]) -> str:
    """A document number is left-aligned letters and digits: a filler inside it (``<0``) is no number."""
    if FILLER in number:
        errors.append("document_number_invalid")
    return number


def _two_lines(name: str, lines: list[str], today: date, errors: list[str]) -> MrzFields:
    """TD2, TD3 and both visas share their second line up to the expiry check digit; the rest differs."""
    top, bottom = lines
    end = len(bottom)
    if name in ("MRVA", "MRVB"):  # visas: optional data to the end, no composite check digit
        number, optional = bottom[0:9].rstrip(FILLER), bottom[28:end]
        _check(bottom[0:9], bottom[9], "document_number", errors)
    elif name == "TD3":  # the personal number has its own check digit, '<' when the field is empty
        number, optional = bottom[0:9].rstrip(FILLER), bottom[28:42]
        _check(bottom[0:9], bottom[9], "document_number", errors)
        if not (bottom[42] == FILLER and optional == FILLER * 14):
            _check(optional, bottom[42], "optional_data", errors)
    else:  # TD2
        number, optional = _document_number(bottom[0:9], bottom[9], bottom[28:35], errors)
    _check(bottom[13:19], bottom[19], "date_of_birth", errors)
    _check(bottom[21:27], bottom[27], "expiry", errors)
    if name in ("TD2", "TD3"):
        _check(bottom[0:10] + bottom[13:20] + bottom[21 : end - 1], bottom[end - 1], "composite", errors)
    family, given = _name_field(top[5:], errors)
    return MrzFields(
        document_code=top[0:2].replace(FILLER, ""),
        issuing_state=_code(top[2:5], "issuing_state", errors),
        document_number=_whole_number(number, errors),
        family_name=family,
        given_names=given,
        nationality=_code(bottom[10:13], "nationality", errors),
        date_of_birth=_read_date(bottom[13:19], "date_of_birth", today, errors),
        sex=_sex(bottom[20], errors),
        expiry=_read_date(bottom[21:27], "expiry", today, errors),
        optional_data=_text(optional),
    )


# --------------------------------------------------------------------------------------------------------- public


def parse_mrz(text: str, today: date | None = None) -> MrzResult:
    """Read a machine-readable zone as a reader typed it. Never raises; see the module docstring for the cleanup.

    ``today`` settles two-digit years: a birth date is never in the future, an expiry is within fifty years.
    """
    today = today or date.today()
    lines, stray = _with_fillers(_raw_lines(text))
    shaped = _shape(lines)
    if shaped is None:
        guess = _guess_format(lines)
        return MrzResult(False, guess, MrzFields(), ("unknown_format" if guess == UNKNOWN else "wrong_length",))
    name, lines = shaped
    name = _visa_or_not(name, lines)
    errors = ["invalid_character"] if stray else []
    fields = _td1(lines, today, errors) if name == "TD1" else _two_lines(name, lines, today, errors)
    return MrzResult(not errors, name, fields, tuple(errors))


def iso_nationality(code: str) -> str:
    """The ISO 3166-1 alpha-3 code for an MRZ nationality or state code ('D' and 'D<<' -> 'DEU')."""
    plain = code.replace(FILLER, "").strip().upper()
    return _ISO_NATIONALITY.get(plain, plain)


def truncated_parts(family_name: str | None, given_names: str | None) -> tuple[bool, bool]:
    """Whether the family name and the given names, as read from a zone, may have been cut at a full name field.

    Only the last part written can be cut: the given names, or the family name when it filled the field alone.
    """
    family = family_name or ""
    if not given_names:
        return len(family) in NAME_FIELD_LENGTH.values(), False
    return False, len(family) + 2 + len(given_names) in NAME_FIELD_LENGTH.values()


def to_presented(result: MrzResult) -> PresentedDocument:
    """The document as the rules compare it; parts the zone did not hold (or cut off entirely) are None."""
    fields = result.fields
    field_length = NAME_FIELD_LENGTH.get(result.format, 0)
    given_cut_off = not fields.given_names and len(fields.family_name) >= field_length
    return PresentedDocument(
        number=fields.document_number,
        family_name=fields.family_name or None,
        given_names=None if given_cut_off else fields.given_names,
        date_of_birth=fields.date_of_birth,
        nationality=iso_nationality(fields.nationality) or None,
        expiry=fields.expiry,
    )


def result_json(result: MrzResult) -> dict[str, object]:
    """The result as ``desk-app mrz`` prints it: codes as the zone writes them, dates as YYYY-MM-DD or null."""
    fields = result.fields
    return {
        "valid": result.valid,
        "format": result.format,
        "fields": {
            "document_number": fields.document_number,
            "family_name": fields.family_name,
            "given_names": fields.given_names,
            "nationality": fields.nationality,
            "date_of_birth": fields.date_of_birth.isoformat() if fields.date_of_birth else None,
            "expiry": fields.expiry.isoformat() if fields.expiry else None,
            "sex": fields.sex,
            "issuing_state": fields.issuing_state,
        },
        "errors": list(result.errors),
    }
