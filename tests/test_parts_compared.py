"""Parts of one report set side by side (assistant/answers/routes/domains.py): a ratings
domain by its standards' ratings, a 2012-2017 area of work by its own judgement."""

from __future__ import annotations

from pathlib import Path

from assistant.answers.routes.domains import answer_parts
from assistant.answers.routing import parse
from ingest.readers import read_report

FORMATS = Path(__file__).parent / "data" / "formats"


def _read(name: str):
    return read_report((FORMATS / name).read_text())


def test_an_area_of_work_is_compared_by_its_judgement():
    report = _read("inspection-2012-eastmere-2014.txt")
    q = "was Eastmere better on protecting the child than protecting the public"
    assert parse(q, [report], set()).route == "domains"
    a = answer_parts(q, report)
    assert a.found
    assert "Protecting the child: Good" in a.answer
    assert "Protecting the public: Unsatisfactory" in a.answer
    assert "1 Good" not in a.answer  # one judgement is not tallied


def test_a_domain_with_no_score_of_its_own_is_compared_by_its_standards():
    report = _read("ratings-harrowfield-2021.txt")
    q = "how did Harrowfield's court work compare with its out-of-court work?"
    intent = parse(q, [report], set())
    assert intent.route == "domains"  # not a comparison of two scores the report lacks
    a = answer_parts(q, report)
    assert (
        a.found
        and "2.2 Planning Inadequate" in a.answer
        and "3.1 Assessment Outstanding" in a.answer
    )
    # two standards of the domains are still compared as two measures
    intent = parse(
        "put Harrowfield's court planning next to its out-of-court planning", [report], set()
    )
    assert intent.route == "compare" and [t.key for t in intent.targets] == ["2.2", "3.2"]
