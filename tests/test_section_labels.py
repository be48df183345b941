"""Parts of a report named by the labels of its own headings ("B2")."""

from pathlib import Path

from assistant.answers.section_labels import labelled_sections
from ingest.readers import read_report

_GREYHAVEN = Path(__file__).parent / "data" / "layouts" / "full-joint-greyhaven-2016.txt"


def _report():
    return read_report(_GREYHAVEN.read_text(encoding="utf-8"))


def test_a_label_names_the_part_its_heading_carries():
    report = _report()
    named = labelled_sections("Greyhaven B2 - what needed to improve?", report)
    assert [s.name for s in named] == ["Protecting the public"]
    assert [s.name for s in labelled_sections("b3 strengths?", report)] == [
        "Protecting the child or young person"
    ]


def test_a_label_no_heading_carries_names_nothing():
    report = _report()
    # Greyhaven's parts are lettered B; "C2" and a plain "2.1" name none of its findings parts
    assert labelled_sections("what did C2 say?", report) == []
    assert labelled_sections("what went wrong in 2.1?", report) == []
    assert labelled_sections("how did the YOT do?", report) == []
