"""Several reports loaded, a question that names none: answered across the reports, or for
each report in turn, never silently from whichever report comes first.

Whether a route's answer is about the reports together (a comparison, an extreme, a count)
or about one report at a time (a score, findings, a date) is data: ``fanout.yaml``. A route of
the second kind is first answered over every report in scope, as it would be for one; the
reports that answer are those its citations quote (so a retrieved passage must be as good as
the best over all of them, not merely the best of a report that does not hold the answer).
Then each of them, up to a handful, is asked on its own, and the parts are given under a
heading per report, their citations renumbered into one list; the other reports are named.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache

from assistant.answers.citations import Citation
from assistant.answers.compose import Answer, label
from assistant.answers.intent import Intent, Target
from assistant.answers.passages import Passages
from assistant.answers.registry import Context, Route, dispatch
from ingest.model import Report
from ingest.text.resources import load_yaml

DEFAULT_LIMIT = 5


class Reach(StrEnum):
    ACROSS = "across"  # the route's answer is about the reports together
    EACH = "each"  # the route answers about one report at a time


@dataclass(frozen=True)
class Plan:
    reach: dict[Route, Reach]
    part_lines: int  # lines of one report's part at most
    names_listed: int  # report names listed at most
    searched_each: int  # reports searched one by one at most; more are searched together


@cache
def plan() -> Plan:
    data = load_yaml("assistant.answers", "fanout.yaml")
    reach: dict[Route, Reach] = {}
    for kind in Reach:
        for name in data.get(str(kind)) or []:
            route = Route(name)
            if route in reach:
                raise ValueError(f"fanout.yaml lists the route {name} twice")
            reach[route] = kind
    return Plan(
        reach, int(data["part_lines"]), int(data["names_listed"]), int(data["searched_each"])
    )


def searched_together(reports: Sequence[Report]) -> bool:
    """Too many reports to search one by one: one search across them all."""
    return len(reports) > plan().searched_each


def reach_of(route: str) -> Reach:
    """How a route answers a question that names no report; a route not listed is answered
    across the reports, as routes were before there was a choice."""
    return plan().reach.get(Route(route), Reach.ACROSS)


def fan_out(intent: Intent, ctx: Context, limit: int = DEFAULT_LIMIT) -> Answer:
    """The answer of the question's route, over the reports in scope."""
    if intent.named_reports or len(ctx.scoped) < 2 or reach_of(intent.route) != Reach.EACH:
        return dispatch(intent, ctx)
    # A report's passages are looked up once: a route that answers of each report already
    # retrieves them report by report, and asking that report again must not search again.
    ctx = replace(ctx, passages=_Remembered(ctx.passages))
    whole = dispatch(intent, ctx)
    if not whole.found:
        return whole
    order = {r.id: i for i, r in enumerate(ctx.scoped)}
    answering = [c.report for c in whole.citations if c.report in order]
    answering = list(dict.fromkeys(answering))  # in the order the answer gives them
    if len(answering) < 2:
        return whole  # one report answers: its answer names it
    by_id = {r.id: r for r in ctx.scoped}
    parts: list[tuple[Report, Answer]] = []
    silent: list[Report] = []
    for report_id in answering[:limit]:
        report = by_id[report_id]
        part = dispatch(copy.deepcopy(intent), replace(ctx, scoped=[report]))
        (parts if part.found and part.citations else silent).append((report, part))
    if not parts:
        return whole
    more = [by_id[i] for i in answering[limit:]]
    nothing = [r for r in ctx.scoped if r.id not in answering] + [r for r, _ in silent]
    nothing.sort(key=lambda r: order[r.id])
    if searched_together(ctx.scoped):
        # One search found the reports that answer best; the rest were not read one by one.
        unread = [r for r in ctx.scoped if r.id not in answering]
        return _composed(intent.route, parts, more + unread, [r for r, _ in silent])
    return _composed(intent.route, parts, more, nothing)


def composed(route: str, parts: Sequence[tuple[Report, Answer]]) -> Answer:
    """Answers about one report each, under a heading per report, with one citation list."""
    return _composed(route, parts, (), ())


class _Remembered:
    """The passages of one question, each report's best sentences retrieved once."""

    def __init__(self, passages: Passages):
        self._passages = passages
        self._best: dict[tuple, list] = {}

    def best_sentences(
        self, question: str, reports: list[str], kinds, index, per_report: int = 2, limit: int = 3
    ) -> list:
        key = (question, tuple(reports), tuple(kinds or ()), kinds is None, per_report, limit)
        if key not in self._best:
            self._best[key] = self._passages.best_sentences(
                question, reports, kinds, index, per_report, limit
            )
        return self._best[key]

    def __getattr__(self, name: str):
        return getattr(self._passages, name)


def _composed(
    route: str,
    parts: Sequence[tuple[Report, Answer]],
    more: Sequence[Report],
    nothing: Sequence[Report],
) -> Answer:
    p = plan()
    lines: list[str] = []
    citations: list[Citation] = []
    passages: list[str] = []
    about: list[Target] = []
    for report, part in parts:
        own = _own_lines(report, part.answer)
        cut = len(own) - p.part_lines
        own = own[: p.part_lines]
        renumbered = _renumber(own, part, citations, passages)
        if cut > 0:
            renumbered.append(f"(and {cut} more lines: ask about {label(report)} by name)")
        if renumbered and renumbered[0].startswith(label(report)):
            lines += renumbered  # its first line names the report already
        elif len(renumbered) == 1:
            lines.append(f"{label(report)}: {renumbered[0]}")
        else:
            lines.append(f"{label(report)}:")
            lines += renumbered
        about += [t for t in part.about if t not in about]
    if more:
        lines.append(f"Also loaded: {_names(more, p.names_listed)}; ask about one by name.")
    if nothing:
        lines.append(f"Nothing on this in: {_names(nothing, p.names_listed)}.")
    answer = Answer("\n".join(lines), True, citations, route=route, passages=passages)
    answer.about = about
    return answer


def _own_lines(report: Report, text: str) -> list[str]:
    """A part's lines without the report's name in front: the heading gives it once."""
    name = label(report)
    out = []
    for line in text.splitlines():
        if line.strip() in (name, f"{name}:"):
            continue
        for lead in (f"{name}: ", f"{name}, "):
            if line.startswith(lead):
                line = line[len(lead) :]
                line = line[:1].upper() + line[1:]
                break
        if line.strip():
            out.append(line)
    return out


_MARK = re.compile(r" \[(\d+)\]")


def _renumber(
    lines: list[str], part: Answer, citations: list[Citation], passages: list[str]
) -> list[str]:
    """The part's citation marks renumbered into the answer's one list; only the citations
    its kept lines refer to are added (one number per distinct quote)."""

    def mark(m: re.Match) -> str:
        n = int(m.group(1))
        if not 1 <= n <= len(part.citations):
            return m.group(0)
        citation = part.citations[n - 1]
        if citation not in citations:
            citations.append(citation)
            passages.append(part.passages[n - 1] if n <= len(part.passages) else citation.quote)
        return f" [{citations.index(citation) + 1}]"

    return [_MARK.sub(mark, line) for line in lines]


def _names(reports: Sequence[Report], most: int) -> str:
    shown = ", ".join(label(r) for r in reports[:most])
    rest = len(reports) - most
    return f"{shown} and {rest} more" if rest > 0 else shown
