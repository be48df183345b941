"""Each cue of the claims' language (assistant/claims/cues.yaml) matches its examples and none of
its counterexamples."""

from __future__ import annotations

import pytest

from ingest.text.resources import load_cues

CUES = load_cues("assistant.claims", "cues.yaml")


@pytest.mark.parametrize("name", sorted(CUES))
def test_every_claim_cue_matches_its_examples_and_not_its_counterexamples(name):
    cue = CUES[name]
    for example in cue.examples:
        assert cue.pattern.search(example), (name, example)
    for counter in cue.counterexamples:
        assert not cue.pattern.search(counter), (name, counter)


def test_a_question_tag_is_no_negation():
    from assistant.claims.wording import negation_in

    assert negation_in("Sefton scored 46% on risk of harm, didn't it?") is None
    assert negation_in("Safeguarding didn't reach 60%.") == "attached"
