"""The README.txt of a CSV export: the format, every file and column, and how to read them.

Generated from the tables themselves (their descriptions and column kinds), so it always
describes exactly the files beside it.
"""

from __future__ import annotations

import textwrap

from annotator.core.export.model import ColumnKind, ExportTables, Table

KIND_WORDS: dict[ColumnKind, str] = {
    ColumnKind.TEXT: "text",
    ColumnKind.LONG_TEXT: "text, may hold line breaks",
    ColumnKind.INTEGER: "whole number",
    ColumnKind.NUMBER: "decimal number, full precision",
    ColumnKind.PERCENT: "share between 0 and 1 (0.25 = 25%)",
    ColumnKind.DATETIME: "date and time, ISO 8601, UTC",
    ColumnKind.FLAG: "0 or 1",
}

FORMAT = """\
FORMAT
  * UTF-8 without a byte-order mark; comma-separated; "." as the decimal mark.
  * RFC 4180 quoting: a field holding a comma, a double quote or a line break is enclosed
    in double quotes, and its double quotes are doubled. Line breaks inside a text are kept
    exactly as they were, inside the quotes. Records end with CRLF.
  * The first line holds the column names. There is no row-number column.
  * An empty field is a missing value (an empty text looks the same).
  * Dates and times are ISO 8601 in UTC with a trailing Z, e.g. 2024-06-25T10:00:00Z
    (with microseconds, .123456Z, in a column where any value has them).
  * start, end and lengths count characters as Unicode code points (Python's len(), R's
    nchar(type = "chars")), not UTF-16 units or bytes: quote == text[start:end] in Python,
    substr(text, start + 1, end) in R.
  * Values are written verbatim, as data. Do not open these files in Excel: it guesses the
    encoding, breaks rows at line breaks, turns ids into numbers and may run a text that
    starts with "=" as a formula. For Excel, export an .xlsx workbook instead.

READING THE FILES
  Read columns listed as text as text (ids such as external_id can look like numbers, and
  a post may say "NA"); treat only empty fields as missing.

  R (readr):
    library(readr)
    posts <- read_csv("posts.csv", na = "",
                      col_types = cols(external_id = col_character(), .default = col_guess()))

  Python (pandas):
    import pandas as pd
    posts = pd.read_csv("posts.csv", keep_default_na=False, na_values=[""],
                        dtype={"external_id": str}, parse_dates=["date_utc"])
"""

RELIABILITY = """\
reliability/
  One file per span code: the reliability data of agreement at the post level. Rows are
  the posts finished by two or more coders (first column post_id), one column per coder
  (header = coder name). 1 = the coder applied the code somewhere in the post; 0 = the
  coder finished the post without applying it; empty = the coder did not finish the post
  (missing, not 0). index.csv lists which file holds which code path (file names are
  made safe for every operating system, so they can differ from the path).

  R (irr), for one code:
    library(irr)
    m <- read.csv("reliability/{example}", check.names = FALSE)
    kripp.alpha(t(as.matrix(m[, -1])), method = "nominal")

  Python (krippendorff), for one code:
    import krippendorff, pandas as pd
    m = pd.read_csv("reliability/{example}", index_col="post_id")
    krippendorff.alpha(reliability_data=m.T.to_numpy(), level_of_measurement="nominal")

  Both give the alpha of that code in agreement.csv (when exported).
"""


def readme_text(
    tables: ExportTables, files: list[tuple[str, Table]], reliability: dict[str, str]
) -> str:
    """The README for ``files`` (file name, table) and reliability file names
    (code path -> file name), with the project and export time from ``tables.about``."""
    about = dict(tables.about)
    lines = [
        "Annotator export: tidy CSV files",
        "",
        f"Project: {about.get('Project file', '')}",
        f"Exported at (UTC): {about.get('Exported at (UTC)', '')}",
        "",
        FORMAT,
        "FILES",
        "",
        "about.csv",
        "  What was exported, from which project, when, and with which choices:",
        "  columns field and value (text).",
        "",
    ]
    for name, table in files:
        lines.append(name)
        lines.append(textwrap.fill(table.description, width=88, initial_indent="  ",
                                   subsequent_indent="  "))
        lines.append(f"  {len(table.frame):,} rows. Columns:")
        width = max((len(str(column)) for column in table.frame.columns), default=0)
        for column in table.frame.columns:
            kind = table.kinds.get(str(column), ColumnKind.TEXT)
            lines.append(f"    {str(column):<{width}}  {KIND_WORDS[kind]}")
        lines.append("")
    if reliability:
        example = next(iter(reliability.values()))
        lines.append(RELIABILITY.replace("{example}", example))
    lines.append("README.txt")
    lines.append("  This file.")
    return "\n".join(lines) + "\n"
