"""The route of a question the registered rules leave unrouted, or route only weakly: the kind
its nearest labelled examples give it (``kinds``), with the route's slots filled from the
catalogue of the loaded reports' measures, terms and areas.

The rules stay first: a question they route confidently is never embedded (so a cold
``findings ask`` need not load the model for it). Which rules are weak is data
(``kinds.yaml``: ``overrules``).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from assistant.answers.derived import persisted
from assistant.answers.described_areas import describing_words
from assistant.answers.intent import (
    CUES,
    SCORED,
    FindingKind,
    Intent,
    catalog,
    criteria_of,
    definition_phrase,
    direction_of,
    find_terms,
    kind_asked,
    name_tokens,
    numbers_asked,
    spelled_terms,
    terms_by_expansion,
)
from assistant.answers.kinds import Guess, Kind, Kinds, classify, figure_pattern, load_kinds
from assistant.answers.registry import Route
from assistant.answers.score_lists import levels_asked
from ingest.model import Report, Role
from ingest.text.tokens import stems

if TYPE_CHECKING:
    from assistant.answers.routing import Clues


def overrulable(rule_name: str | None, intent: Intent) -> tuple[str, ...] | None:
    """The kinds that may overrule the rule that claimed the question (None: none may)."""
    kinds = load_kinds()
    if rule_name is None:
        return tuple(kinds.kinds)
    allowed: list[str] = []
    for o in kinds.overrules.get(rule_name, ()):
        if o.when == "no-targets" and intent.targets:
            continue
        if o.when == "has-figure" and not figure_pattern().search(intent.question):
            continue
        if o.when == "long" and len(intent.question.split()) <= kinds.long_question:
            continue
        if o.when == "timing" and not (
            kinds.timing and re.search(kinds.timing, intent.question, re.I)
        ):
            continue
        allowed += o.by
    return tuple(allowed) or None


def names_of(c: Clues, described: bool = True) -> list[str]:
    """What the loaded reports call their measures, terms and areas: masked before embedding.
    With ``described`` false, not the words that describe an area by what it does: a pick
    ranked or bounded by "caseloads" is by no measure, though "caseloads" hints at Staff."""
    names = [n.label for n in c.cat.names]
    names += [n.label.split(" ", 1)[1] for n in c.cat.names if re.match(r"\d\.\d ", n.label)]
    names += [s for spellings in c.cat.areas.values() for s in spellings]
    names += glossary_terms(c.reports)
    if not described:
        return names
    # an area named by what it does ("keeping kids safe") is what is asked about, like a name
    titles = [*(n.tokens for n in c.cat.names), *c.cat.section_tokens.values()]
    names += describing_words(c.q, titles, name_tokens)
    return names


@persisted("glossary-terms")  # saved once per store change: masking reads no report whole
def glossary_terms(reports: Sequence[Report]) -> list[str]:
    return [t for r in reports for e in r.glossary for t in e.terms]


def decide(intent: Intent, c: Clues, route: Route, rule_name: str | None) -> Route:
    """``route`` as the rules decided it, or the route of the question's kind when the rules
    gave none (or a weak one) and the kind is confidently told and its slots can be filled.
    A question about what happened after the inspection is answered only by a unit that
    states it, whichever route answers it."""
    decided = _decide(intent, c, route, rule_name)
    kinds = load_kinds()
    if kinds.timing and re.search(kinds.timing, c.q, re.I):
        after = next((k.answer for k in kinds.kinds.values() if k.sure_when == "timing"), None)
        intent.asks = after or intent.asks
    return decided


def _decide(intent: Intent, c: Clues, route: Route, rule_name: str | None) -> Route:
    if intent.followup or intent.unknown:
        return route
    # the catch-all leaves the question to its kind; a fallback rule that is sure of what
    # the question is not ("a pick by something no report measures") says which kinds may
    # take it, as other rules do
    weak = route == Route.FALLBACK and rule_name not in load_kinds().overrules
    allowed = overrulable(None if weak else rule_name, intent)
    if not allowed:
        return route
    guess = classify(c.q, tuple(names_of(c)))
    kinds = load_kinds()
    if (
        guess is None
        or guess.kind not in allowed
        or not (guess.confident(kinds) or _timed(kinds, kinds.kinds[guess.kind], guess, c.q))
    ):
        return route
    kind = kinds.kinds[guess.kind]
    if Route(kind.route) == route == Route.FALLBACK:
        intent.asks = intent.asks or kind.answer  # a rule's finer type ("ranking") stands
        return route
    saved = copy.deepcopy(intent)
    decided = _fill(kind, intent, c)
    if decided is None:
        asks = intent.asks  # what the kind found the question asks for, though it is no kind's
        intent.__dict__.update(saved.__dict__)
        intent.asks = intent.asks or asks
        return route
    intent.asks = kind.answer
    return decided


def _timed(kinds: Kinds, kind: Kind, guess: Guess, question: str) -> bool:
    """A kind about what happened after the inspection (``sure_when: timing``) is sure
    enough, whatever the runner-up, when it is the nearest and the question has a word of
    time after the inspection ("has the post been filled yet?")."""
    return (
        kind.sure_when == "timing"
        and guess.similarity >= kinds.min_similarity
        and bool(kinds.timing and re.search(kinds.timing, question, re.I))
    )


def _fill(kind: Kind, intent: Intent, c: Clues) -> Route | None:
    filler = _FILLERS.get(Route(kind.route))
    if filler is None or (kind.refuse and re.search(kind.refuse, c.q, re.I)):
        return None
    if kind.require and not re.search(kind.require, c.q, re.I):
        return None
    intent.slots = None
    return filler(kind, intent, c)


def _glossary(kind: Kind, intent: Intent, c: Clues) -> Route | None:
    if not intent.terms:
        phrase = definition_phrase(c.qg) or ""
        intent.terms = (
            terms_by_expansion(phrase, c.scoped or c.reports)
            or spelled_terms(c.qg, c.scoped or c.reports)
            or find_terms(c.qg, c.reports)
        )
    intent.kind = None
    return Route.GLOSSARY if intent.terms else None


def _score(kind: Kind, intent: Intent, c: Clues) -> Route | None:
    intent.kind = None
    if kind.slots.get("targets") == "all":
        if levels_asked(c.q, c.s.own_targets):
            # the list names its level ("every criterion score", "each standard's rating"):
            # the score route lists that level, with the section a question names
            intent.targets = c.s.own_targets
            return Route.SCORE
        # every measure the reports score: headline scores, sections' and criteria's
        order = {Role.HEADLINE: 0, Role.OVERALL: 1, Role.CRITERION: 2}
        intent.targets = sorted(
            (n.target for n in catalog(c.scoped or c.reports).names if n.target.type in order),
            key=lambda t: (order[t.type], t.key),
        )
        return Route.SCORE if intent.targets else None
    intent.targets = c.s.score_targets
    if not intent.targets and intent.terms:
        return None  # a term with no score: its definition was asked for
    return Route.SCORE


def _computed(kind: Kind, intent: Intent, c: Clues) -> Route | None:
    from assistant.answers.conditions import (
        asks_extreme,
        bounds_a_share,
        how_many,
        level_asked,
        unmeasured,
    )
    from assistant.answers.routes.computed import ComputedSlots, Operation, asked_condition

    wanted = kind.slots_for(c.q)
    slots = ComputedSlots(op=Operation(wanted["op"]), scope=wanted.get("scope", "criterion"))
    condition = asked_condition(c.q, c.scoped or c.reports)
    if slots.op in (Operation.ABOVE, Operation.BELOW) and not condition:
        return None
    if condition and bounds_a_share(c.q):
        # "did more than half of the victims get a visit?": a share of a group, not the
        # scores above 50%
        intent.asks = "share"
        return None
    if condition and unmeasured(c.q, c.scoped or c.reports, names_of(c), True):
        intent.asks = "number"  # "which schools had attendance below 80%?": not the scores
        return None
    if condition and slots.op in (Operation.ABOVE, Operation.BELOW, Operation.COUNT):
        # "how many key questions were under 60%?": those that meet it, counted and listed
        slots.op = Operation.WHERE
        slots.condition = condition if condition is not True else None
    if slots.op in (Operation.MIN, Operation.MAX):
        if not asks_extreme(c.q):
            return None  # no word asks for the lowest or highest: the slot cannot be filled
        if CUES["change-extreme"].search(c.q):
            intent.asks = "ranking"  # "which criterion improved the most?": no lowest score
            return None
        if unmeasured(c.q, c.scoped or c.reports, names_of(c, described=False)):
            intent.asks = "ranking"  # ranked by nothing the reports measure
            return None
        slots.many = how_many(c.q)
        # "its strongest and weakest bits": both ends, as the computation rule reads them
        slots.both = bool(CUES["min"].search(c.q) and CUES["max"].search(c.q))
    if "scope" not in wanted:
        if level_asked(c.q) == "key-question":
            slots.scope = "key-question"
        elif CUES["scope-headline"].search(c.q):
            slots.scope = "headline"
        elif CUES["scope-section"].search(c.q):
            slots.scope = "section"
    intent.kind = None
    intent.targets = [t for t in c.s.score_targets if t.type == Role.OVERALL]
    intent.slots = slots
    return Route.COMPUTED


def _compare(kind: Kind, intent: Intent, c: Clues) -> Route | None:
    from assistant.answers.routes.compare import CompareSlots
    from assistant.answers.routes.domains import named_parts
    from assistant.answers.sides import compared_targets, level_targets

    targets = compared_targets(c)
    if len(targets) < 2:
        targets = level_targets(c) or targets  # "how do the sections compare?"
    intent.kind = None
    if len(c.scoped) == 1 and len(named_parts(c.q, c.scoped[0])) >= 2:
        return Route.DOMAINS
    # "the gap between the two on risk of harm": the loaded reports, named as a group
    across = len(c.scoped) >= 2 and (len(c.named) >= 2 or (not c.named and bool(c.s.many_reports)))
    # "did they get better at safeguarding since the last inspection?": one measure against
    # its earlier value, which a reinspection states
    if len(targets) >= 2 or ((across or intent.earlier) and targets):
        intent.targets = targets
        intent.slots = CompareSlots(direction_of(c.q), across=across)
        return Route.COMPARE
    # "how did the two YOTs compare?": the reports themselves, on their headline measures
    if not targets and len(c.scoped) >= 2 and len(c.named) != 1 and c.s.many_reports:
        intent.targets = []
        intent.slots = CompareSlots(direction_of(c.q), across=True)
        return Route.COMPARE
    return None


def _findings(kind: Kind, intent: Intent, c: Clues) -> Route | None:
    intent.kind = kind_asked(c.q) or FindingKind(kind.slots.get("kind", FindingKind.BOTH))
    intent.targets = criteria_of(c.targets((Role.CRITERION, Role.OVERALL)), c.cat)
    return Route.FINDINGS


def _recommendations(kind: Kind, intent: Intent, c: Clues) -> Route | None:
    from assistant.answers.routes.recommendations import RecommendationSlots

    intent.kind = None
    intent.slots = RecommendationSlots(numbers_asked(c.q))
    return Route.RECOMMENDATIONS


def _context(kind: Kind, intent: Intent, c: Clues) -> Route | None:
    intent.context_kinds = list(kind.slots.get("context_kinds", ["context"]))
    if kind.search:
        # the fact is stated in the report's own words ("Fieldwork ... was undertaken in")
        intent.search = kind.search
    return Route.CONTEXT


def _summary(kind: Kind, intent: Intent, c: Clues) -> Route | None:
    intent.kind = None
    from assistant.answers.routes.summary import measures_named

    if levels_asked(c.q, c.s.own_targets):
        return None  # "what marks did it give for each criterion?": a list of scores
    if _about_a_topic(c):
        # "what does the report say about exploitation?", "what's the story with management
        # oversight?": the findings about it, not the gist
        return None
    return Route.SUMMARY if not measures_named(c) else None


def _about_a_topic(c: Clues) -> bool:
    """The question says what it is about ("... about exploitation?"), in words other than
    the report's, the service's or a reader's own ("about the report", "about Sefton")."""
    from assistant.answers.fact_units import rules
    from assistant.answers.passages import area_stems
    from assistant.answers.topic_words import SERVICE_WORDS, about_heads

    own = rules().generic | set(SERVICE_WORDS) | set(area_stems(c.reports))
    return any(w not in own for w in stems(" ".join(about_heads(c.qg))))


def _claim(kind: Kind, intent: Intent, c: Clues) -> Route | None:
    from assistant.answers.routes.claim import ClaimSlots

    if not re.search(r"\d", c.q) and not figure_pattern().search(c.q) and not intent.bands:
        return None  # a check of a figure names the figure (a number or a rating)
    claim = c.q
    for pattern in kind.strip:
        claim = re.sub(pattern, "", claim, count=1, flags=re.I)
    intent.slots = ClaimSlots(claim.strip(" ?"))
    intent.targets = c.targets(SCORED)
    return Route.CLAIM


def _rated(kind: Kind, intent: Intent, c: Clues) -> Route | None:
    from assistant.answers.conditions import unmeasured
    from assistant.answers.routes.rated import asked_rating, rated_measures

    if not any(rated_measures(r) for r in c.scoped or c.reports):
        return None
    if unmeasured(c.q, c.scoped or c.reports, names_of(c), True):
        intent.asks = "judgement"  # "which schools were rated inadequate?": no rated measure
        return None
    return Route.RATED if asked_rating(c.qg, c.reports) else None


def _share(kind: Kind, intent: Intent, c: Clues) -> Route | None:
    from assistant.answers.case_shares import best_shares
    from assistant.answers.conditions import unmeasured
    from assistant.answers.routes.computed import asked_condition
    from assistant.answers.routes.share import key_questions

    reports = c.scoped or c.reports
    if asked_condition(c.q, reports) and unmeasured(c.q, reports, names_of(c), True):
        intent.asks = "number"  # "which offences had rates above 50%?": a pick of no measure
        return None
    if any(key_questions(r) for r in reports):
        return Route.SHARE
    # a core case report states its shares of cases in its findings' own sentences
    return Route.SHARE if any(best_shares(c.q, r) for r in reports) else None


def _fallback(kind: Kind, intent: Intent, c: Clues) -> Route | None:
    intent.kind = None
    return Route.FALLBACK


_FILLERS: dict[Route, Callable[[Kind, Intent, Clues], Route | None]] = {
    Route.GLOSSARY: _glossary,
    Route.SCORE: _score,
    Route.COMPUTED: _computed,
    Route.COMPARE: _compare,
    Route.FINDINGS: _findings,
    Route.RECOMMENDATIONS: _recommendations,
    Route.CONTEXT: _context,
    Route.SUMMARY: _summary,
    Route.CLAIM: _claim,
    Route.RATED: _rated,
    Route.SHARE: _share,
    Route.FALLBACK: _fallback,
}
