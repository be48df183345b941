"""Where a question's kind is chosen: the slots every question has, then the registered rules
of ``assistant/answers/routes`` in order of priority; the first that claims it decides."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from assistant.answers.fact_units import spelled_out
from assistant.answers.intent import (
    CUES,
    PREVIOUS_RE,
    SCORED,
    Catalog,
    FindingKind,
    Intent,
    Target,
    asked_term,
    band_range,
    catalog,
    context_kinds,
    convert_targets,
    find_reports,
    find_terms,
    is_followup,
    kind_asked,
    names_signatory,
    resolve_targets,
    strip_areas,
    unknown_names,
    words_named,
)
from assistant.answers.registry import FOLLOW_UPS, RULES, SLOTS, Route, load_routes, rule
from assistant.answers.which_report import choose
from ingest.model import Report, Role


@dataclass
class Clues:
    """What the rules read: the question, what it names, and the conversation before it."""

    intent: Intent
    q: str
    qg: str  # the question without the words that pick a report
    reports: Sequence[Report]
    scoped: list[Report]
    named: list[str]
    report_filter: str | None
    previous: dict | None
    cat: Catalog
    prev_targets: list[Target] = field(default_factory=list)
    prefer_section: int | None = None
    prefer_type: Role | None = None

    @property
    def followup(self) -> bool:
        return self.intent.followup

    @cached_property
    def asked(self) -> str | None:
        return asked_term(self.qg)

    @cached_property
    def why(self) -> bool:
        return bool(CUES["why"].search(self.q))

    @cached_property
    def scoped_cat(self) -> Catalog:
        """The names of the reports the question is about: "Cold Ashby's governance" is
        read against Cold Ashby's own standards, not another loaded report's sections; but
        a measure another report names more fully than these do is one they do not have."""
        if not self.scoped or len(self.scoped) == len(self.reports):
            return self.cat
        own = catalog(self.scoped)
        types = (Role.HEADLINE, Role.CRITERION, Role.OVERALL)
        if not any(r.headline_scores or r.criteria or r.measures for r in self.scoped):
            return own  # a document that scores nothing lacks no measure: its words are topics
        if words_named(self.q, self.cat, types, self.reports) > words_named(
            self.q, own, types, self.scoped
        ):
            return self.cat
        return own

    def targets(self, types: Sequence[Role]) -> list[Target]:
        """The measures of ``types`` the question names, else those a follow-up inherits."""
        reports = self.scoped or self.reports
        found = resolve_targets(
            self.q, self.scoped_cat, types, reports, self.prefer_section, self.prefer_type
        )
        if not found and self.followup and self.prev_targets:
            found = convert_targets(self.prev_targets, types, self.cat, reports)
        return found

    @cached_property
    def s(self) -> ScoreClues:
        """The cues about scores, read once by the first rule that needs them."""
        return ScoreClues.read(self)


@dataclass
class ScoreClues:
    score_cue: bool
    minimum: re.Match | None
    maximum: re.Match | None
    threshold: re.Match | None
    count: re.Match | None
    compare: re.Match | None
    criteria_word: re.Match | None
    equal: re.Match | None
    score_targets: list[Target]
    own_targets: list[Target]  # what the question itself names, not what a follow-up inherits
    band_list: bool
    extreme_across: bool
    many_reports: bool

    @classmethod
    def read(cls, c: Clues) -> ScoreClues:
        intent, q = c.intent, c.q
        score_cue = bool(CUES["score"].search(q))
        minimum, maximum = CUES["min"].search(q), CUES["max"].search(q)
        count = CUES["count"].search(q)
        compare = CUES["compare"].search(q)
        score_targets = c.targets(SCORED)
        # "and the lowest?" after "which criterion scored highest?" asks for another
        # criterion, not about the last one.
        own_targets = resolve_targets(
            q, c.scoped_cat, SCORED, c.scoped or c.reports, c.prefer_section, c.prefer_type
        )
        if (
            not intent.kind
            and not score_cue
            and CUES["about"].search(q)
            and any(t.type in (Role.CRITERION, Role.OVERALL) for t in score_targets)
        ):
            intent.kind = FindingKind.BOTH  # "tell me about 1.1": its score with its findings
        # "list the DRASTIC criteria across the reports": a computed list, not a comparison.
        band_list = bool(intent.bands and (CUES["which"].search(q) or count))
        # "the lowest headline score across all the reports": one extreme over every report.
        extreme_across = bool(
            (minimum or maximum)
            and not score_targets
            and len(c.named) != 1
            and not c.report_filter
            and len(c.reports) > 1
            and CUES["across"].search(q)
        )
        # Comparison: several reports, or several measures, set side by side.
        many_reports = len(c.named) >= 2 or bool(
            compare and not c.named and not c.report_filter and CUES["several-reports"].search(q)
        )
        previous = c.previous
        prev_reports = list((previous or {}).get("reports", []))
        if (
            c.followup
            and c.named
            and previous
            and previous.get("route") in ("score", "compare", "computed", "findings")
            and CUES["compared-with"].search(q)
            and set(c.named) - set(prev_reports)
        ):
            # "how does that compare with Sefton?": the previous measure, across both reports.
            c.named = list(dict.fromkeys(prev_reports + c.named))
            intent.reports = c.named
            many_reports = True
        return cls(
            score_cue,
            minimum,
            maximum,
            CUES["threshold"].search(q),
            count,
            compare,
            CUES["criteria"].search(q),
            CUES["equal"].search(q),
            score_targets,
            own_targets,
            band_list,
            extreme_across,
            many_reports,
        )


def parse(
    question: str,
    reports: Sequence[Report],
    vocabulary: set[str],
    previous: dict | None = None,
    report_filter: str | None = None,
) -> Intent:
    """Route and slots of ``question``; ``previous`` is the last turn's ``Intent.state()``."""
    load_routes()
    q = " ".join(question.split())
    cat = catalog(reports)
    named, unknown = find_reports(q, reports)
    # "the latest report", "the thematic", "the North West YOT": reports picked by what the
    # question says of them; the words that picked them are no part of what it asks.
    if choice := choose(q, reports, named):
        if choice.reports:
            named, q = choice.reports, choice.question
        unknown += choice.unknown
    intent = Intent(route=Route.FALLBACK, question=q, followup=is_followup(q, previous))
    described = [u.lower() for u in unknown]  # "the Welsh one": not "Welsh" again
    intent.unknown = unknown + [
        name
        for name in unknown_names(
            q, vocabulary, [r.area for r in reports] + [r.id for r in reports]
        )
        if not any(name.lower() in d for d in described)
        # "BME": an acronym a report writes out ("black and minority ethnic") is no unknown name
        and not (name.isupper() and _written_out(name, named, reports))
    ]
    known_numbers = {n.target.key for n in cat.names if n.target.type == Role.CRITERION}
    intent.unknown += [
        f"criterion {a}.{b}"
        for a, b in CUES["criterion"].findall(q)
        if f"{a}.{b}" not in known_numbers and not re.search(rf"{a}\.{b}\s*%", q)
    ]
    if report_filter:
        intent.reports = [report_filter]
        intent.named_reports = True
    elif named:
        intent.reports, intent.named_reports = named, True
    elif previous and previous.get("named_reports"):
        intent.reports, intent.named_reports = list(previous["reports"]), True
    else:
        intent.reports = [r.id for r in reports]
    scoped = [r for r in reports if r.id in intent.reports]

    intent.bands = band_range(q)
    intent.kind = kind_asked(q)
    # The question without the words that pick a report: "what is ISSP in Stockbridge?" asks
    # for a definition just as "what is ISSP?" does, and the "YOT" of "Wessex Vale YOT" is no
    # glossary term asked about.
    qg = strip_areas(q, reports)
    intent.terms = find_terms(qg, scoped or reports)
    if not intent.terms and scoped and len(scoped) < len(reports) and CUES["glossary"].search(qg):
        intent.terms = find_terms(qg, reports)  # defined in another loaded report's glossary
    intent.context_kinds = context_kinds(q)
    if CUES["average"].search(q) and "context" not in intent.context_kinds:
        intent.context_kinds.append("context")  # only context figures have such averages
    if any(r.signatory and names_signatory(q, r.signatory) for r in reports):
        intent.context_kinds = ["foreword"]
    intent.earlier = bool(PREVIOUS_RE.search(q))

    clues = Clues(intent, q, qg, reports, scoped, named, report_filter, previous, cat)
    clues.prev_targets = [Target.parse(t) for t in (previous or {}).get("targets", [])]
    if intent.followup and clues.prev_targets:
        prev = clues.prev_targets[0]
        clues.prefer_type = prev.type
        if prev.type == Role.CRITERION:
            clues.prefer_section = int(prev.key.split(".")[0])
        elif prev.type == Role.OVERALL:
            clues.prefer_section = int(prev.key)

    from assistant.answers.by_kind import decide  # it imports the routes, which import this

    for r in RULES:
        route = r.detect(intent, clues)
        if route is not None:
            return _decided(intent, decide(intent, clues, route, r.name))
    return _decided(intent, decide(intent, clues, Route.FALLBACK, None))


# An acronym is looked for written out in at most this many reports' texts (those the question
# names, else the first loaded): each text read costs, and a hostile question may ask many.
_WRITTEN_OUT_REPORTS = 25


def _written_out(acronym: str, named: Sequence[str], reports: Sequence[Report]) -> bool:
    pool = [r for r in reports if r.id in named] or list(reports)
    return any(spelled_out(acronym, r.text) for r in pool[:_WRITTEN_OUT_REPORTS])


def _decided(intent: Intent, route: Route) -> Intent:
    intent.route = route
    slots = SLOTS.get(route)
    if slots is not None and not isinstance(intent.slots, slots):
        intent.slots = slots()
    return intent


@rule(None, priority=190)
def inherit_previous(intent: Intent, c: Clues) -> Route | None:
    """A follow-up with no cue of its own asks the previous question again, changed: how is
    the previous route's own follow-up rule."""
    if not (c.followup and c.previous and c.previous.get("route") in tuple(Route)):
        return None
    route = Route(c.previous["route"])
    inherit = FOLLOW_UPS.get(route)
    return inherit(intent, c.previous, c) if inherit else route
