"""The region a report states: every example in region.yaml reads as its region, every
counterexample as none, and the fixtures that state one carry it on their Report."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.readers import read_report
from ingest.readers.region import stated_region
from ingest.text.resources import load_yaml

DATA = load_yaml("ingest.readers", "region.yaml")
FORMATS = Path(__file__).resolve().parent / "data" / "formats"


@pytest.mark.parametrize(("text", "region"), list(DATA["examples"].items()))
def test_examples_read_as_their_region(text, region):
    assert stated_region(text) == region


@pytest.mark.parametrize("text", DATA["counterexamples"])
def test_counterexamples_state_no_region(text):
    assert stated_region(text) is None


def test_a_name_outside_the_list_is_not_a_region():
    assert stated_region("The YOT was located in the Narnia region of England.") is None


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("core-comparison-wessex-vale-2011.txt", "South West"),
        ("core-reinspection-northbridge-2011.txt", "Yorkshire and Humberside"),
        ("ratings-harrowfield-2021.txt", None),  # states none: none is invented
    ],
)
def test_fixture_reports_carry_the_region_they_state(name, region):
    path = FORMATS / name
    assert read_report(path.read_text(encoding="utf-8"), str(path)).region == region
