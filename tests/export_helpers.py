"""Reading an assignment's spreadsheet exports back: the header block, then the table(s)."""

import csv
import io


def _blank(row):
    return all(value in (None, "") for value in row)


def header_block(rows):
    """The header block's label -> value, up to the first blank row."""
    block = {}
    for row in rows:
        if _blank(row):
            break
        block[row[0]] = row[1] if len(row) > 1 else ""
    return block


def sheet_table(sheet):
    """A worksheet's table (its column headers first) as lists of cells, the header block left out."""
    rows = [list(row) for row in sheet.iter_rows()]
    values = [[cell.value for cell in row] for row in rows]
    start = next(index for index, row in enumerate(values) if _blank(row)) + 1
    return rows[start:]


def sheet_values(sheet):
    return [[cell.value for cell in row] for row in sheet_table(sheet)]


def csv_tables(text):
    """The CSV's tables after the header block: {title: rows}; a lone table under the key None."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    parts, current = [], None
    for row in rows[len(header_block(rows)) + 1 :]:
        if _blank(row):
            current = None
            continue
        if current is None:
            current = []
            parts.append(current)
        current.append(row)
    if len(parts) == 1:
        return {None: parts[0]}
    return {part[0][0]: part[1:] for part in parts}
