"""The paraphrase question set: questions in staff's own words, split by phrasing into a tune
half and a held-out half, and the judge that says whether an answer to one is right.

A half (YAML) names the report files (``reports``: alias -> path), the corpora built from them
(``corpora``: name -> aliases, each the reports loaded when a question is asked) and its
``questions``. Each question has a ``kind``, a ``phrasing`` (the wording pattern; a whole
phrasing lives in one half), the ``corpus`` it is asked against, ``found`` (default true), the
``values`` its answer must contain as printed in the report, ``any_of`` groups of alternatives
(counts worked out by hand: "3" or "three"), an optional yes/no ``verdict`` and ``cite``: the
reports and quote fragments a right citation may match. ``before`` lists earlier questions of
the same conversation (a follow-up: "and what about their safeguarding?"), asked first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from assistant.settings import PACKAGE_ROOT

PARAPHRASE_DIR = PACKAGE_ROOT / "tests" / "data" / "paraphrase"
HALVES = ("tune", "heldout")

# A yes/no check is read by the first of these words in its answer.
_VERDICT_WORDS = {
    "yes": ("yes", "supported", "correct", "right", "true", "confirmed"),
    "no": ("no", "not", "contradicted", "incorrect", "wrong", "false"),
}
_VERDICT = re.compile(r"\b(" + "|".join(w for ws in _VERDICT_WORDS.values() for w in ws) + r")\b")


@dataclass(frozen=True)
class Cite:
    report: str  # alias of the report the citation comes from
    quote: str  # fragment its quote must contain


@dataclass
class ParaphraseQuestion:
    id: str
    kind: str
    phrasing: str
    voice: str
    corpus: str
    question: str
    found: bool = True
    values: list[str] = field(default_factory=list)
    any_of: list[list[str]] = field(default_factory=list)
    verdict: str | None = None
    cite: list[Cite] = field(default_factory=list)
    before: list[str] = field(default_factory=list)  # earlier turns of its conversation


@dataclass
class ParaphraseHalf:
    name: str
    reports: dict[str, Path]  # alias -> file
    corpora: dict[str, list[str]]  # corpus -> aliases
    questions: list[ParaphraseQuestion]

    def files(self, corpus: str) -> list[Path]:
        return [self.reports[a] for a in self.corpora[corpus]]


def load_half(path: Path, name: str | None = None) -> ParaphraseHalf:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    reports = {alias: PACKAGE_ROOT / p for alias, p in data["reports"].items()}
    questions = [_question(d) for d in data["questions"]]
    return ParaphraseHalf(name or Path(path).stem, reports, dict(data["corpora"]), questions)


def load_set(directory: Path = PARAPHRASE_DIR) -> list[ParaphraseHalf]:
    """Both halves (tune first) from a directory holding tune.yaml and heldout.yaml."""
    return [load_half(Path(directory) / f"{h}.yaml", h) for h in HALVES]


def _question(d: dict) -> ParaphraseQuestion:
    return ParaphraseQuestion(
        id=str(d["id"]),
        kind=str(d["kind"]),
        phrasing=str(d["phrasing"]),
        voice=str(d.get("voice", "")),
        corpus=str(d["corpus"]),
        question=str(d["q"]),
        found=bool(d.get("found", True)),
        values=[str(v) for v in d.get("values") or []],
        any_of=[[str(a) for a in group] for group in d.get("any_of") or []],
        verdict=d.get("verdict"),
        cite=[Cite(str(c["report"]), str(c["quote"])) for c in d.get("cite") or []],
        before=[str(b) for b in d.get("before") or []],
    )


def normalise(text: str) -> str:
    """Lower case, one apostrophe, single spaces, "68 %" and "42%%" read as "68%" and "42%"."""
    text = " ".join(text.lower().replace("’", "'").replace("‘", "'").split())
    text = re.sub(r"(\d) %", r"\1%", text)
    return re.sub(r"%+", "%", text)


def verdict_of(answer: str) -> str | None:
    """Yes or no: the polarity of the first verdict word in an answer (None: no verdict)."""
    m = _VERDICT.search(normalise(answer))
    if not m:
        return None
    return next(v for v, words in _VERDICT_WORDS.items() if m.group(1) in words)


def _has_word(body: str, word: str) -> bool:
    """``word`` stands alone in ``body``: "3" is not found in "1.3" or "30"."""
    return re.search(rf"(?<![\w.]){re.escape(word)}(?!\w|\.\d)", body) is not None


def citation_matches(q: ParaphraseQuestion, citations: list[dict], ids: dict[str, str]) -> bool:
    """At least one citation comes from an expected report and quotes its fragment.

    ``ids`` maps a report alias to the stored report id."""
    for c in citations:
        quote = normalise(c.get("quote", ""))
        for want in q.cite:
            if c.get("report") == ids.get(want.report) and normalise(want.quote) in quote:
                return True
    return False


def judge(q: ParaphraseQuestion, answer: dict, ids: dict[str, str]) -> list[str]:
    """What is wrong with an answer (empty: it is right)."""
    problems: list[str] = []
    if bool(answer["found"]) != q.found:
        problems.append(f"found is {answer['found']}, expected {q.found}")
    if not q.found:
        return problems
    body = normalise(answer["answer"])
    for v in q.values:
        if normalise(v) not in body:
            problems.append(f"missing value {v!r}")
    for group in q.any_of:
        if not any(_has_word(body, normalise(a)) for a in group):
            problems.append(f"missing one of {group!r}")
    if q.verdict and verdict_of(answer["answer"]) != q.verdict:
        problems.append(f"verdict is not {q.verdict!r}")
    if answer["found"] and not citation_matches(q, answer.get("citations") or [], ids):
        problems.append("citation: none quotes the expected fragment of the expected report")
    return problems
