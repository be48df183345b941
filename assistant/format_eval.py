"""Per-format evaluation: what was read from a report of each format, and how many of a
handful of questions and claims about it come out right.

The formats and their questions are data (`tests/data/formats_questions.yaml`): each entry
names a report file, the questions (with what a right answer must and must not say, and
whether the report answers it at all) and the claims (with their verdict). Each report is
asked about on its own, in a store of its own, so a question need not name it.
`benchmarks/bench_formats.py` prints the table, for the text files and their PDF round trip.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from assistant.settings import PACKAGE_ROOT
from ingest.model import Report, Role, Unit

DEFAULT_QUESTIONS = PACKAGE_ROOT / "tests" / "data" / "formats_questions.yaml"

# The columns of the counts, in the order they are printed.
COUNTS = (
    "measures",
    "ratings",
    "points",
    "key questions",
    "findings",
    "recommendations",
    "with owner",
    "facts",
    "glossary",
)


def count_report(report: Report) -> dict[str, int]:
    """What a reader found in ``report``, counted by kind."""
    scores = report.all_scores()
    findings = sum(len(c.strengths) + len(c.areas_for_improvement) for c in report.criteria)
    findings += sum(len(s.findings) for s in report.sections)
    return {
        "measures": len(scores),
        "ratings": sum(s.unit == Unit.RATING for s in scores),
        "points": sum(s.unit == Unit.POINTS for s in scores),
        "key questions": sum(s.kind == Role.KEY_QUESTION for s in scores),
        "findings": findings,
        "recommendations": len(report.recommendations),
        "with owner": sum(bool(r.owner) for r in report.recommendations),
        "facts": len(report.facts),
        "glossary": len(report.glossary),
    }


@dataclass
class Question:
    question: str
    must: list[str] = field(default_factory=list)  # what a right answer says (any case)
    must_not: list[str] = field(default_factory=list)
    found: bool = True  # whether the report answers it at all
    held_out: bool = False  # written after the rest, never tuned on


@dataclass
class Claim:
    claim: str
    verdict: str  # supported | contradicted | unverifiable
    held_out: bool = False


@dataclass
class FormatCase:
    name: str
    file: Path
    questions: list[Question]
    claims: list[Claim]


@dataclass
class FormatResult:
    name: str
    format: str  # the format the reader chose
    counts: dict[str, int]
    right: int  # of the rows the work was tuned on
    total: int
    misses: list[str] = field(default_factory=list)
    held_right: int = 0  # of the held-out rows, written last and never tuned on
    held_total: int = 0


def load_cases(path: Path = DEFAULT_QUESTIONS) -> list[FormatCase]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        FormatCase(
            name=entry["name"],
            file=PACKAGE_ROOT / entry["file"],
            questions=[Question(**q) for q in entry.get("questions", [])],
            claims=[Claim(**c) for c in entry.get("claims", [])],
        )
        for entry in data["formats"]
    ]


def _question_problem(findings, q: Question, text: str) -> str | None:
    a = findings.ask(q.question)
    said = a.answer.casefold()
    if a.found is not q.found:
        return f"found={a.found}"
    missing = [m for m in q.must if m.casefold() not in said]
    if missing:
        return f"missing {missing}"
    wrong = [m for m in q.must_not if m.casefold() in said]
    if wrong:
        return f"says {wrong}"
    if q.found and not a.citations:
        return "no citation"
    if any(not c.quote or c.quote not in text for c in a.citations):
        return "a quote not in the text"
    return None


def evaluate_case(
    case: FormatCase, make_findings: Callable[[Path, list[Path]], object], file: Path | None = None
) -> FormatResult:
    """Read ``file`` (the case's own file unless given, e.g. its PDF), count what was read and
    ask the case's questions and claims of it alone."""
    from assistant.claims import check_claim

    with tempfile.TemporaryDirectory() as tmp:
        findings = make_findings(Path(tmp) / "store", [file or case.file])
        (report,) = findings.reports()
        misses: list[tuple[bool, str]] = []
        for q in case.questions:
            problem = _question_problem(findings, q, report.text)
            if problem:
                misses.append((q.held_out, f"{q.question}: {problem}"))
        for c in case.claims:
            verdict = check_claim(c.claim, [report]).verdict
            if verdict != c.verdict:
                misses.append((c.held_out, f"{c.claim}: {verdict}, not {c.verdict}"))
        rows = [*case.questions, *case.claims]
        held = sum(r.held_out for r in rows)
        held_missed = sum(h for h, _ in misses)
        return FormatResult(
            case.name,
            report.format,
            count_report(report),
            right=len(rows) - held - (len(misses) - held_missed),
            total=len(rows) - held,
            misses=[("held out: " if h else "") + m for h, m in misses],
            held_right=held - held_missed,
            held_total=held,
        )


def table_rows(results: Sequence[FormatResult]) -> list[list[str]]:
    """Header and one row per result: the name, the format read, the counts, right/total of
    the tuned rows and of the held-out ones."""
    rows = [["format", "read as", *COUNTS, "right", "held out"]]
    for r in results:
        counts = [str(r.counts[k]) for k in COUNTS]
        right, held = f"{r.right}/{r.total}", f"{r.held_right}/{r.held_total}"
        rows.append([r.name, r.format, *counts, right, held])
    return rows
