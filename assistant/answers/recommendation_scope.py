"""What a recommendation question names besides asking for recommendations: a post ("the
police", "the Chair") or a topic ("staff sickness"), read against the words of
``recommendation_scope.yaml``.

A question that names a post no recommendation is for (nor mentions), or a topic no
recommendation is about, is not answered with every recommendation of the report: the
recommendations are offered as related and found is false. An ordinal asked of a post ("what
should the board do first?") counts within that post's recommendations, not the report's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ingest.model import Item
from ingest.text.resources import load_yaml
from ingest.text.stemming import stem
from ingest.text.tokens import stems
from ingest.text.typos import is_slip_of

_DATA = ("assistant.answers", "recommendation_scope.yaml")
# "recommendation 3", "rec (2)", "number 4": a number the report gives its recommendation
_NUMBERED = re.compile(r"\d")


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(stem(w) for w in str(load_yaml(*_DATA)[key]).split())


@cache
def _action() -> re.Pattern:
    return re.compile(str(load_yaml(*_DATA)["action"]), re.I)


def asks_action(question: str) -> bool:
    """The question asks who should act or what should be done."""
    return bool(_action().search(question))


@dataclass(frozen=True)
class Scope:
    posts: frozenset[str]  # stems naming who should act
    topic: frozenset[str]  # the other stems: what the recommendations should be about

    @property
    def names_something(self) -> bool:
        return bool(self.posts or self.topic)


def scope_of(content: set[str]) -> Scope:
    """The posts and the topic among a question's content stems (already without question
    words, stop words and the area's name)."""
    posts = frozenset(w for w in content if w in _words("posts"))
    topic = frozenset(w for w in content if w not in posts and not _asking(w))
    return Scope(posts, topic)


def _asking(word: str) -> bool:
    """``word`` asks rather than names a topic: an asking word, or one typed with a slip
    ("reccomendation")."""
    asking = _words("asking")
    return word in asking or any(is_slip_of(word, a) for a in asking if len(a) >= 5)


def for_post(items: Sequence[Item], posts: frozenset[str]) -> list[Item]:
    """The recommendations whose owner, or failing that whose text, names one of ``posts``."""
    if not posts:
        return []
    owned = [i for i in items if i.owner and set(stems(i.owner)) & posts]
    return owned or [i for i in items if set(stems(i.text)) & posts]


def about(items: Sequence[Item], topic: frozenset[str]) -> list[Item]:
    """The recommendations whose text, or the name of the part they stand under ("Protecting
    the public: Recommendations"), holds a word of ``topic``."""
    return [i for i in items if set(stems(f"{i.text} {i.source.heading}")) & topic] if topic else []


def by_position(items: Sequence[Item], numbers: Sequence[int], question: str) -> list[Item]:
    """The items an ordinal picks counting within ``items`` ("the board's first"); none when
    the question gives a recommendation's own number ("recommendation 3")."""
    if _NUMBERED.search(question) or not items:
        return []
    return [items[n - 1] if n > 0 else items[-1] for n in numbers if n == -1 or n <= len(items)]
