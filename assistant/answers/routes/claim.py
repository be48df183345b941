"""Claim questions (“is it true that ...”): the claim checker's verdict, cited."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answers import stated
from assistant.answers.citations import Citation, page_at
from assistant.answers.compose import Answer, Composer
from assistant.answers.intent import CUES, SCORED, Intent
from assistant.answers.kinds import figure_pattern
from assistant.answers.registry import Context, Route, answers, rule
from assistant.answers.routes.score import answer_earlier, answer_score
from assistant.answers.routing import Clues
from ingest.model import Report, Score
from ingest.text.tokens import stems


def answer_claim(intent: Intent, scoped: Sequence[Report], narrowing=None) -> Answer:
    """ "Is it true that ...": the claim checker's verdict, with the stored values it rests on
    (``narrowing``: how a claim naming no area is checked with many reports loaded)."""
    from assistant.claims import CONTRADICTED, MIXED, SUPPORTED, check_claim

    result = check_claim(intent.slots.claim or "", list(scoped), narrowing=narrowing)
    out = Composer()
    opening = {
        SUPPORTED: "Yes: the reports support this.",
        CONTRADICTED: "No: the reports contradict this.",
        MIXED: "It depends on the report: true of some loaded reports, not of others.",
    }.get(result.verdict, "This cannot be checked against the loaded reports.")
    out.add(f"{opening} {result.explanation}")
    by_id = {r.id: r for r in scoped}
    for e in result.evidence:
        report = by_id.get(e.report)
        start = report.text.find(e.quote) if report else -1
        if start < 0:
            continue  # evidence must quote the source; anything else is not cited
        citation = Citation(e.report, e.section, e.heading, e.quote, page_at(report, start))
        out.add(f"- {e.heading}: {e.value}" + out.cite(citation))
    found = result.verdict in (SUPPORTED, CONTRADICTED, MIXED) and bool(out.citations)
    answer = out.answer("claim", found=found)
    if not found:
        answer.citations, answer.passages = [], []
        answer.answer = f"{opening} {result.explanation}"
    return answer


def _states_value(intent: Intent, scoped: Sequence[Report]) -> bool:
    target = intent.targets[0]
    return any(
        (score := target.score_in(r)) is not None
        and _names(intent.question, score)
        and stated.verdict(intent.question, score, earlier=intent.earlier)
        for r in scoped
    )


def _names(question: str, score: Score) -> bool:
    """The question names the measure: by its number, or by more than half the words of its
    name. "did 45% of cases have a risk management plan?" shares only "risk" with Risk of
    Harm to Others, and states no value of it."""
    number = score.key if re.fullmatch(r"\d+(?:\.\d+)*", score.key or "") else ""
    if number and re.search(rf"(?<![\d.]){re.escape(number)}(?![\d.])", question):
        return True
    name = set(stems(re.sub(r"^\s*\d+(?:\.\d+)*\s*", "", score.name)))
    return bool(name) and 2 * len(name & set(stems(question))) > len(name)


@dataclass
class ClaimSlots:
    claim: str | None = None  # the statement to check ("is it true that ...")


@rule(Route.CLAIM, priority=20)
def claim_stated(intent: Intent, c: Clues) -> Route | None:
    """“Is it true that 7 of the 8 criteria need substantial or drastic improvement?”"""
    claim = CUES["claim"].match(c.q)
    if claim and len(c.q) > claim.end() + 3:
        intent.slots = ClaimSlots(c.q[claim.end() :].strip(" ?:'\"“”"))
        # A band-only claim ("its risk of harm score was drastic") is checked against these.
        intent.targets = c.targets(SCORED)
        return Route.CLAIM
    return None


@rule(Route.CLAIM, priority=21)
def claim_tagged(intent: Intent, c: Clues) -> Route | None:
    """ "Sefton's BME population was 1.6%, correct?": a statement of one figure (a percentage,
    points out of a total, a rating) with a tag asking whether it holds is checked as a claim,
    whatever it is about."""
    tag = CUES["claim-tag"].search(c.q)
    rising = None if tag else CUES["claim-rising"].search(c.q)  # "... was 94%?"
    end = tag.start() if tag else rising.start("ask") if rising else 0
    if end < 8:
        return None
    statement = c.q[:end].strip(" ,;:-?'\"“”")
    if len(figure_pattern().findall(statement)) != 1 or CUES["claim"].match(statement):
        return None
    intent.slots = ClaimSlots(_without_asker(statement))
    intent.targets = c.targets(SCORED)
    return Route.CLAIM


def _without_asker(statement: str) -> str:
    """The statement without who says it ("i heard ...", "my notes say ..."): the check kind's
    own patterns of what is not the claim (kinds.yaml)."""
    from assistant.answers.kinds import load_kinds

    for pattern in load_kinds().kinds["check"].strip:
        statement = re.sub(pattern, "", statement, count=1, flags=re.I)
    return statement.strip(" ?") or statement


@answers(Route.CLAIM, slots=ClaimSlots)
def answer(intent: Intent, ctx: Context) -> Answer:
    # (a context built for one report only, as in tests of a route, has no search to narrow by)
    narrowing = ctx.passages.findings.claim_narrowing() if ctx.passages else None
    found = answer_claim(intent, ctx.scoped, narrowing)
    if not found.found and len(intent.targets) == 1 and _states_value(intent, ctx.scoped):
        # The checker found no stored measure the claim is about, but the question names one
        # measure and states its value ("a colleague says it got 50% on X - true?"): the
        # stored value (the earlier one, when it asks about the previous inspection), with
        # Yes or No.
        found = (
            answer_earlier(intent, ctx.scoped)
            if intent.earlier
            else answer_score(intent, ctx.scoped)
        )
        found.route = "claim"
    elif not found.found and intent.bands and intent.targets:
        # A claim that names only a band ("its risk of harm work needed drastic
        # improvement") is checked against the named score's band.
        found = answer_score(intent, ctx.scoped)
        found.route = "claim"
    return found
