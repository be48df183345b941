"""A criterion named by a word it shares with a criterion of another section: both are meant,
unless the question names one in full or names the part of the work."""

from __future__ import annotations

from pathlib import Path

from assistant.answers.intent import Target, name_key
from assistant.answers.sibling_criteria import with_siblings
from ingest.readers import read_report

HARROWFIELD = Path(__file__).parent / "data" / "formats" / "ratings-harrowfield-2021.txt"


def _target(report, number: str) -> Target:
    c = report.criterion(number)
    return Target("criterion", c.number, name_key(c.name))


def _keys(targets) -> list[str]:
    return [t.key for t in targets]


def test_a_criterion_named_in_part_brings_its_sibling(fictional_report):
    # "reoffending" names 1.2 Likelihood of Reoffending and 2.2 Reducing the Likelihood of
    # Reoffending alike
    targets = [_target(fictional_report, "1.2")]
    out = with_siblings(
        "what were they good at on the reoffending side?", targets, [fictional_report]
    )
    assert _keys(out) == ["1.2", "2.2"]


def test_an_area_described_in_other_words_brings_both_safeguarding_criteria(fictional_report):
    targets = [_target(fictional_report, "1.3")]
    out = with_siblings("how well did they keep kids safe?", targets, [fictional_report])
    assert _keys(out) == ["1.3", "2.3"]


def test_a_criterion_named_in_full_or_by_its_part_of_the_work_stays_alone(fictional_report):
    targets = [_target(fictional_report, "1.3")]
    for question in (
        "what were the strengths in safeguarding?",  # 1.3's whole name
        "what was lacking in their vulnerability assessments?",  # section 1 assesses
    ):
        assert _keys(with_siblings(question, targets, [fictional_report])) == ["1.3"], question


def test_standards_of_one_name_in_two_domains_are_not_siblings():
    report = read_report(HARROWFIELD.read_text(encoding="utf-8"), str(HARROWFIELD))
    targets = [_target(report, "2.1")]
    assert _keys(with_siblings("court assessment: good and bad", targets, [report])) == ["2.1"]
    assert _keys(with_siblings("their assessment work?", targets, [report])) == ["2.1"]
