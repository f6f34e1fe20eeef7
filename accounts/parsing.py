"""Reading numbers people (or anyone) put in a URL or a form field by hand."""

#: The largest id a database column holds.
ID_MAX = 2**63 - 1


def ascii_number(value, maximum=ID_MAX):
    """A non-negative whole number typed in ASCII digits, at most `maximum`; None for anything
    else ("²".isdigit() is true, and a number past a column's range fails in the database)."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
        number = int(value)
        if number <= maximum:
            return number
    return None
