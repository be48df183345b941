"""A request for a whole list of scores ("every criterion score", "the three headline scores",
"all of its scores, criteria included", "all the scores for section 2"): every measure of the
level asked for, per report, each with its citation.

Which wording asks for a list and which level it names is data (``score_lists.yaml``); a
question naming one measure is not a list request, so the score route answers it as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answers.compose import Answer, Composer, label, not_found, score_line, target_of
from assistant.answers.intent import Target
from ingest.model import Report, Role, Score, Unit
from ingest.text.resources import load_cues
from ingest.text.tokens import stems

_CUES = load_cues("assistant.answers", "score_lists.yaml")

# The levels in the order a full list gives them, with the noun each is printed under.
LEVELS: dict[str, tuple[str, str]] = {
    "headline": ("headline score", "headline scores"),
    "section": ("section score", "section scores"),
    "criterion": ("criterion", "criteria"),
    "area": ("area of work", "areas of work"),
    "key-question": ("key question", "key questions"),
}
ALL = tuple(LEVELS)


def levels_asked(question: str, targets: Sequence[Target] = ()) -> tuple[str, ...]:
    """The levels of measure ``question`` asks to have listed in full; () when it asks for no
    list (or names a measure of its own: then it is a score question)."""
    if _CUES["counted"].pattern.search(question) and not re.search(r"\d", question):
        # "how many key questions does it have?": the level's list, with its count
        return tuple(level for level in LEVELS if _CUES[level].pattern.search(question))
    if not _CUES["list"].pattern.search(question):
        sections = bool(targets) and all(t.type == Role.OVERALL for t in targets)
        if sections and _CUES["members"].pattern.search(question):
            return ("section", "criterion")  # "the outcomes criteria": the section's own
        return ()
    if targets and all(t.type == Role.CRITERION for t in targets):
        # "what did each key question of court planning get?": the standard's key questions
        return ("key-question",) if _CUES["key-question"].pattern.search(question) else ()
    if any(t.type != Role.OVERALL for t in targets):
        return ()
    if targets and not _CUES["including"].pattern.search(question):
        if _CUES["key-question"].pattern.search(question):
            return ("key-question",)  # "key question results for court disposals": its own
        return ("section", "criterion")  # "all the scores for section 2": the section's own
    named = tuple(level for level in LEVELS if _CUES[level].pattern.search(question))
    if _CUES["all-levels"].pattern.search(question):
        return ALL
    return named


def list_targets(question: str, targets: Sequence[Target]) -> list[Target]:
    """The sections a list is limited to: none when the question names them as included in
    the whole list ("every standard incl resettlement")."""
    return [] if _CUES["including"].pattern.search(question) else list(targets)


def ratings_only(question: str) -> bool:
    """The question asks for ratings or judgements, not every measure of the level."""
    return bool(_CUES["ratings"].pattern.search(question))


def criteria_named(
    question: str, scoped: Sequence[Report], topic: Sequence[str]
) -> list[Score] | None:
    """ "every criterion in the risk section": the criteria (or standards) whose names hold
    every word the question is about, when it asks for a list of criteria by a word rather
    than by their section's number; None when it does not."""
    if not (_CUES["list"].pattern.search(question) and _CUES["criterion"].pattern.search(question)):
        return None
    if _CUES["all-levels"].pattern.search(question) or not topic:
        return None
    found = [
        c.score
        for r in scoped
        for c in r.criteria
        if set(topic) <= set(stems(c.name.replace("-", " ")))
    ]
    return found or None


def scores_at(
    report: Report, level: str, sections: Sequence[str] = (), standards: Sequence[str] = ()
) -> list[Score]:
    """``report``'s measures of one level (of the numbered ``sections`` only, when given; key
    questions of the numbered ``standards`` only, when given)."""
    if level == "headline":
        return list(report.headline_scores)
    if level == "section":
        return [s.overall for s in report.sections if s.overall and _in(s.number, sections)]
    if level == "criterion":
        return [c.score for c in report.criteria if _in(c.section_number, sections)]
    if level == "area":  # the judged areas of work of the 2012-2017 format
        return [s for s in report.measures if s.kind == Role.AREA and _in_parent(s, sections)]
    return [
        s
        for s in report.measures
        if s.kind == Role.KEY_QUESTION
        and _in_parent(s, sections)
        and (not standards or s.parent in standards)
    ]


def _in(number: int, sections: Sequence[str]) -> bool:
    return not sections or str(number) in sections


def _in_parent(score: Score, sections: Sequence[str]) -> bool:
    return not sections or (score.parent or "").split(".")[0] in sections


def answer_list(
    levels: Sequence[str],
    scoped: Sequence[Report],
    targets: Sequence[Target],
    route: str,
    rated: bool = False,
    only: Sequence[Score] | None = None,
) -> Answer:
    """Every measure of ``levels`` in each report, one compact line per level (``rated``:
    only the measures rated with words; of ``only``, when given)."""
    out = Composer()
    sections = [t.key for t in targets if t.type == Role.OVERALL]
    standards = [t.key for t in targets if t.type == Role.CRITERION]
    about: list[Target] = []
    for report in scoped:
        groups = [(lvl, scores_at(report, lvl, sections, standards)) for lvl in levels]
        substitute = "criterion" not in levels and "key-question" not in levels
        if substitute and not standards and not any(s for _, s in groups):
            # domains judged only through their standards: the standards are the list
            groups = [("criterion", scores_at(report, "criterion", sections))]
        if rated:
            groups = [(lvl, [s for s in ss if s.unit == Unit.RATING]) for lvl, ss in groups]
        if only is not None:
            groups = [(lvl, [x for x in xs if any(x is o for o in only)]) for lvl, xs in groups]
        groups = [(lvl, scores) for lvl, scores in groups if scores]
        if not groups:
            continue
        lines = []
        for lvl, scores in groups:
            one, many = LEVELS[lvl]
            if lvl == "criterion" and scores[0].unit == Unit.RATING:
                one, many = "standard", "standards"  # a ratings report's criteria are standards
            noun = one if len(scores) == 1 else f"{len(scores)} {many}"
            lines.append(f"{noun}: " + "; ".join(score_line(out, report, s) for s in scores))
            about += [target_of(s) for s in scores if lvl != "key-question"]
        if len(lines) == 1:
            out.add(f"{label(report)}, {lines[0]}.")
        else:
            out.add(f"{label(report)}:")
            out.lines += [f"- {line}" for line in lines]
    if not out.citations:
        asked = " or ".join(LEVELS[lvl][1] for lvl in levels)
        return not_found(f"The loaded reports give no {asked}.", route)
    answer = out.answer(route)
    answer.about = list(dict.fromkeys(about))
    return answer
