"""Patterns that find a term (a glossary acronym or phrase) in text.

Two readings, on purpose. Finding a term in a question is lenient: people type "rosh" for
RoSH and "VMPs" for VMP (tests/test_retrieve.py, tests/test_answer_variants.py). Marking a
term in a report for a reader is strict: only the spelling the glossary prints, so that
"mappa" in running text and the plural "MAPPAs" are left unmarked
(tests/test_web_presenters.py).
"""

from __future__ import annotations

import re


def phrase_regex(phrase: str) -> str:
    """The words of ``phrase``, each escaped, with any white space between them: a phrase a
    line break may split ("Requires\nimprovement")."""
    return r"\s+".join(map(re.escape, phrase.split()))


def term_pattern(term: str) -> re.Pattern:
    """Whole-word pattern for a glossary term; short terms must match their case exactly."""
    core = term.strip(" “”\"'‘’").rstrip("+")
    flags = 0 if len(core) <= 2 else re.IGNORECASE
    plus = r"\+?" if term.rstrip().endswith("+") else ""
    # An acronym's plural ("VMPs", "PSRs") names the same thing.
    plural = "(?:s)?" if re.fullmatch(r"[A-Za-z]*[A-Z][A-Za-z]*[A-Z]", core) else ""
    return re.compile(
        r"(?<![A-Za-z0-9])" + re.escape(core) + plus + plural + r"(?![A-Za-z0-9])", flags
    )


def exact_term_pattern(term: str) -> re.Pattern:
    """Whole-word match; acronyms (any capital after the first letter) match case-sensitively."""
    flags = 0 if any(c.isupper() for c in term[1:]) else re.IGNORECASE
    return re.compile(r"(?<![\w])" + re.escape(term) + r"(?![\w])", flags)
