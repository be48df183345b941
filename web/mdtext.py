"""Untrusted text (report wording, questions, answers) made inert inside Markdown: no links,
images, HTML, emphasis or headings can come from it, whatever renders the file."""

from __future__ import annotations

import re

# What turns text into markup: emphasis and code (* _ `), links and images ([ ] - a link
# needs brackets, so parentheses stay readable), HTML and autolinks (< >), entities (&),
# tables and strikethrough (| ~), and the backslash itself.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
# Only at the start of a line: headings, list items, setext underlines.
_LINE_START = re.compile(r"^(\s*)([#=+-]|\d+(?=[.)]))")
_BULLET = re.compile(r"^\s*[-\u2022*]\s+(.*)$")


def inline(text: str) -> str:
    """One line of inert text: whitespace (newlines included) collapsed, syntax escaped."""
    line = " ".join(str(text).split())
    line = _INLINE.sub(r"\\\1", line)
    return _LINE_START.sub(_escape_start, line)


def _escape_start(m: re.Match) -> str:
    mark = m.group(2)
    # "1." is a list item: the escape goes before the dot (a backslash before a digit stays).
    return m.group(1) + (mark + "\\" if mark[0].isdigit() else "\\" + mark)


def block(text: str) -> str:
    """Several lines of inert text; lines that are bullets ('- ', '• ') stay a bullet list."""
    lines = []
    for line in str(text).strip().split("\n"):
        bullet = _BULLET.match(line)
        lines.append("- " + inline(bullet.group(1)) if bullet else inline(line))
    return "\n".join(lines)
