"""The reports table: one row per report, filtered, sorted and paged on the server.

Query parameters drive everything, so the table works without JavaScript and each request
does work linear in the number of loaded reports (no per-row queries).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from ingest.model import BANDS, RATINGS, Report, ReportFormat, Role, Score, Unit

FORMAT_LABELS = {
    ReportFormat.CORE_CASE: "Core Case Inspection (2009-2012)",
    ReportFormat.INSPECTION_2012: "Inspection of 2012-2017",
    ReportFormat.RATINGS: "Ratings framework (2018 on)",
    ReportFormat.GENERAL: "General document",
}
SHORT_LABELS = {
    ReportFormat.CORE_CASE: "Core Case",
    ReportFormat.INSPECTION_2012: "2012-2017",
    ReportFormat.RATINGS: "Ratings",
    ReportFormat.GENERAL: "General",
}
FIXED_SORTS = ("area", "year", "format")
PAGE_SIZES = (25, 50, 100, 200)


def format_label(fmt: str) -> str:
    return FORMAT_LABELS.get(fmt, str(fmt))


def short_label(fmt: str) -> str:
    return SHORT_LABELS.get(fmt, str(fmt))


def confidence_word(confidence: float) -> str:
    """How sure the reader choice was, in words a reader can weigh."""
    if confidence >= 0.95:
        return "sure"
    if confidence >= 0.75:
        return "fairly sure"
    return "unsure"


def rating_points(rating: str | None) -> int | None:
    """Outstanding 3 ... Inadequate 0, so that ascending order puts the worst first."""
    return len(RATINGS) - 1 - RATINGS.index(rating) if rating in RATINGS else None


def sort_value(score: Score | None) -> float | None:
    if score is None:
        return None
    if score.unit == Unit.RATING:
        points = rating_points(score.rating)
        return float(points) if points is not None else None
    return float(score.value) if score.value is not None else None


def grades(report: Report) -> set[str]:
    """The bands and ratings a report's headline measures (or areas of work) were given."""
    scores = report.headline_scores + [m for m in report.measures if m.kind == Role.AREA]
    return {s.band for s in scores if s.band} | {s.rating for s in scores if s.rating}


@dataclass
class Column:
    key: str
    name: str
    unit: str


@dataclass
class Row:
    report: Report
    cells: dict[str, Score]  # headline measure key -> score
    grades: set[str]
    judgements: list[tuple[str, int]] = field(default_factory=list)  # areas of work: word, count


def headline_columns(reports: Sequence[Report]) -> list[Column]:
    """Every headline measure any loaded report has, in order of first appearance."""
    seen: dict[str, Column] = {}
    for r in reports:
        for s in r.headline_scores:
            seen.setdefault(s.key, Column(s.key, s.name, s.unit))
    return list(seen.values())


def judgement_counts(report: Report) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for m in report.measures:
        if m.kind == Role.AREA and m.rating:
            counts[m.rating] = counts.get(m.rating, 0) + 1
    return list(counts.items())


def rows_of(reports: Sequence[Report]) -> list[Row]:
    return [
        Row(r, {s.key: s for s in r.headline_scores}, grades(r), judgement_counts(r))
        for r in reports
    ]


@dataclass
class Query:
    """The table's state, as read from (and written back to) the URL."""

    q: str = ""
    format: str = ""
    year: int | None = None
    grade: str = ""
    region: str = ""
    sort: str = "format"
    desc: bool = False
    page: int = 1
    per: int = 25

    def params(self, **changes) -> dict[str, str]:
        """The query string of this state with ``changes``; defaults are left out."""
        values = {**self.__dict__, **changes}
        out = {}
        for key, default in Query().__dict__.items():
            value = values[key]
            if value != default and value not in (None, ""):
                out[key] = str(int(value)) if isinstance(value, bool) else str(value)
        return out

    def url(self, **changes) -> str:
        query = urlencode(self.params(**changes))
        return f"/reports?{query}" if query else "/reports"


@dataclass
class Table:
    query: Query
    columns: list[Column]
    rows: list[Row]  # this page's rows
    total: int  # rows matching the filters
    loaded: int  # every loaded report
    pages: int
    formats: list[tuple[str, str, int]] = field(default_factory=list)  # (format, label, count)
    years: list[int] = field(default_factory=list)
    grade_options: list[str] = field(default_factory=list)
    regions: list[tuple[str, int]] = field(default_factory=list)  # (region, reports), A-Z


def _matches(row: Row, query: Query) -> bool:
    r = row.report
    if query.q and query.q.lower() not in r.area.lower():
        return False
    if query.format and r.format != query.format:
        return False
    if query.year is not None and r.year != query.year:
        return False
    if query.region and (r.region or "").lower() != query.region.lower():
        return False
    return not query.grade or query.grade in row.grades


def _sort_key(row: Row, sort: str):
    r = row.report
    if sort == "area":
        return (r.area.lower(),)
    if sort == "year":
        return (r.year or 0, r.area.lower())
    if sort == "format":
        order = list(FORMAT_LABELS)
        rank = order.index(r.format) if r.format in order else len(order)
        return (rank, r.area.lower(), r.year or 0)
    value = sort_value(row.cells.get(sort))
    # Reports without the measure sort last either way: they cannot be compared on it.
    return (value is None, value or 0.0, r.area.lower())


def build_table(reports: Sequence[Report], query: Query) -> Table:
    columns = headline_columns(reports)
    if query.sort not in FIXED_SORTS and query.sort not in {c.key for c in columns}:
        query.sort = "format"
    query.per = query.per if query.per in PAGE_SIZES else PAGE_SIZES[0]
    rows = rows_of(reports)
    matched = [row for row in rows if _matches(row, query)]
    if query.desc:
        # Keep "no value" last when descending too.
        present = [r for r in matched if _sort_key(r, query.sort)[0] is not True]
        absent = [r for r in matched if _sort_key(r, query.sort)[0] is True]
        matched = sorted(present, key=lambda r: _sort_key(r, query.sort), reverse=True)
        matched += sorted(absent, key=lambda r: r.report.area.lower())
    else:
        matched.sort(key=lambda r: _sort_key(r, query.sort))
    pages = max(1, -(-len(matched) // query.per))
    query.page = min(max(1, query.page), pages)
    start = (query.page - 1) * query.per
    counts: dict[str, int] = {}
    regions: dict[str, int] = {}
    for r in reports:
        counts[r.format] = counts.get(r.format, 0) + 1
        if r.region:
            regions[r.region] = regions.get(r.region, 0) + 1
    present_grades = set().union(*(row.grades for row in rows)) if rows else set()
    return Table(
        query=query,
        columns=columns,
        rows=matched[start : start + query.per],
        total=len(matched),
        loaded=len(reports),
        pages=pages,
        formats=[(f, format_label(f), counts[f]) for f in FORMAT_LABELS if f in counts],
        years=sorted({r.year for r in reports if r.year}, reverse=True),
        grade_options=[g for g in (*RATINGS, *BANDS) if g in present_grades]
        + sorted(present_grades - set(RATINGS) - set(BANDS)),
        regions=sorted(regions.items()),
    )


# ---------------------------------------------------------------- distributions


@dataclass
class Bin:
    label: str
    count: int
    current: bool


@dataclass
class Distribution:
    """How one headline measure spreads across the loaded reports, with this report's bin."""

    key: str
    name: str
    current: str  # this report's value, displayed
    bins: list[Bin]
    total: int
    lower: int  # reports with a lower value than this one
    higher: int

    @property
    def peak(self) -> int:
        return max((b.count for b in self.bins), default=0) or 1


def _bin_label(score: Score) -> str:
    if score.unit == Unit.RATING:
        return score.rating or "unrated"
    value = float(score.value or 0)
    if score.unit == Unit.POINTS and score.maximum:
        value = 100 * value / score.maximum  # points compared as a share of the maximum
    low = min(90, int(value // 10) * 10)
    return f"{low}-{low + 10}%" if score.unit != Unit.POINTS else f"{low}-{low + 10}% of max"


def _bin_order(score: Score) -> list[str]:
    if score.unit == Unit.RATING:
        return list(RATINGS)
    suffix = "% of max" if score.unit == Unit.POINTS else "%"
    return [f"{low}-{low + 10}{suffix}" for low in range(0, 100, 10)]


def distributions(report: Report, reports: Sequence[Report]) -> list[Distribution]:
    """One distribution per headline measure of ``report``, over reports with the same measure
    in the same unit (a rating is never binned with a percentage)."""
    out = []
    for mine in report.headline_scores:
        if mine.unit == Unit.RATING and mine.rating not in RATINGS:
            continue
        if mine.unit != Unit.RATING and mine.value is None:
            continue
        peers = [
            s
            for r in reports
            for s in r.headline_scores
            if s.key == mine.key and s.unit == mine.unit and sort_value(s) is not None
        ]
        counts: dict[str, int] = {}
        for s in peers:
            counts[_bin_label(s)] = counts.get(_bin_label(s), 0) + 1
        here = _bin_label(mine)
        bins = [Bin(label, counts.get(label, 0), label == here) for label in _bin_order(mine)]
        value = _relative(mine)
        out.append(
            Distribution(
                key=mine.key,
                name=mine.name,
                current=mine.display(),
                bins=bins,
                total=len(peers),
                lower=sum(1 for s in peers if _relative(s) < value),
                higher=sum(1 for s in peers if _relative(s) > value),
            )
        )
    return out


def _relative(score: Score) -> float:
    value = sort_value(score) or 0.0
    if score.unit == Unit.POINTS and score.maximum:
        return value / score.maximum
    return value
