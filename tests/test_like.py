"""Like with like: percentages with percentages, points of one maximum with each other, ratings
of one scale with each other, and a rating's rank read as 1 the best."""

from __future__ import annotations

from assistant.answers.like import by_kind, extreme, extremes_of_scores, mean_text
from ingest.model import Report, ReportFormat, Role, Score, Source, Unit


def _score(key: str, value, unit=Unit.PERCENT, rating=None, maximum=None) -> Score:
    return Score(
        key, key, value, None, Role.CRITERION, Source(key, key, key, 0), unit, rating, maximum
    )


def _report(fmt: ReportFormat) -> Report:
    return Report(id=f"r-{fmt}", area="R", year=2020, title="R", text="R", format=fmt)


RATINGS = _report(ReportFormat.RATINGS)
CORE = _report(ReportFormat.CORE_CASE)


def test_the_lowest_rating_is_the_worst_rank():
    scores = [
        _score("a", 1, Unit.RATING, "Outstanding"),
        _score("b", 4, Unit.RATING, "Inadequate"),
        _score("c", 4, Unit.RATING, "Inadequate"),
        _score("d", 2, Unit.RATING, "Good"),
    ]
    assert [s.key for s in extremes_of_scores(RATINGS, scores, "min")] == ["b", "c"]
    assert [s.key for s in extremes_of_scores(RATINGS, scores, "max")] == ["a"]


def test_percentages_points_and_ratings_are_never_pooled():
    pairs = [
        (CORE, _score("pct", 36)),
        (RATINGS, _score("rating", 3, Unit.RATING, "Requires improvement")),
        (RATINGS, _score("pts36", 6, Unit.POINTS, maximum=36)),
        (RATINGS, _score("pts33", 15, Unit.POINTS, maximum=33)),
        (CORE, _score("pct2", 52)),
    ]
    groups = by_kind(pairs)
    assert [[s.key for _, s in g] for g in groups] == [
        ["pct", "pct2"],
        ["rating"],
        ["pts36"],
        ["pts33"],
    ]
    assert [s.key for _, s in extreme(groups[0], lambda p: p[1], "min")] == ["pct"]


def test_the_same_word_on_two_scales_is_two_kinds():
    old = _report(ReportFormat.INSPECTION_2012)
    pairs = [
        (old, _score("a", 2, Unit.RATING, "Good")),
        (RATINGS, _score("b", 2, Unit.RATING, "Good")),
    ]
    assert len(by_kind(pairs)) == 2


def test_an_average_only_of_like_numbers():
    assert mean_text([_score("a", 49), _score("b", 66), _score("c", 57)]) == (
        " Their average: 57.3% (the mean of these 3)."
    )
    assert mean_text([_score("a", 49), _score("b", 6, Unit.POINTS, maximum=36)]) == ""
    assert (
        mean_text([_score("a", 1, Unit.RATING, "Good"), _score("b", 2, Unit.RATING, "Good")]) == ""
    )
