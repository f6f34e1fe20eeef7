"""Spreadsheet cells that never run as formulas: one rule for every CSV and Excel export.

Text someone typed (a team name, a pain point, a coach's comment) that begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return would open as a live formula in Excel or LibreOffice
(OWASP "CSV injection"); such text is written with a leading single quote. Numbers, dates and
text that is just a number ("-12.5") are written as they are.
"""

import re

from django.utils.functional import Promise

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value):
    """The value to write in a spreadsheet cell: formula-like text quoted, anything else unchanged."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(values):
    """A row of cells for a spreadsheet, each through ``safe_cell``."""
    return [safe_cell(value) for value in values]
