"""Lists of reports picked by what the catalogue stores of each: "which areas are in the North
West region?", "which YOTs were rated Inadequate overall?", "list the areas inspected in 2012".

The reports are picked by their stored fields (``catalogue``), so the answer costs nothing per
report it leaves out; each report listed is cited where its own text says what picked it (the
statement of its region, its date, its title, its overall rating).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.answers.catalogue import (
    Facet,
    Pick,
    evidence,
    overall_keys,
    picked,
    picks_in,
    settings,
)
from assistant.answers.compose import Answer, Composer, label, not_found
from assistant.answers.intent import Intent, area_finder
from assistant.answers.registry import Context, Route, answers, follow_up, rule
from assistant.answers.routing import Clues
from ingest.text.resources import cue_patterns

CUES = cue_patterns("assistant.answers", "listing_cues.yaml")


@dataclass
class ListingSlots:
    picks: list[str] = field(default_factory=list)  # "region=North West", "year=2012"
    every: bool = False  # the reports themselves, picked by nothing ("which are loaded?")


@rule(Route.LISTING, priority=43)
def list_asked(intent: Intent, c: Clues) -> Route | None:
    """A list of reports picked by region, year, format or overall rating, and nothing else
    asked of them (a measure, a term, a band, an extreme are other routes' questions)."""
    if intent.bands:
        return None
    if CUES["every-report"].search(c.q):
        # "which reports are loaded?", or the one "the newest report" picked
        intent.slots = ListingSlots(every=True)
        return Route.LISTING
    picks, rest = picks_in(c.q, c.reports)
    if not picks or not CUES["list-of-reports"].search(rest):
        return None
    if CUES["report-covers"].search(c.q):
        return None  # what one report covered: its own text answers
    if any(p.facet == Facet.RATING for p in picks) and (
        not CUES["rated-overall"].search(rest) or CUES["negated"].search(c.q)
    ):
        return None
    if area_finder(c.reports)[0].found(rest):
        return None  # it names an area: a question about that report
    s = c.s
    rated = any(p.facet == Facet.RATING for p in picks)
    # "rated Inadequate overall" names the overall rating: the measure the pick reads.
    others = [t for t in s.own_targets if not (rated and t.key in overall_keys(c.reports))]
    if others or s.minimum or s.maximum or s.threshold or s.compare:
        return None
    return _listed(intent, c, picks)


@follow_up(Route.LISTING)
def inherit(intent: Intent, previous: dict, c: Clues) -> Route:
    """ "and the North East?" after a list by region: the previous conditions, with those
    the follow-up names in place of the same kind."""
    said, _ = picks_in(c.q, c.reports)
    kept = [Pick.parse(p) for p in previous.get("picks", [])]
    facets = {p.facet for p in said}
    picks = [p for p in kept if p.facet not in facets] + said
    return _listed(intent, c, picks)


def _listed(intent: Intent, c: Clues, picks: list[Pick]) -> Route:
    """The listing route, with its picks, asked of the loaded reports."""
    if c.report_filter is None:
        # The catalogue is asked of every loaded report, whatever the conversation named.
        intent.reports = [r.id for r in c.reports]
        intent.named_reports = False
    # A term in such a question ("which YOTs ...") names what is listed: a question about
    # the term itself was claimed by the glossary's rules, which come first.
    intent.terms = []
    intent.slots = ListingSlots([str(p) for p in picks])
    return Route.LISTING


def answer_listing(picks: list[Pick], scoped) -> Answer:
    chosen = picked(scoped, picks)
    what = " and ".join(p.phrase() for p in picks)
    if not chosen:
        return not_found(f"None of the {len(scoped)} loaded reports {what}.", Route.LISTING)
    out = Composer()
    most = settings().listed
    shown = looked = 0
    unquoted: list[str] = []
    for report in chosen:
        if shown >= most:
            break
        looked += 1
        cited = [evidence(report, p) for p in picks]
        if not all(cited):
            # Listed on a stored field alone, the answer would rest on nothing quoted.
            unquoted.append(label(report))
            continue
        shown += 1
        out.add(f"- {label(report)}" + "".join(out.cite(c) for c in cited))
    if not shown:
        return not_found(
            f"The catalogue has {len(chosen)} reports that {what}, but their text could not "
            "be quoted for it.",
            Route.LISTING,
        )
    listed = len(chosen) - len(unquoted)
    lead = f"{listed} of the {len(scoped)} loaded reports {what}"
    out.lines.insert(0, lead + (":" if shown == listed else f"; the first {shown}:"))
    if looked < len(chosen):
        out.add(
            f"(and {len(chosen) - looked} more: add a region, a year, a format or a rating "
            "to narrow the list)"
        )
    if unquoted:
        out.add(f"Not listed, as their text could not be quoted for it: {', '.join(unquoted)}.")
    return out.answer(Route.LISTING)


def answer_every(scoped, loaded) -> Answer:
    """The reports in question, newest first, each cited where its text dates or titles it."""
    out = Composer()
    ordered = sorted(scoped, key=lambda r: r.year or 0, reverse=True)
    for report in ordered[: settings().listed]:
        cite = evidence(report, Pick(Facet.YEAR, "")) or evidence(report, Pick(Facet.FORMAT, ""))
        out.add(f"- {label(report)}" + (out.cite(cite) if cite else ""))
    if not out.citations:
        return not_found("The loaded reports could not be quoted for their dates.", Route.LISTING)
    if len(scoped) == len(loaded):
        lead = f"{len(loaded)} reports are loaded, newest first:"
    else:
        lead = f"{len(scoped)} of the {len(loaded)} loaded reports:"
    out.lines.insert(0, lead)
    if len(ordered) > settings().listed:
        out.add(f"(and {len(ordered) - settings().listed} more)")
    return out.answer(Route.LISTING)


@answers(Route.LISTING, slots=ListingSlots)
def answer(intent: Intent, ctx: Context) -> Answer:
    slots = intent.slots if isinstance(intent.slots, ListingSlots) else ListingSlots()
    if slots.every:
        return answer_every(ctx.scoped, ctx.loaded)
    picks = [Pick.parse(p) for p in slots.picks]
    if not picks:
        picks, _ = picks_in(intent.question, ctx.loaded)
    return answer_listing(picks, ctx.scoped)
