"""Data files of the language layer and of the packages above it, read and parsed once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@cache
def load_yaml(package: str, name: str) -> dict:
    """The YAML file ``name`` shipped inside ``package`` (package data, so installs carry it)."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    # libyaml's safe loader where PyYAML was built with it: the same data, read ten times
    # faster (a process reads some twenty of these files before its first answer).
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict):
        raise ValueError(f"{package}/{name} must hold a mapping")
    return data


@dataclass(frozen=True)
class Cue:
    """A named pattern with the phrasings it must match (``examples``) and must not (``not``)."""

    name: str
    pattern: re.Pattern
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]


_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL}


@cache
def load_cues(package: str, name: str) -> dict[str, Cue]:
    """Cue patterns from a YAML file: ``name: {pattern, flags, examples, not}``, compiled once.

    ``pattern`` may be a list of alternatives, joined with ``|``; ``flags`` is a string of
    ``i``, ``m``, ``s`` (default ``i``)."""
    out: dict[str, Cue] = {}
    for key, spec in load_yaml(package, name).items():
        raw = spec["pattern"]
        source = "|".join(raw) if isinstance(raw, list) else raw
        flags = 0
        for f in spec.get("flags", "i"):
            flags |= _FLAGS[f]
        out[key] = Cue(
            key,
            re.compile(source, flags),
            tuple(spec.get("examples", ())),
            tuple(spec.get("not", ())),
        )
    return out


def cue_patterns(package: str, name: str) -> dict[str, re.Pattern]:
    return {k: c.pattern for k, c in load_cues(package, name).items()}
