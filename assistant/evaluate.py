"""The gold question set: accuracy by kind, citation accuracy and latency of `Findings.ask`.

A gold file (YAML) names the reports it is about and lists questions, each with the facts
(strings) its answer must contain, whether the reports hold an answer at all (``found``), and
the sections its citations may quote. Follow-up sequences are ``turns`` of one conversation.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from assistant.settings import PACKAGE_ROOT, Settings

DEFAULT_GOLD = PACKAGE_ROOT / "tests" / "data" / "gold.yaml"
DEFAULT_TARGETS = {"overall": 0.95, "glossary": 1.0, "score": 1.0, "citations": 1.0}


@dataclass
class GoldQuestion:
    id: str
    kind: str
    question: str
    facts: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    found: bool = True
    sections: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)  # report ids citations may come from
    report: str | None = None  # passed to ask() as the report filter
    turn: int = 0  # position in its conversation (0: a fresh one)


@dataclass
class Outcome:
    gold: GoldQuestion
    answer: str
    found: bool
    citations: list[dict]
    seconds: float
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def citations_ok(self) -> bool:
        return not any(p.startswith("citation") for p in self.problems)


@dataclass
class EvalResult:
    outcomes: list[Outcome]
    targets: dict[str, float]

    def by_kind(self) -> dict[str, tuple[int, int]]:
        kinds: dict[str, tuple[int, int]] = {}
        for o in self.outcomes:
            ok, n = kinds.get(o.gold.kind, (0, 0))
            kinds[o.gold.kind] = (ok + o.ok, n + 1)
        return dict(sorted(kinds.items()))

    @property
    def accuracy(self) -> float:
        return sum(o.ok for o in self.outcomes) / max(len(self.outcomes), 1)

    @property
    def citation_accuracy(self) -> float:
        """Share of answered questions whose every citation quotes the right section."""
        answered = [o for o in self.outcomes if o.gold.found and o.found]
        return sum(o.citations_ok for o in answered) / max(len(answered), 1)

    def latency(self, q: float) -> float:
        return percentile([o.seconds for o in self.outcomes], q)

    def kind_accuracy(self, kind: str) -> float:
        ok, n = self.by_kind().get(kind, (0, 0))
        return ok / n if n else 1.0

    @property
    def passed(self) -> bool:
        t = self.targets
        return (
            self.accuracy >= t.get("overall", 0.95)
            and self.citation_accuracy >= t.get("citations", 1.0)
            and all(
                self.kind_accuracy(k) >= v
                for k, v in t.items()
                if k not in ("overall", "citations")
            )
        )

    def to_dict(self) -> dict:
        return {
            "questions": len(self.outcomes),
            "accuracy": round(self.accuracy, 4),
            "citation_accuracy": round(self.citation_accuracy, 4),
            "by_kind": {k: {"passed": ok, "total": n} for k, (ok, n) in self.by_kind().items()},
            "latency_ms": {
                "p50": round(self.latency(0.5) * 1000, 1),
                "p95": round(self.latency(0.95) * 1000, 1),
            },
            "targets": self.targets,
            "passed": self.passed,
            "failures": [
                {
                    "id": o.gold.id,
                    "question": o.gold.question,
                    "problems": o.problems,
                    "answer": o.answer,
                }
                for o in self.outcomes
                if not o.ok
            ],
        }


def load_gold(path: Path) -> tuple[list[Path], list[list[GoldQuestion]], dict[str, float]]:
    """(report files, conversations of gold questions, targets) from a gold YAML file."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    base = PACKAGE_ROOT
    files = [base / p for p in data.get("reports", [])]
    targets = {**DEFAULT_TARGETS, **(data.get("targets") or {})}
    conversations: list[list[GoldQuestion]] = []
    for n, item in enumerate(data["questions"], 1):
        qid = item.get("id", f"q{n}")
        if "turns" in item:
            turns = [
                _question(
                    {**t, "kind": t.get("kind", item.get("kind", "follow-up"))}, f"{qid}.{i}", i
                )
                for i, t in enumerate(item["turns"])
            ]
            conversations.append(turns)
        else:
            conversations.append([_question(item, qid, 0)])
    return files, conversations, targets


def _question(d: dict, qid: str, turn: int) -> GoldQuestion:
    def listed(key: str) -> list[str]:
        value = d.get(key) or []
        return [str(v) for v in (value if isinstance(value, list) else [value])]

    return GoldQuestion(
        id=qid,
        kind=d["kind"],
        question=d["q"],
        facts=listed("facts"),
        absent=listed("absent"),
        found=bool(d.get("found", True)),
        sections=listed("sections"),
        reports=listed("reports"),
        report=d.get("report"),
        turn=turn,
    )


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank ``q`` quantile of ``values`` (0.0 for none)."""
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))] if s else 0.0


def normalise(text: str) -> str:
    """Lower case, one kind of apostrophe, single spaces: how facts are matched in answers."""
    return " ".join(text.lower().replace("’", "'").split())


def has_facts(text: str, facts: list[str]) -> bool:
    body = normalise(text)
    return all(normalise(f) in body for f in facts)


def judge(gold: GoldQuestion, answer: dict, texts: dict[str, str]) -> list[str]:
    """What is wrong with an answer (empty: it is right)."""
    problems: list[str] = []
    if answer["found"] != gold.found:
        problems.append(f"found is {answer['found']}, expected {gold.found}")
    body = normalise(answer["answer"])
    for fact in gold.facts:
        if normalise(fact) not in body:
            problems.append(f"missing fact {fact!r}")
    for fact in gold.absent:
        if normalise(fact) in body:
            problems.append(f"unexpected {fact!r}")
    if gold.found and answer["found"]:
        if not answer["citations"]:
            problems.append("citations: none")
        for c in answer["citations"]:
            if c["quote"] not in texts.get(c["report"], ""):
                problems.append(f"citation quote not in {c['report']}: {c['quote'][:40]!r}")
            if gold.sections and c["section"] not in gold.sections:
                problems.append(f"citation section {c['section']} not in {gold.sections}")
            if gold.reports and c["report"] not in gold.reports:
                problems.append(f"citation from {c['report']}, expected {gold.reports}")
    return problems


def warm_up(findings) -> None:
    """Model load and first-use caches (the vector store loads its segments on the first
    filtered query after an ingest) are not the latency being measured."""
    retriever = findings.answerer.retriever
    retriever.search("warm up the model and the BM25 index")
    for r in findings.reports()[:1]:
        for kinds in (["context"], ["inspection-data"], ["service-users"], ["foreword"], None):
            retriever.search("warm up", reports=[r.id], kinds=kinds)


def evaluate(findings, conversations: list[list[GoldQuestion]], targets=None) -> EvalResult:
    """Ask every gold question through ``findings`` (follow-ups in one conversation)."""
    texts = {r.id: r.text for r in findings.reports()}
    warm_up(findings)
    outcomes: list[Outcome] = []
    for turns in conversations:
        conversation_id = None
        for g in turns:
            start = time.perf_counter()
            answer = findings.ask(g.question, conversation_id, g.report)
            seconds = time.perf_counter() - start
            conversation_id = answer.conversation_id
            d = answer.to_dict()
            outcomes.append(
                Outcome(g, d["answer"], d["found"], d["citations"], seconds, judge(g, d, texts))
            )
    return EvalResult(outcomes, dict(targets or DEFAULT_TARGETS))


@dataclass
class _TempStore:
    path: Path

    def cleanup(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


@contextmanager
def gold_findings(files: list[Path], store: Path | None = None) -> Iterator:
    """A core over a fresh store holding exactly the gold set's reports."""
    from assistant.core import Findings
    from assistant.embeddings import get_embedder

    tmp = _TempStore(Path(store or tempfile.mkdtemp(prefix="findings-eval-")))
    try:
        # a store of its own, never the shared database or vectors of a deployment
        settings = Settings(
            store=tmp.path, database_url=None, chroma_url=None, auto_ingest_sample=False, llm=None
        )
        findings = Findings(settings, embedder=get_embedder())
        results = findings.ingest(files)
        failed = [r for r in results if not r.ok]
        if failed:
            raise RuntimeError(f"could not ingest {failed[0].path}: {failed[0].error}")
        yield findings
    finally:
        if store is None:
            tmp.cleanup()


def run_gold(path: Path = DEFAULT_GOLD, progress=None) -> EvalResult:
    """Ingest the gold set's reports into a temporary store and evaluate."""
    files, conversations, targets = load_gold(path)
    with gold_findings(files) as findings:
        if progress is not None:
            progress.print(f"Evaluating {sum(map(len, conversations))} questions from {path}")
        return evaluate(findings, conversations, targets)


def print_report(result: EvalResult, console, show_failures: bool = True) -> None:
    from rich.table import Table

    table = Table(title="Gold set: accuracy by kind")
    for col in ("kind", "passed", "total", "accuracy"):
        table.add_column(col, justify="right" if col != "kind" else "left")
    for kind, (ok, n) in result.by_kind().items():
        table.add_row(kind, str(ok), str(n), f"{ok / n:.0%}")
    console.print(table)
    d = result.to_dict()
    console.print(
        f"overall {d['accuracy']:.1%} of {d['questions']} questions  |  citation accuracy "
        f"{d['citation_accuracy']:.1%}  |  latency p50 {d['latency_ms']['p50']} ms, "
        f"p95 {d['latency_ms']['p95']} ms"
    )
    if show_failures:
        for f in d["failures"]:
            console.print(f"[red]FAIL[/] {f['id']}: {f['question']}", highlight=False)
            for p in f["problems"]:
                console.print(f"     {p}", highlight=False, markup=False)
    verdict = "[green]targets met[/]" if result.passed else "[red]targets not met[/]"
    console.print(verdict)
