"""A criterion named by a word it shares with a criterion of another section: both are meant.

A core case report assesses and then delivers the same work: 1.2 Likelihood of Reoffending and
2.2 Reducing the Likelihood of Reoffending, 1.3 Safeguarding and 2.3 Safeguarding the child or
young person. "What were they good at on the reoffending side?" names neither in full, so the
findings of both answer it. A question naming one in full ("safeguarding"), or naming the part
of the work ("in their assessments", "during delivery"), keeps to what it names; two standards
of one name in different domains (2.1 and 3.1 Assessment) are told apart by their number."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answers.described_areas import described_names
from assistant.answers.intent import Target, find_criterion, name_key
from ingest.model import Criterion, Report
from ingest.text.stopwords import STOPWORDS
from ingest.text.tokens import stems

_STOP = frozenset(stems(" ".join(STOPWORDS)))


def _stems(text: str) -> frozenset[str]:
    return frozenset(stems(text.replace("-", " "))) - _STOP


def with_siblings(question: str, targets: list[Target], reports: Sequence[Report]) -> list[Target]:
    """``targets`` and, for each criterion target the question names only in part, the
    criteria of other sections whose names hold every word it was named by."""
    literal = _stems(question)
    out = list(targets)
    for report in reports:
        titles = {s.number: _stems(s.name) for s in report.sections}
        names = [_stems(c.name) for c in report.criteria]
        described = set().union(
            *(_stems(f) for f in described_names(question, names, _stems)), frozenset()
        )
        asked = literal | described
        # the part of the work the question names ("assessment", "delivery") decides
        parts = {n for n, t in titles.items() if t & literal}
        for t in targets:
            c = find_criterion(report, t)
            if c is None:
                continue
            own = _stems(c.name)
            matched = own & asked
            if not matched or own <= literal:
                continue
            for other in _others(report, c, matched, parts):
                sibling = Target("criterion", other.number, name_key(other.name))
                if sibling not in out:
                    out.append(sibling)
    return out


def _others(
    report: Report, c: Criterion, matched: frozenset[str], parts: set[int]
) -> list[Criterion]:
    own = _stems(c.name)
    return [
        o
        for o in report.criteria
        if o.section_number != c.section_number
        and (not parts or o.section_number in parts)
        and matched <= (name := _stems(o.name))
        and name != own
    ]
