"""Whether an answer answers: a question that asks for a number, a date, a place, a person, a
count or a definition (its kind's ``answer`` in ``kinds.yaml``) is answered only by a cited
unit that holds one (``answer_types.yaml``). Passages that merely share the question's words
are then no answer: ``found`` is false and they are offered as related, never as the answer.
"""

from __future__ import annotations

from assistant.answers.citations import Citation
from assistant.answers.compose import Answer
from assistant.answers.intent import Intent
from ingest.text.resources import load_cues, load_yaml

_DATA = ("assistant.answers", "answer_types.yaml")
TYPES = load_cues(*_DATA)
# The kinds of unit (citation sections) that can hold each type at all; "not X" excludes X.
_UNITS = {name: tuple(spec.get("units") or ()) for name, spec in load_yaml(*_DATA).items()}


def _unit_may_hold(asks: str, citation: Citation) -> bool:
    units = _UNITS.get(asks, ())
    if not units:
        return True
    section = citation.section.lower()
    allowed = [u for u in units if not u.startswith("not ")]
    if any(section == u[4:].strip() for u in units if u.startswith("not ")):
        return False
    return not allowed or section in allowed


def holds(asks: str, citation: Citation, passage: str = "") -> bool:
    """The cited unit holds what the question asks for."""
    cue = TYPES.get(asks)
    if cue is None:
        return True  # a type this check does not know is never held against an answer
    return _unit_may_hold(asks, citation) and bool(cue.pattern.search(passage or citation.quote))


def checked(answer: Answer, intent: Intent | None) -> Answer:
    """``answer`` as it is when one of its units holds what is asked; otherwise not found,
    with its passages as related."""
    asks = intent.asks if intent is not None else None
    if not asks or not answer.found or not answer.citations:
        return answer
    passages = answer.passages or [""] * len(answer.citations)
    if any(holds(asks, c, p) for c, p in zip(answer.citations, passages, strict=False)):
        return answer
    return Answer(
        f"The loaded reports do not give the {asks} this asks for. The passages below share "
        "its words but do not answer it; they are listed as related, not as an answer.",
        False,
        [],
        route=answer.route,
        related=list(answer.citations),
    )
