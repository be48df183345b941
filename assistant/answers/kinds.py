"""Kinds of question as data: labelled example questions (``kinds.yaml``) matched with the
product's embedder. A question is given the kind of its nearest examples (cosine k-NN over
the normalised sentence embeddings), with how sure that is: the similarity of the nearest
example of the kind, and the margin of its vote over the next kind's.

A new phrasing is taught by adding it as an example to ``kinds.yaml``; the examples are
embedded once per process (and kept on disk, keyed by the file and the model, so a restart
does not embed them again).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.text.resources import load_yaml

if TYPE_CHECKING:  # numpy is imported only when a question is embedded
    import numpy as np

_DATA = ("assistant.answers", "kinds.yaml")


@dataclass(frozen=True)
class Otherwise:
    """The same kind asked the other way round ("below" for "above"): other slots."""

    words: tuple[str, ...]
    slots: dict


@dataclass(frozen=True)
class Kind:
    name: str
    route: str
    examples: tuple[str, ...]
    slots: dict = field(default_factory=dict)
    answer: str | None = None  # what an answer must hold: number, date, place, person...
    search: str = ""  # what the search looks for instead of the question's words
    otherwise: Otherwise | None = None
    strip: tuple[str, ...] = ()  # patterns of what is not part of the slot (a claim's asking)
    refuse: str | None = None  # a pattern of questions this kind's route must not take
    sure_when: str | None = None  # "timing": nearest is enough with a word of time after
    require: str | None = None  # a pattern every question this kind's route takes must match

    def slots_for(self, question: str) -> dict:
        o = self.otherwise
        if o and any(re.search(rf"\b{re.escape(w)}\b", question, re.I) for w in o.words):
            return {**self.slots, **o.slots}
        return dict(self.slots)


@dataclass(frozen=True)
class Overrule:
    when: str  # "always" | "no-targets" | "has-figure" | "long" | "timing"
    by: tuple[str, ...]  # the kinds that may overrule the rule


@dataclass(frozen=True)
class Kinds:
    kinds: dict[str, Kind]
    overrules: dict[str, tuple[Overrule, ...]]  # rule name -> when the classifier may overrule
    min_similarity: float
    min_margin: float
    neighbours: int
    sharpness: float
    long_question: int
    digest: str  # of the data file: the key of the cached example vectors
    topics: tuple[str, ...] = ()  # patterns of words naming what is asked about
    timing: str = ""  # a pattern of words of time after the inspection ("yet", "since")
    figure: str = ""  # a pattern of what a question quotes as a figure to check ("38%", "Good")

    @property
    def examples(self) -> list[tuple[str, str]]:
        """(kind, example question) for every example, in file order."""
        return [(k.name, e) for k in self.kinds.values() for e in k.examples]

    def masked(self, question: str, names: Sequence[str] = ()) -> str:
        """``question`` with what it is about (the topic words, and ``names``: the measures,
        terms and areas of the loaded reports) put as "X": the kind is in the asking."""
        return mask(question, self.topics, tuple(names))


@lru_cache(maxsize=1024)
def mask(question: str, topics: tuple[str, ...], names: tuple[str, ...] = ()) -> str:
    literal = [re.escape(n) for n in names if len(n) >= 2]
    alternatives = sorted(literal, key=len, reverse=True) + list(topics)
    if not alternatives:
        return question
    pattern = r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])"
    out = re.sub(pattern, "X", question, flags=re.I)
    return " ".join(out.split())


# a figure when kinds.yaml gives none: a percentage
_FIGURE = r"\d+(?:\.\d+)?\s*(?:%|per ?cent\b|percent\b)"


@cache
def figure_pattern() -> re.Pattern:
    """What a question quotes as a figure to check (``kinds.yaml``: ``figure``): a check
    overrules a rule by it, and a statement with a tag ("..., right?") is a claim with one."""
    return re.compile(load_kinds().figure or _FIGURE, re.I)


@cache
def load_kinds() -> Kinds:
    data = load_yaml(*_DATA)
    kinds = {}
    for name, spec in data["kinds"].items():
        other = spec.get("otherwise")
        kinds[name] = Kind(
            name,
            spec["route"],
            tuple(str(e) for e in spec["examples"]),
            dict(spec.get("slots") or {}),
            spec.get("answer"),
            spec.get("search", ""),
            Otherwise(tuple(other["words"]), dict(other["slots"])) if other else None,
            tuple(spec.get("strip") or ()),
            spec.get("refuse"),
            spec.get("sure_when"),
            spec.get("require"),
        )
    digest = hashlib.sha256(repr(sorted(data.items(), key=str)).encode()).hexdigest()[:16]
    return Kinds(
        kinds,
        {
            name: tuple(Overrule(o.get("when", "always"), tuple(o["by"])) for o in specs)
            for name, specs in (data.get("overrules") or {}).items()
        },
        float(data["min_similarity"]),
        float(data["min_margin"]),
        int(data["neighbours"]),
        float(data.get("sharpness", 1)),
        int(data.get("long_question", 8)),
        digest,
        tuple(str(t) for t in data.get("topics") or ()),
        str(data.get("timing") or ""),
        str(data.get("figure") or ""),
    )


@dataclass(frozen=True)
class Guess:
    """The kind of a question and how sure: ``similarity`` of its nearest example of that
    kind, ``margin`` of its share of the neighbours' vote over the next kind's."""

    kind: str
    similarity: float
    margin: float
    runner_up: str | None = None

    def confident(self, kinds: Kinds) -> bool:
        return self.similarity >= kinds.min_similarity and self.margin >= kinds.min_margin


def _embedder():
    from assistant.embeddings import get_embedder

    return get_embedder()


def _model_key() -> str:
    from assistant.embeddings import model_path

    return model_path()


def _cache_file(kinds: Kinds) -> Path | None:
    try:
        from assistant.settings import get_settings

        model = hashlib.sha256(_model_key().encode()).hexdigest()[:12]
        return get_settings().store / "cache" / f"kinds-{kinds.digest}-{model}.npy"
    except Exception:  # noqa: BLE001 - no settings or model path: no disk cache, still works
        return None


@cache
def example_vectors() -> np.ndarray:
    """The examples' embeddings (rows normalised), from the disk cache when it is current."""
    import numpy as np

    kinds = load_kinds()
    texts = [kinds.masked(e) for _, e in kinds.examples]
    path = _cache_file(kinds)
    if path is not None and path.exists():
        try:
            cached = np.load(path)
            if cached.shape[0] == len(texts):
                return cached
        except (OSError, ValueError):
            pass  # a broken cache file is rebuilt below
    vectors = _normalised(np.asarray(_embedder().embed_documents(texts), dtype=np.float32))
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp.npy")
            np.save(tmp, vectors)
            tmp.replace(path)
        except OSError:
            pass  # a read-only store: the vectors stay in memory only
    return vectors


def _normalised(m: np.ndarray) -> np.ndarray:
    import numpy as np

    norms = np.linalg.norm(m, axis=-1, keepdims=True)
    return m / np.where(norms == 0, 1, norms)


@lru_cache(maxsize=512)
def question_vector(question: str) -> np.ndarray:
    """One question's embedding; a question asked again (a retry, a page reload) is not
    embedded again."""
    import numpy as np

    return _normalised(np.asarray(_embedder().embed_query(question), dtype=np.float32))


def vote(
    sims: np.ndarray, labels: Sequence[str], k: int, sharpness: float = 1, skip: int | None = None
) -> Guess | None:
    """The k nearest examples' vote, each weighted by its similarity to ``sharpness``."""
    import numpy as np

    order = [i for i in np.argsort(-sims) if i != skip][:k]
    if not order:
        return None
    tally: dict[str, float] = {}
    nearest: dict[str, float] = {}
    for i in order:
        tally[labels[i]] = tally.get(labels[i], 0.0) + max(float(sims[i]), 0.0) ** sharpness
        nearest.setdefault(labels[i], float(sims[i]))
    ranked = sorted(tally.items(), key=lambda kv: -kv[1])
    total = sum(tally.values()) or 1.0
    best, best_vote = ranked[0]
    second, second_vote = ranked[1] if len(ranked) > 1 else (None, 0.0)
    return Guess(best, nearest[best], (best_vote - second_vote) / total, second)


def classify(question: str, names: Sequence[str] = ()) -> Guess | None:
    """The kind of ``question`` by its nearest labelled examples; ``names`` are what the loaded
    reports call their measures, terms and areas (masked like the topic words)."""
    kinds = load_kinds()
    labels = [k for k, _ in kinds.examples]
    if not labels:
        return None
    sims = example_vectors() @ question_vector(kinds.masked(" ".join(question.split()), names))
    return vote(sims, labels, kinds.neighbours, kinds.sharpness)


def own_kinds() -> list[tuple[str, str, str]]:
    """(kind, example, kind given) for every example not given its own kind among all."""
    kinds = load_kinds()
    labels = [k for k, _ in kinds.examples]
    vectors = example_vectors()
    sims = vectors @ vectors.T
    wrong = []
    for i, (label, example) in enumerate(kinds.examples):
        guess = vote(sims[i], labels, kinds.neighbours, kinds.sharpness)
        if guess is None or guess.kind != label:
            wrong.append((label, example, guess.kind if guess else ""))
    return wrong


def leave_one_out() -> tuple[float, dict[str, tuple[int, int]]]:
    """Accuracy of classifying each example by all the others: (overall, kind -> (right, n))."""
    kinds = load_kinds()
    labels = [k for k, _ in kinds.examples]
    vectors = example_vectors()
    sims = vectors @ vectors.T
    per: dict[str, tuple[int, int]] = {}
    right = 0
    for i, label in enumerate(labels):
        guess = vote(sims[i], labels, kinds.neighbours, kinds.sharpness, skip=i)
        ok = guess is not None and guess.kind == label
        right += ok
        r, n = per.get(label, (0, 0))
        per[label] = (r + ok, n + 1)
    return right / max(len(labels), 1), per
