"""Questions on the scoring: what the scores and their bands mean."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answers.citations import Citation, page_at
from assistant.answers.compose import Answer, Composer, label, not_found, score_line
from assistant.answers.intent import CUES, Intent
from assistant.answers.registry import Context, Route, answers, rule
from assistant.answers.routing import Clues
from ingest.model import BANDS, Report
from ingest.text.sentences import sentence_spans
from ingest.text.tokens import clean

_BAND_SENTENCE = re.compile("|".join(BANDS))


def answer_bands(scoped: Sequence[Report]) -> Answer:
    """What the scores and their bands mean, in the report's own words (its scoring section)."""
    out = Composer()
    for report in scoped:
        if out.citations:
            break  # every report in the format explains the same scoring: one will do
        text = report.text
        first = min((s.source.start for s in report.headline_scores), default=len(text))
        # The explanation stands before the first headline score, in the scoring section,
        # whose heading is the last page-break line (one that begins with a space) before it.
        region_start = max(text.rfind("\n ", 0, first) + 1, 0)
        heading = text[region_start:first].strip().split("\n", 1)[0].strip()
        for para in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text[region_start:first]):
            offset = region_start + para.start()
            for a, b in sentence_spans(para.group(0)):
                sentence = text[offset + a : offset + b]
                bands = len(set(_BAND_SENTENCE.findall(sentence)))
                if bands >= 3 or re.search(r"percentage scores?", sentence, re.I):
                    c = Citation(
                        report.id,
                        "summary",
                        heading or "Scoring",
                        sentence,
                        page_at(report, offset + a),
                    )
                    out.add(f"{label(report)}: {clean(sentence)}" + out.cite(c))
        counts = {b: sum(1 for c in report.criteria if c.score.band == b) for b in BANDS}
        used = [f"{n} {b}" for b, n in counts.items() if n]
        if used and out.citations:
            out.add(
                f"Its {len(report.criteria)} criteria: "
                + ", ".join(used)
                + " ("
                + "; ".join(score_line(out, report, c.score) for c in report.criteria)
                + ")."
            )
    if not out.citations:
        return not_found("The loaded reports do not explain their scoring.", "bands")
    return out.answer("bands")


@rule(Route.BANDS, priority=60)
def scoring_explained(intent: Intent, c: Clues) -> Route | None:
    """“What do the bands mean?”: the report's own explanation of its scoring."""
    return Route.BANDS if CUES["bands"].search(c.q) and not c.s.score_targets else None


@answers(Route.BANDS)
def answer(intent: Intent, ctx: Context) -> Answer:
    return answer_bands(ctx.scoped)
