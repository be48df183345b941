"""Where the area is, when a question asks for a place and names nothing else to look for
("which part of the country is Kestrelford in?", "what sort of place is Greyhaven?"): the
first sentence of the report's contextual information that places the area somewhere other
than itself ("a county in the east of England", "located in the North West region").

A question that names what it wants placed ("where is the headquarters?") is left to the
search for its words.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from assistant.answers.answer_type import TYPES
from assistant.answers.citations import locate
from assistant.answers.compose import Answer, Composer, label
from assistant.answers.fact_units import content_words, rules
from ingest.model import Report
from ingest.text.resources import load_yaml
from ingest.text.sentences import sentence_spans
from ingest.text.tokens import stems


@cache
def _asking() -> frozenset[str]:
    return frozenset(stems(" ".join(load_yaml("assistant.answers", "places.yaml")["asking"])))


def _placing(report: Report) -> list[tuple[str, str]]:
    """(sentence, heading) of each context sentence placing something elsewhere than the
    area itself, in the report's order."""
    area = set(report.id.lower().split("-"))
    out = []
    for p in report.context:
        for a, b in sentence_spans(p.text):
            sentence = p.text[a:b].strip()
            if any(
                m.group(0).split()[-1].lower() not in area
                for m in TYPES["place"].pattern.finditer(sentence)
            ):
                out.append((sentence, p.source.heading))
    return out


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(stems(" ".join(load_yaml("assistant.answers", "places.yaml")[key])))


def answer_where(about: str, scoped: Sequence[Report], route: str) -> Answer | None:
    """Where each report's area is, when ``about`` (the question without its report names)
    asks for nothing more particular."""
    if content_words(about) - rules().generic - _asking():
        return None
    service = bool(set(stems(about)) & _words("service"))
    out = Composer()
    for report in scoped:
        placing = _placing(report)
        chosen = placing[:1]
        if service:  # where the service itself works from, as well as where the area is
            based = [s for s in placing if set(stems(s[0])) & _words("base")]
            chosen += [s for s in based[:1] if s not in chosen]
        for sentence, heading in chosen:
            citation = locate(report, sentence, "context", heading)
            if citation is not None:
                out.add(f"{label(report)}, {heading}: {sentence}" + out.cite(citation, sentence))
    return out.answer(route) if out.citations else None
