"""Glossary parsing: `TERM definition` lines, and the part whose two columns were pulled apart.

PDF extraction of a two-column glossary sometimes yields a run of terms followed by a run
of definitions in the same order. The definitions are re-aligned to the terms by dynamic
programming: each term is scored against the line a definition would start on (acronym
initials against the definition's words), a definition may span several paragraphs, and
the order is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.model import GlossaryEntry, Source
from ingest.text.layout import (
    Line,
    clean_text,
    continues,
    ends_open,
    is_terminated,
    strip_bullet,
    word_set,
    wrap_width,
)

_QUOTES = "\"'“”‘’"
_STOP = word_set("of and for the to in a an on at by with or from as")
# Words that start ordinary sentences, so never a glossary term at a paragraph's start.
_STARTERS = word_set(
    "a an the this these that those it its in for see example examples note nb where when "
    "if there they we our both each all some such also however and or but to of on at by "
    "with as from e.g i.e"
)
# A definition paragraph opening with one of these refers back: it rarely starts a new term.
_BACK_REFERENCES = word_set("it this these they that such however also")
_TERM_WORD_STOP = _STOP | word_set("after before under over per")

MakeSource = Callable[[str, int, int], Source]  # (heading, start, end) -> Source


@dataclass
class _Draft:
    term: str
    spans: list[tuple[int, int, bool]] = field(default_factory=list)  # (start, end, para_start)


def _core(word: str) -> str:
    return re.sub(r"[^\w+]", "", word)


def _is_acronym(token: str) -> bool:
    """`RoSH`, `LoR`, `HMI`, `YOIS+`: at least two capitals, starting with one."""
    core = _core(token)
    return len(core) >= 2 and core[0].isupper() and sum(c.isupper() for c in core) >= 2


_SPLIT_WORD = re.compile(r"[-/]")
_NON_WORD = re.compile(r"\W")


@lru_cache(maxsize=4096)
def _word_initials(word: str) -> tuple[str, str]:
    """A word's initials, with and without stop words (`Multi-Agency` -> ("ma", "ma"))."""
    keep, drop = [], []
    for part in _SPLIT_WORD.split(word):
        core = _NON_WORD.sub("", part)
        if not core:
            continue
        # "HM Inspectorate": an acronym in a definition contributes all its letters.
        letters = core.lower() if len(core) >= 2 and core.isupper() else core[0].lower()
        keep.append(letters)
        if core.lower() not in _STOP:
            drop.append(letters)
    return "".join(keep), "".join(drop)


def _initials(words: list[str], keep_stop: bool) -> str:
    return "".join(_word_initials(w)[0 if keep_stop else 1] for w in words)


def _lcs(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def acronym_score(term: str, definition_words: list[str]) -> float:
    """How well a term's letters match the initials of the words a definition starts with (0-1)."""
    caps = "".join(c.lower() for c in term if c.isupper() or c.isdigit())
    letters = "".join(c.lower() for c in term if c.isalnum())
    best = 0.0
    for key in {caps, letters}:
        if len(key) < 2:
            continue
        for keep_stop in (False, True):
            init = _initials(definition_words[: len(key) + 3], keep_stop)[: len(key) + 1]
            if not init:
                continue
            score = _lcs(key, init) / len(key)
            if init[0] != key[0]:
                score *= 0.5
            best = max(best, score)
    return best


def _stems(words: list[str]) -> set[str]:
    """Crude stems (first five letters) of the content words; `9-month` gives `month`."""
    out = set()
    for w in words:
        for part in re.split(r"[-/]", w):
            core = re.sub(r"\W", "", part).lower()
            if len(core) >= 3 and core not in _TERM_WORD_STOP and not core.isdigit():
                out.add(core[:5])
    return out


def _word_overlap(term: str, definition_words: list[str]) -> float:
    wanted = _stems(term.split())
    if not wanted:
        return 0.0
    return len(wanted & _stems(definition_words[:40])) / len(wanted)


def match_score(term: str, definition_words: list[str]) -> float:
    """Score of a term against the words a candidate definition starts with."""
    if len(term.split()) == 1 or all(_is_acronym(t) or t == "/" for t in term.split()):
        return acronym_score(term, definition_words)
    return max(_word_overlap(term, definition_words), 0.0)


def split_terms(term: str) -> list[str]:
    """`ASB / ASBO` -> ["ASB", "ASBO"]; quoted alternatives joined by `or` are split too."""
    parts = re.split(r"\s+/\s+|;\s*|,?\s+or\s+", term)
    return [p.strip(_QUOTES + " ,") for p in parts if p.strip(_QUOTES + " ,")]


def clean_term(raw: str) -> str:
    text = " ".join(raw.split())
    text = re.sub(f"[{_QUOTES}]", "", text)
    return text.strip(" ,")


# --- the normal `TERM definition` part -------------------------------------------------


def _split_term(line: Line) -> tuple[str, int] | None:
    """A line's leading term and the offset where its definition starts, or None."""
    toks = list(re.finditer(r"\S+", line.text))
    if len(toks) < 2:
        return None
    words = [t.group() for t in toks]
    i = 1
    while i + 1 < len(words) and words[i] == "/":
        i += 2
    if (
        i == 1
        and len(words) >= 3
        and _is_acronym(words[0])
        and words[1][:1].isupper()
        and not _is_acronym(words[1])
    ):
        # "HMI Prisons HM Inspectorate of Prisons": a two-word term.
        one = acronym_score(words[0], words[1:])
        two = acronym_score(" ".join(words[:2]), words[2:])
        if two >= 0.75 and two > one:
            i = 2
    if i >= len(words):
        return None
    return " ".join(words[:i]), line.start + toks[i].start()


# "Out-of-court disposal: A response to ...": a term of a few words, a colon, its definition.
_COLON_TERM = re.compile(r"[ \t]*([A-Z][^:\n]{0,60}?):[ \t]+(?=[A-Z\"'“‘(])")


def _colon_entry(line: Line) -> tuple[str, int] | None:
    m = _COLON_TERM.match(line.text)
    if not m or len(m.group(1).split()) > 6:
        return None
    term = m.group(1).strip()
    first = term.split()[0]
    if _is_acronym(first):
        return None  # "CAF Common Assessment Framework: ...": the acronym is the term
    if _core(first).lower() in _STARTERS:
        return None  # "Example: ...", "Note: ..." go on a definition, they start none
    return term, line.start + m.end()


def _entry_start(line: Line, para_start: bool, previous: str | None) -> tuple[str, int] | None:
    # A colon after a few words starts an entry at a paragraph's start, or where the last
    # definition ended its sentence (lines extracted without blank lines between entries).
    if (para_start or (previous is not None and is_terminated(previous))) and (
        colon := _colon_entry(line)
    ):
        return colon
    split = _split_term(line)
    if not split:
        return None
    term, def_start = split
    first = term.split()[0]
    bare = _core(first)
    if first.endswith(":") and term == first and _is_acronym(first[:-1]):
        term = first = first[:-1]  # "RoSH: Risk of Serious Harm"
    if len(bare) < 2 or not first[0].isupper() or first.endswith(":"):
        return None
    rest = line.text[def_start - line.start :].split()
    if _is_acronym(first) and acronym_score(term, rest) >= (0.6 if para_start else 0.75):
        return term, def_start
    if not para_start or _is_acronym(first):
        return None
    if previous is not None and continues(previous, line.text):
        return None
    if bare.lower() in _STARTERS:
        return None
    if rest and (rest[0][0].isupper() or rest[0][0] in _QUOTES):
        return split
    return None


def _draft_tail(text: str, spans: list[tuple[int, int, bool]]) -> str:
    """The draft's text as far as `continues` needs it: how it ends, i.e. its last non-empty
    span. Re-joining every span for every line would make a long definition quadratic."""
    for s, e, _ in reversed(spans):
        if text[s:e].strip():
            return text[s:e]
    return ""


def _column_width(text: str, drafts: list[_Draft]) -> int:
    """How wide the definition column is: the 90th-percentile length of the lines that go
    on with a definition (an entry's first line holds the term column too)."""
    lengths = sorted(len(text[s:e]) for d in drafts for s, e, _ in d.spans[1:])
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


_OPEN_TERM = re.compile(r"[;,]$|\b(?:and|or)$")
_FRAGMENT = re.compile(r"[a-z][\w-]*(?: [a-z][\w-]*)?")
_MERGED_PREFIX = re.compile(r"((?:[a-z][\w-]*\s+){0,2}(?:and|or|[a-z][\w-]*,))\s+")


def _absorb_term_column(text: str, draft: _Draft, column: int) -> None:
    """Undo a two-column glossary read line by line, where the term runs over several lines
    of its column: `Interventions; Work with ...` / `constructive and offending ...` /
    `restrictive`. The term column's lines come out as lines of one or two lower-case words
    on their own, or merged in front of a definition line, which then runs wider than the
    definition column by about that much. Only an entry whose term is left open (`;`, `,`,
    `and`) takes them, and only within the first lines a term could fill."""
    if not _OPEN_TERM.search(draft.term):
        return
    kept: list[tuple[int, int, bool]] = []
    term = draft.term
    term_width = len(term) + 2  # the term column: as wide as its first line's text
    for n, (s, e, para) in enumerate(draft.spans):
        raw = text[s:e]
        if 0 < n <= _MAX_TERM_LINES and _FRAGMENT.fullmatch(raw):
            term += " " + raw
            if para and n + 1 < len(draft.spans):
                # the fragment opened a paragraph; its neighbour now does
                ns, ne, _ = draft.spans[n + 1]
                draft.spans[n + 1] = (ns, ne, True)
            continue
        m = _MERGED_PREFIX.match(raw) if 0 < n <= _MAX_TERM_LINES else None
        if (
            m
            and _OPEN_TERM.search(term)
            and len(raw) > column  # wider than the definition column: two columns' text
            and len(m.group(1)) <= term_width  # and the prefix fits the term column
        ):
            term += " " + m.group(1)
            kept.append((s + m.end(), e, para))
            continue
        kept.append((s, e, para))
    draft.term = term
    draft.spans = kept


# --- the pulled-apart part -------------------------------------------------------------


def _term_only(t: str) -> bool:
    if t.endswith(".") or len(t) > 40:
        return False
    if " " not in t or re.fullmatch(r"\S+ / \S+", t):
        return True
    return t[0] in _QUOTES and len(t.split()) <= 5


# A term printed over more lines than this is not a term: the cap also keeps the joins linear.
_MAX_TERM_LINES = 5


def _joins_group(group: list[Line], t: str) -> bool:
    last = group[-1].text
    if len(t.split()) > 5 or t.endswith(".") or len(group) >= _MAX_TERM_LINES:
        return False
    if re.search(r"(?:,|/|\bor|\band)$", last) or t[0].islower():
        return True
    joined = " ".join(g.text for g in group)
    opened = joined[0] in "“‘\"'"
    closed = re.search(r"[”’\"']\W*$", joined) is not None
    return opened and not closed


def find_term_run(lines: list[Line]) -> tuple[int, int, list[list[Line]]] | None:
    """The first run of at least three bare terms: (first line index, end index, groups)."""
    n = len(lines)
    resume = 0
    for i, line in enumerate(lines):
        if i < resume or line.blank or not _term_only(line.text):
            continue
        groups: list[list[Line]] = []
        j = i
        while j < n:
            t = lines[j].text
            if not t:
                j += 1
                continue
            if groups and _joins_group(groups[-1], t):
                groups[-1].append(lines[j])
            elif _term_only(t):
                groups.append([lines[j]])
            else:
                break
            j += 1
        capitalised = sum(g[0].text[0].isupper() or g[0].text[0] in _QUOTES for g in groups)
        if len(groups) >= 3 and capitalised * 3 >= len(groups) * 2:
            return i, j, groups
        # the lines up to j were one failed run: starting again inside it would rescan them
        # for every line (quadratic on a long run of bare words)
        resume = j
    return None


def _align(
    terms: list[str],
    defs: list[Line],
    para_start: list[bool],
    previous: str | None,
    short_before: list[bool] | None = None,
) -> tuple[int, list[int]] | None:
    """Best (prefix length, start line of each term) over the definition lines.
    `short_before[j]`: the line above j stops well short of the wrap width, a weak sign that
    a paragraph ended there although no blank line follows (extraction without blank lines)."""
    n, m = len(terms), len(defs)
    if n == 0 or m < n:
        return None

    def words_at(j: int) -> list[str]:
        words = defs[j].text.split()
        k = j + 1
        while k < m and not para_start[k] and len(words) < 40:
            words += defs[k].text.split()
            k += 1
        return words

    def boundary(j: int) -> float:
        t = strip_bullet(defs[j].text)
        score = 0.0 if para_start[j] else -0.6
        if not para_start[j] and short_before and short_before[j]:
            score += 0.4
        if not para_start[j] and ends_open(defs[j - 1].text):
            score -= 3.0  # "... in those instances when a" / "CAF may not ...": one sentence
        if not t or t[0].islower():
            score -= 1.0
        elif _core(t.split()[0]).lower() in _BACK_REFERENCES:
            score -= 0.6
        if j and is_terminated(defs[j - 1].text):
            score += 0.05
        return score

    words = [words_at(j) for j in range(m)]
    bounds = [boundary(j) for j in range(m)]
    neg = float("-inf")
    lo, hi = _band(n, m)
    prefix_ok = bool(previous) and continues(previous or "", defs[0].text)
    # Row i holds term i's scores over its window lo[i]..hi[i] only (index j - lo[i]).
    best: list[list[float]] = []
    back: list[list[int]] = []
    row = []
    for j in range(lo[0], hi[0] + 1):
        if j == 0:
            penalty = -0.3 if previous and not is_terminated(previous) else 0.0
        elif not para_start[j] and not is_terminated(defs[j - 1].text):
            row.append(neg)
            continue
        else:
            penalty = 0.0 if prefix_ok else -2.0
        row.append(match_score(terms[0], words[j]) + bounds[j] + penalty)
    best.append(row)
    back.append([-1] * len(row))
    for i in range(1, n):
        prev, prev_lo = best[i - 1], lo[i - 1]
        row, arg = [], []
        run_best, run_arg, p = neg, -1, 0
        for j in range(lo[i], hi[i] + 1):
            while p < len(prev) and prev_lo + p <= j - 1:
                if prev[p] > run_best:
                    run_best, run_arg = prev[p], prev_lo + p
                p += 1
            if run_best > neg:
                row.append(run_best + match_score(terms[i], words[j]) + bounds[j])
            else:
                row.append(neg)
            arg.append(run_arg)
        best.append(row)
        back.append(arg)
    last_row = best[n - 1]
    k = max(range(len(last_row)), key=lambda x: last_row[x])
    if last_row[k] == neg:
        return None
    starts = [lo[n - 1] + k]
    for i in range(n - 1, 0, -1):
        starts.append(back[i][starts[-1] - lo[i]])
    starts.reverse()
    return starts[0], starts


# Scored (term, line) pairs the alignment may try. A real two-column glossary needs a few
# thousand; beyond this the search keeps to a band around the diagonal, so a pathological
# input (thousands of bare terms over thousands of lines) costs linear time, not n * m.
_ALIGN_BUDGET = 40_000


def _band(n: int, m: int) -> tuple[list[int], list[int]]:
    """Each term's window of possible start lines. Term i can only start on lines
    i .. m-n+i (the others must fit before and after it); over the budget, also within a
    band around where it would start if all definitions were the same length. Both
    bounds never decrease with i, which the alignment's running maximum relies on."""
    slack = m - n
    width = slack if n * (slack + 1) <= _ALIGN_BUDGET else max(2, _ALIGN_BUDGET // (2 * n))
    lo, hi = [], []
    for i in range(n):
        centre = i + (slack * i) // max(n - 1, 1)
        lo.append(max(i, centre - width))
        hi.append(min(slack + i, centre + width))
    return lo, hi


# --- assembling entries ----------------------------------------------------------------


def _stretches(text: str, draft: _Draft) -> list[tuple[int, int]]:
    """The raw stretches a definition is read from: its spans, each paragraph's bullet junk
    left out, neighbours joined when only white space parts them. A term fragment pulled out
    of the lines, or other entries in between, leave a gap: the stretches either side of it
    stay apart, so each quotes exactly what the definition says."""
    out: list[tuple[int, int]] = []
    for s, e, para in draft.spans:
        raw = text[s:e]
        if para:
            s += len(raw) - len(strip_bullet(raw))
        if not text[s:e].strip():
            continue
        if out and not text[out[-1][1] : s].strip():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _entry(text: str, draft: _Draft, make_source: MakeSource) -> GlossaryEntry | None:
    paras: list[list[tuple[int, int]]] = []
    for s, e, para in draft.spans:
        if para or not paras:
            paras.append([])
        paras[-1].append((s, e))
    cleaned: list[str] = []
    for p in paras:
        piece = clean_text("\n".join(text[s:e] for s, e in p))
        if not piece:
            continue
        if cleaned and continues(cleaned[-1], "\n".join(text[s:e] for s, e in p)):
            cleaned[-1] += " " + piece
        else:
            cleaned.append(piece)
    stretches = _stretches(text, draft)
    if not cleaned or not stretches:
        return None
    term = clean_term(draft.term)
    spans = [make_source(term, s, e) for s, e in stretches]
    return GlossaryEntry(
        terms=split_terms(term) or [term],
        term=term,
        definition="\n\n".join(cleaned),
        source=spans[0],
        spans=spans,
    )


def _term_alone(lines: list[Line], k: int, drafts: list[_Draft]) -> bool:
    """Line k is a bare term whose definition starts on the next line (a two-column table
    read row by row): `RoSH` / `Risk of Serious Harm`. Not a word that ends a sentence
    (`See also` / `YOIS+`), nor a line before an entry of its own."""
    t = lines[k].text
    if not (_term_only(t) or _title_words(t)) or not (t[0].isupper() or t[0] in _QUOTES):
        return False
    # index walks, not slices: a slice per line would copy the list (quadratic)
    before = next((lines[b].text for b in range(k - 1, -1, -1) if not lines[b].blank), "")
    if before and ends_open(before):
        return False
    after = next((lines[a] for a in range(k + 1, len(lines)) if not lines[a].blank), None)
    if after is None or not (after.text[0].isupper() or after.text[0] in _QUOTES):
        return False
    if acronym_score(t, after.text.split()) >= 0.6:
        return True
    in_order = not drafts or _sort_key(drafts[-1].term) < _sort_key(t)
    return in_order and _entry_start(after, True, None) is None


def _title_words(t: str) -> bool:
    """`Scaled Approach`, `HMI Probation`: two to four capitalised words, nothing else."""
    words = t.split()
    return (
        2 <= len(words) <= 4
        and len(t) <= 40
        and not re.search(r"[\d.:;,]", t)
        and all(w[0].isupper() or w.lower() in _STOP for w in words)
    )


def _sort_key(term: str) -> str:
    return re.sub(r"[^a-z0-9]", "", term.casefold())


def _split_by_order(text: str, drafts: list[_Draft], after_last: str | None) -> list[_Draft]:
    """Split entries that swallowed the next one: a glossary is in alphabetical order, so a
    line inside a definition that reads as `Term Definition...` and whose term sorts between
    this entry's term and the next one's starts an entry of its own. (Text extracted without
    blank lines gives no other sign: `Asset A structured ...` after a full line.)"""
    out: list[_Draft] = []
    for i, draft in enumerate(drafts):
        upper = drafts[i + 1].term if i + 1 < len(drafts) else after_last
        current = _Draft(draft.term, [])
        for n, (s, e, para) in enumerate(draft.spans):
            candidate = None
            if n and upper and current.spans:
                line = Line(-1, s, e, text[s:e], False)
                candidate = _entry_start(line, True, _draft_tail(text, current.spans))
            if candidate and (
                _sort_key(current.term) < _sort_key(candidate[0]) < _sort_key(upper or "")
            ):
                out.append(current)
                current = _Draft(candidate[0], [(candidate[1], e, True)])
            else:
                current.spans.append((s, e, para))
        out.append(current)
    return out


def parse_glossary(text: str, lines: list[Line], make_source: MakeSource) -> list[GlossaryEntry]:
    """Entries of a glossary given its body lines (after the heading)."""
    run = find_term_run(lines)
    normal_lines = lines[: run[0]] if run else lines
    width = wrap_width(normal_lines, 30)
    drafts: list[_Draft] = []
    para_start = True
    alone: str | None = None  # a term printed on a line of its own, its definition next
    for k, line in enumerate(normal_lines):
        if line.blank:
            para_start = True
            continue
        if alone is not None:
            drafts.append(_Draft(alone, [(line.start, line.end, True)]))
            alone, para_start = None, False
            continue
        before = normal_lines[k - 1].text if k else ""
        if (
            before
            and not line.text[0].islower()
            and (
                len(before) < 0.75 * width
                or len(before) + 1 + len(line.text.split()[0]) < 0.95 * width
            )
        ):
            # text extracted without blank lines: a line that stopped short (this line's first
            # word would have fitted on it) ends its paragraph, unless this line goes on in
            # lower case (`... programme;` / `a restrictive ...`: one sentence)
            para_start = True
        previous = _draft_tail(text, drafts[-1].spans) if drafts else None
        started = _entry_start(line, para_start, previous)
        acronym_entry = started is not None and _is_acronym(started[0].split()[0])
        if not acronym_entry and _term_alone(normal_lines, k, drafts):
            alone = line.text
        elif started:
            term, def_start = started
            drafts.append(_Draft(term, [(def_start, line.end, True)]))
        elif drafts:
            drafts[-1].spans.append((line.start, line.end, para_start))
        para_start = False
    column = _column_width(text, drafts)
    for d in drafts:
        _absorb_term_column(text, d, column)
    upper = " ".join(g.text for g in run[2][0]) if run else None
    drafts = _split_by_order(text, drafts, upper)

    if run:
        _, end, groups = run
        terms = [" ".join(g.text for g in group) for group in groups]
        defs: list[Line] = []
        flags: list[bool] = []
        para_start = True
        for line in lines[end:]:
            if line.blank:
                para_start = True
                continue
            defs.append(line)
            flags.append(para_start)
            para_start = False
        previous = _draft_tail(text, drafts[-1].spans) if drafts else None
        def_width = wrap_width(defs, 30)
        short = [k > 0 and len(defs[k - 1].text) < 0.75 * def_width for k in range(len(defs))]
        aligned = _align(terms, defs, flags, previous, short)
        if aligned:
            prefix, starts = aligned
            if drafts:
                for k in range(prefix):
                    drafts[-1].spans.append((defs[k].start, defs[k].end, flags[k]))
            bounds = starts + [len(defs)]
            for i, term in enumerate(terms):
                spans = [
                    (defs[k].start, defs[k].end, flags[k] or k == bounds[i])
                    for k in range(bounds[i], bounds[i + 1])
                ]
                drafts.append(_Draft(term, spans))

    entries = [_entry(text, d, make_source) for d in drafts]
    return [e for e in entries if e]
