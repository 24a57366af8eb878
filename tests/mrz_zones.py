"""Machine-readable zones with valid check digits, built field by field (the check digits computed independently of
desk_app.core.mrz): the MRZ tests, and the X session suite's passport reader, type them."""

from __future__ import annotations


def digit(data: str) -> str:
    """Check digit written out independently of the module under test."""
    values = {**{str(n): n for n in range(10)}, **{chr(65 + n): 10 + n for n in range(26)}, "<": 0}
    return str(sum(values[c] * (7, 3, 1)[i % 3] for i, c in enumerate(data)) % 10)


# ---------------------------------------------------------------------------------------------- zone builders


def td3(
    *,
    code: str = "P<",
    state: str = "UTO",
    name: str = "ERIKSSON<<ANNA<MARIA",
    number: str = "L898902C3",
    nationality: str = "UTO",
    born: str = "740812",
    sex: str = "F",
    expires: str = "120415",
    personal: str = "",
    personal_check: str | None = None,
) -> str:
    top = (code + state + name).ljust(44, "<")
    number = number.ljust(9, "<")
    personal = personal.ljust(14, "<")
    check = personal_check if personal_check is not None else digit(personal)
    bottom = number + digit(number) + nationality + born + digit(born) + sex + expires + digit(expires)
    bottom += personal + check
    return top + "\n" + bottom + digit(bottom[0:10] + bottom[13:20] + bottom[21:43])


def td2(
    *,
    code: str = "I<",
    state: str = "UTO",
    name: str = "ERIKSSON<<ANNA<MARIA",
    number: str = "D23145890",
    nationality: str = "UTO",
    born: str = "740812",
    sex: str = "F",
    expires: str = "120415",
    optional: str = "",
) -> str:
    top = (code + state + name).ljust(36, "<")
    number_field, check, optional = long_number(number, optional, 7)
    bottom = number_field + check + nationality + born + digit(born) + sex + expires + digit(expires) + optional
    return top + "\n" + bottom + digit(bottom[0:10] + bottom[13:20] + bottom[21:35])


def td1(
    *,
    code: str = "I<",
    state: str = "UTO",
    name: str = "ERIKSSON<<ANNA<MARIA",
    number: str = "D23145890",
    nationality: str = "UTO",
    born: str = "740812",
    sex: str = "F",
    expires: str = "120415",
    optional: str = "",
    optional2: str = "",
) -> str:
    number_field, check, optional = long_number(number, optional, 15)
    top = code + state + number_field + check + optional
    middle = born + digit(born) + sex + expires + digit(expires) + nationality + optional2.ljust(11, "<")
    middle += digit(top[5:30] + middle[0:7] + middle[8:15] + middle[18:29])
    return "\n".join([top, middle, name.ljust(30, "<")])


def mrv(
    *,
    width: int,
    code: str = "V<",
    state: str = "UTO",
    name: str = "ERIKSSON<<ANNA<MARIA",
    number: str = "L8988901C",
    nationality: str = "XXX",
    born: str = "400907",
    sex: str = "F",
    expires: str = "961210",
    optional: str = "",
) -> str:
    number = number.ljust(9, "<")
    bottom = number + digit(number) + nationality + born + digit(born) + sex + expires + digit(expires) + optional
    return (code + state + name).ljust(width, "<") + "\n" + bottom.ljust(width, "<")


def long_number(number: str, optional: str, width: int) -> tuple[str, str, str]:
    """Number field, its check character and the optional data field, with a long number spilling over."""
    if len(number) <= 9:
        return number.ljust(9, "<"), digit(number.ljust(9, "<")), optional.ljust(width, "<")
    spilled = number[9:] + digit(number) + "<" + optional
    return number[:9], "<", spilled.ljust(width, "<")
