"""Parts of a report named by the label its own headings give them ("B2", "part b3"): a
full joint inspection heads its areas of work "B1  REDUCING REOFFENDING", and staff ask for
them by that label. The label is read from the report's heading lines, never assumed from a
format, so a report that labels its parts otherwise is read by its own labels."""

from __future__ import annotations

import re

from ingest.model import Report, Section

# a letter and a number written as one word: "B2", "b3"; "2.1" and "section 2" are read elsewhere
_LABEL = re.compile(r"\b([A-Za-z])(\d{1,2})\b")


def labelled_sections(question: str, report: Report) -> list[Section]:
    """The sections with findings whose heading in ``report`` starts with a label the question
    names ("B2" for "B2  PROTECTING THE PUBLIC"), in the question's order."""
    labels = [(letter.upper(), int(number)) for letter, number in _LABEL.findall(question)]
    if not labels:
        return []
    out: list[Section] = []
    for letter, number in labels:
        for section in report.sections:
            if section.number != number or not section.findings or section in out:
                continue
            if _headed(report.text, f"{letter}{number}", section.name):
                out.append(section)
    return out


def _headed(text: str, label: str, name: str) -> bool:
    """Whether a line of ``text`` is the heading ``label`` then ``name`` (any case, spacing)."""
    words = r"\W+".join(re.escape(w) for w in re.findall(r"\w+", name))
    pattern = rf"(?im)^[ \t]*{re.escape(label)}\b[ \t.:)\-]*{words}\b"
    return re.search(pattern, text) is not None
