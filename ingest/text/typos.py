"""Typing slips: whether a word is a name mistyped, not another word.

A slip is a letter left out, one too many, two letters swapped, or a letter typed with a key
beside the right one ("Seftn", "Harrowfeild", "Sefron" for Sefton). A letter replaced by one
typed with a key far from it makes another name ("Seaton" is not Sefton), so it is not a
slip. How many slips a word may hold grows with its length (``slips_allowed``).
"""

from __future__ import annotations

from functools import cache

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


@cache
def _position(key: str) -> tuple[int, int] | None:
    for row, keys in enumerate(_ROWS):
        if key in keys:
            return row, keys.index(key)
    return None


def keys_beside(a: str, b: str) -> bool:
    """``a`` and ``b`` are keys next to each other on a QWERTY keyboard."""
    pa, pb = _position(a.lower()), _position(b.lower())
    if pa is None or pb is None:
        return False
    (ra, ca), (rb, cb) = pa, pb
    # Rows are staggered: a key touches two keys of the row above and two below.
    return (ra == rb and abs(ca - cb) == 1) or (abs(ra - rb) == 1 and cb - ca in (-1, 0, 1))


def slips(typed: str, meant: str) -> int:
    """The fewest slips that turn ``meant`` into ``typed`` (lower case compared); a letter
    replaced by a far key counts as many slips as the words' length, so never a slip."""
    return _distance(typed.lower(), meant.lower(), far=max(len(typed), len(meant)) + 1)


def edits(a: str, b: str) -> int:
    """Letters left out, added, swapped or replaced (by any key) between two words: how
    alike two names look, for a "did you mean" rather than for reading one as the other."""
    return _distance(a.lower(), b.lower(), far=1)


def _distance(a: str, b: str, far: int) -> int:
    # Optimal string alignment: insertions, deletions, near-key substitutions, swaps.
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            same, near = a[i - 1] == b[j - 1], keys_beside(a[i - 1], b[j - 1])
            change = 0 if same else 1 if near else far
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + change)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def slips_allowed(word: str) -> int:
    """Slips a word of this length may hold and still be read as meant: none under five
    letters (too many short words lie one slip apart), one up to eight, two from nine."""
    n = len(word)
    return 0 if n < 5 else 1 if n <= 8 else 2


def is_slip_of(typed: str, meant: str) -> bool:
    """``typed`` is ``meant`` with a few slips (not the same word)."""
    if typed.lower() == meant.lower():
        return False
    allowed = slips_allowed(meant)
    if allowed == 0 or abs(len(typed) - len(meant)) > allowed:
        return False
    n = slips(typed, meant)
    # Fewer edits than slips: the nearest way needs a far key, read as a letter dropped and
    # another added ("Penmarron" for Penmarrow); that is another name, not two slips.
    return n <= allowed and edits(typed, meant) == n
