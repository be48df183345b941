"""A seeded corpus of fictional inspection reports in every format the product reads.

``generate(n, seed)`` gives ``n`` reports (the same seed gives the same reports), each with the
text and what a reader must find in it (``Expected``); ``write_corpus`` writes them as ``.txt``
files and a share of them as PDFs. Every area, person, score and finding is invented here;
the layouts follow the fictional fixtures in ``tests/data/formats``.

    python benchmarks/corpus.py OUT_DIR --n 1000 --seed 12 --pdf-share 0.1
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

CORE, Y2012, RATINGS, GENERAL = "core-case", "inspection-2012", "ratings", "general"

# Share of each layout in a corpus (the rest of the weight is spread by order in the cycle).
MIX: tuple[tuple[str, str, int], ...] = (
    (CORE, "standard", 3),
    (CORE, "reinspection", 2),
    (CORE, "comparison", 1),
    (Y2012, "standard", 3),
    (RATINGS, "standard", 4),
    (RATINGS, "resettlement", 2),
    (GENERAL, "thematic", 1),
)

_WORDS = yaml.safe_load((Path(__file__).with_suffix(".yaml")).read_text(encoding="utf-8"))
_FIRST, _SECOND, _JOINED = (tuple(_WORDS["area_words"][k]) for k in ("first", "second", "joined"))
REGIONS = tuple(_WORDS["regions"])
MONTHS = tuple(calendar.month_name[1:])
_GIVEN, _FAMILY = tuple(_WORDS["people"]["given"]), tuple(_WORDS["people"]["family"])
_CORE = _WORDS["core_case"]
BANDS = tuple((floor, band) for floor, band in _CORE["bands"])
HEADLINES = tuple((h["key"], h["title"]) for h in _CORE["headlines"])
CRITERIA = tuple(
    (c["section"], c["section_name"], c["number"], c["name"], c["topic"]) for c in _CORE["criteria"]
)
_GENERAL_CRITERION: dict[str, str] = _CORE["general_criterion"]
_SUBJECTS: dict[str, list[str]] = _CORE["finding_subjects"]
_DONE, _OWNERS, _ACTIONS = (tuple(_CORE[k]) for k in ("finding_done", "owners", "actions"))
GLOSSARY = tuple((e["term"], e["definition"]) for e in _WORDS["glossary"])
Y2012_AREAS = tuple(_WORDS["inspection_2012"]["areas"])
Y2012_WORDS = tuple(_WORDS["inspection_2012"]["judgements"])
_RATED = _WORDS["ratings"]
POINTS: dict[str, int] = _RATED["points"]
RATING_WORDS = tuple(POINTS)  # best first
_STANDARD_KEYS = ("domain", "domain_name", "number", "name")
STANDARDS = tuple(tuple(s[k] for k in _STANDARD_KEYS) for s in _RATED["standards"])
RESETTLEMENT = tuple(_RATED["resettlement"][k] for k in _STANDARD_KEYS)
_DOMAIN_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four"}
_KEY_QUESTIONS: dict[str, list[str]] = _RATED["key_questions"]
_STRENGTHS, _WEAKNESSES = tuple(_RATED["strengths"]), tuple(_RATED["weaknesses"])
_RATING_OWNERS, _RATING_ACTIONS = tuple(_RATED["owners"]), tuple(_RATED["actions"])
_THEMES = tuple((t["title"], t["topic"]) for t in _WORDS["themes"])


@dataclass
class Expected:
    """What a reader must find in a generated report."""

    format: str
    variant: str
    area: str
    year: int
    region: str | None = None
    headline: dict[str, float | str] = field(default_factory=dict)  # key -> percent or rating
    measures: dict[str, float | str] = field(default_factory=dict)  # criterion/standard/area
    previous: dict[str, float] = field(default_factory=dict)  # a reinspection's earlier scores
    points: tuple[int, int] | None = None
    recommendations: int = 0
    glossary: list[str] = field(default_factory=list)


@dataclass
class GeneratedReport:
    name: str  # file stem
    text: str
    expected: Expected
    pdf: bool = False


def area_names(rng: random.Random, n: int) -> list[str]:
    """``n`` distinct invented area names ("Ashbridge", "Crowmere and Lark Vale")."""
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < n:
        base = rng.choice(_FIRST) + rng.choice(_SECOND)
        roll = rng.random()
        if roll < 0.15:
            name = f"{base} and {rng.choice(_FIRST)}{rng.choice(_SECOND)}"
        elif roll < 0.3:
            name = f"{base} {rng.choice(_JOINED)}"
        else:
            name = base
        if name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names


def _band(value: int) -> str:
    return next(b for floor, b in BANDS if value >= floor)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"


def _finding(rng: random.Random, topic: str) -> str:
    subject = rng.choice(_SUBJECTS[topic])
    return f"{subject.capitalize()} {rng.choice(_DONE)} in {rng.randint(20, 98)}% of cases."


def _glossary(rng: random.Random, k: int) -> list[tuple[str, str]]:
    return sorted(rng.sample(GLOSSARY, k), key=lambda e: e[0].lower())


def core_case(rng: random.Random, area: str, year: int, variant: str) -> GeneratedReport:
    region = rng.choice(REGIONS)
    month = rng.choice(MONTHS)
    reinspect = variant == "reinspection"
    kind = "Reinspection" if reinspect else "Inspection"
    footer = f"{area} YOT Core Case {kind}"
    exp = Expected(CORE, variant, area, year, region=region)
    head = {k: rng.randint(30, 90) for k, _ in HEADLINES}
    prev = {k: max(10, v - rng.randint(5, 25)) for k, v in head.items()}
    exp.headline = dict(head)
    out = [
        "FICTIONAL REPORT FOR TESTS: every name, score and figure in it is invented.",
        "",
        f"CORE CASE {kind.upper()} OF YOUTH OFFENDING WORK",
        "",
        area,
        "",
        "FOREWORD",
        "",
        f"This {kind.lower()} of youth offending work in {area} looked at a sample of cases.",
        "",
        f"We judged that the Safeguarding aspects of the work were done well enough "
        f"{head['safeguarding']}% of the time. With the Public Protection aspects, work to keep "
        f"to a minimum each individual’s Risk of Harm to others was done well enough "
        f"{head['risk-of-harm']}% of the time, and the work to make each individual less likely "
        f"to reoffend was done well enough {head['likelihood-of-reoffending']}% of the time.",
        "",
        _person(rng),
        "HM Chief Inspector of Probation",
        "",
        f"{month} {year}",
        f"{footer} 4",
        "",
        "SCORING AND SUMMARY TABLE",
        "",
    ]
    if reinspect:
        out += [f"The scores from our {year - 1} inspection are shown for comparison.", ""]
        exp.previous = {k: float(v) for k, v in prev.items()}
    for key, title in HEADLINES:
        out += [f"{title}:", ""]
        if reinspect:
            out.append(f"Previous score ({year - 1}): {prev[key]}%")
        out += [f"Score: {head[key]}% Comment: {_band(head[key])} improvement required", ""]
    recs = rng.sample(_ACTIONS, rng.randint(2, 6))
    exp.recommendations = len(recs)
    out += ["RECOMMENDATIONS", "", "(primary responsibility is indicated in brackets)", ""]
    for i, action in enumerate(recs, 1):
        out += [f"({i}) {action} ({rng.choice(_OWNERS)})", ""]
    out += [
        "NEXT STEPS",
        "",
        "An improvement plan addressing the recommendations should be submitted to",
        "HM Inspectorate of Probation within one month of the publication of this report.",
        f"{footer} 5",
        "",
    ]
    section = None
    overall: list[int] = []
    for number, name, crit, crit_name, topic in CRITERIA:
        if number != section:
            if section is not None:
                out += _core_overall(section, CRITERIA, overall)
            section, overall = number, []
            out += [f"{number} {name}", ""]
        value = rng.randint(25, 95)
        overall.append(value)
        exp.measures[crit] = value
        out += [
            f"{crit} {crit_name}:",
            "",
            "GENERAL CRITERION:",
            "",
            _GENERAL_CRITERION[topic],
            "",
            "SCORE: COMMENT:",
            f"{value}% {_band(value)} IMPROVEMENT REQUIRED",
        ]
        if reinspect:
            before = max(10, value - rng.randint(3, 20))
            out.append(f"Previous score ({year - 1}): {before}%")
            exp.previous[crit] = float(before)
        out += ["", "STRENGTHS:", ""]
        out += [f"o {_finding(rng, topic)}" for _ in range(rng.randint(1, 3))]
        out += ["", "AREAS FOR IMPROVEMENT:", ""]
        out += [f"o {_finding(rng, topic)}" for _ in range(rng.randint(1, 3))]
        out.append("")
    out += _core_overall(section, CRITERIA, overall)
    if variant == "comparison":
        out += _comparison_table(rng, area, head, exp.measures)
    people = rng.randint(90_000, 480_000)
    out += [
        "APPENDIX 2: CONTEXTUAL INFORMATION",
        "",
        "AREA",
        "",
        f"{area} YOT was located in the {region} region of England.",
        "",
        f"The area had a population of {people:,} as measured in the Census 2001.",
        "",
        "YJB PERFORMANCE DATA",
        "",
        f"Performance on ensuring suitable accommodation by the end of the sentence was "
        f"{rng.randint(70, 99)}%, which was better than the England average of 91%.",
        "",
        "APPENDIX 3: INSPECTION DATA",
        "",
        f"Fieldwork for this {kind.lower()} was undertaken in {rng.choice(MONTHS)} {year}.",
        "",
    ]
    if rng.random() < 0.7:
        entries = _glossary(rng, rng.randint(4, 9))
        exp.glossary = [t for t, _ in entries]
        out += ["APPENDIX 4: GLOSSARY", ""]
        for term, definition in entries:
            out += [f"{term} {definition}", ""]
    slug = re.sub(r"[^a-z0-9]+", "-", area.lower()).strip("-")
    return GeneratedReport(f"core-{variant}-{slug}-{year}", "\n".join(out), exp)


def _core_overall(section: str, criteria, values: list[int]) -> list[str]:
    name = next(n for s, n, *_ in criteria if s == section)
    score = round(sum(values) / len(values))
    return [
        f"OVERALL SCORE FOR QUALITY OF {name} WORK: {score}%",
        "",
        f"COMMENTARY ON {name} AS A WHOLE:",
        "",
        "The work had improved in some cases, but oversight by managers was still uneven.",
        "",
    ]


def _comparison_table(rng, area, head, measures) -> list[str]:
    rows = [
        ("Safeguarding", head["safeguarding"]),
        ("Risk of Harm to others", head["risk-of-harm"]),
        ("Likelihood of Reoffending", head["likelihood-of-reoffending"]),
    ]
    rows += [(f"{c} {n.capitalize()}", measures[c]) for _, _, c, n, _ in CRITERIA]
    out = [
        "APPENDIX 1: SCORES OF THE AREAS INSPECTED SO FAR",
        "",
        "The table sets this inspection's scores beside those of the areas inspected so far.",
        "",
        f"{'':<38}Lowest   Highest   Average   {area}",
    ]
    for label, value in rows:
        low = rng.randint(15, min(value, 40))
        high = rng.randint(max(value, 80), 97)
        avg = rng.randint(low + 1, high - 1)
        out.append(f"{label[:37]:<38}{low}%{'':<6}{high}%{'':<6}{avg}%{'':<6}{value}%")
    return [*out, ""]


def inspection_2012(rng: random.Random, area: str, year: int, variant: str) -> GeneratedReport:
    exp = Expected(Y2012, variant, area, year)
    words = {a: rng.choice(Y2012_WORDS) for a in Y2012_AREAS}
    exp.measures = dict(words)
    month = rng.choice(MONTHS)
    out = [
        "This is a fictional report written for tests: every name and figure in it is invented.",
        "",
        "Full Joint Inspection of youth offending work in",
        area,
        "HM Inspectorate of Probation",
        f"{month} {year}",
        "",
        "Summary of judgements",
    ]
    out += [f"{a:<50}{w}" for a, w in words.items()]
    cases = rng.randint(30, 90)
    out += [
        "",
        "Foreword",
        f"We inspected youth offending work in {area} in {rng.choice(MONTHS)} {year}. We looked at "
        f"{cases} cases and spoke to {rng.randint(5, 30)} children and {rng.randint(8, 40)} staff.",
        "The service knows its children well, but its leaders must act on what it knows.",
        _person(rng),
        "HM Chief Inspector of Probation",
        "",
    ]
    n_rec = 0
    for i, (a, w) in enumerate(words.items(), 1):
        out += [f"{i}. {a}", f"Our judgement: {w}", "Key findings"]
        topic = rng.choice(tuple(_SUBJECTS))
        out += [f"- {_finding(rng, topic)}" for _ in range(rng.randint(2, 4))]
        if w in ("Unsatisfactory", "Poor") or rng.random() < 0.3:
            out.append("Recommendations")
            for action in rng.sample(_ACTIONS, rng.randint(1, 2)):
                n_rec += 1
                out.append(f"({n_rec}) {action} ({rng.choice(_OWNERS)})")
        out.append("")
    exp.recommendations = n_rec
    people = rng.randint(90_000, 480_000)
    region = rng.choice(REGIONS)
    exp.region = region
    out += [
        "Contextual information",
        f"{area} is in the {region} region of England.",
        f"{area} had a population of {people:,}, of whom {rng.randint(80, 120) / 10}% were aged "
        "10 to 17.",
        f"The reoffending rate was {rng.randint(280, 450) / 10}%, against an England average of "
        "35.4%.",
    ]
    if rng.random() < 0.6:
        entries = _glossary(rng, rng.randint(3, 7))
        exp.glossary = [t for t, _ in entries]
        out.append("Glossary")
        out += [f"{t:<8}{d}" for t, d in entries]
    slug = re.sub(r"[^a-z0-9]+", "-", area.lower()).strip("-")
    return GeneratedReport(f"inspection-2012-{slug}-{year}", "\n".join(out) + "\n", exp)


def ratings(rng: random.Random, area: str, year: int, variant: str) -> GeneratedReport:
    exp = Expected(RATINGS, variant, area, year)
    standards = list(STANDARDS) + ([RESETTLEMENT] if variant == "resettlement" else [])
    rated = {s[2]: rng.choices(RATING_WORDS, weights=(1, 4, 3, 2))[0] for s in standards}
    points = sum(POINTS[r] for r in rated.values())
    maximum = 3 * len(standards)
    overall = RATING_WORDS[
        0
        if points >= 0.8 * maximum
        else 1
        if points >= 0.55 * maximum
        else 2
        if points >= 0.3 * maximum
        else 3
    ]
    exp.headline = {"overall": overall}
    exp.points = (points, maximum)
    exp.measures = dict(rated)
    service = "Youth Justice Service" if year >= 2022 else "Youth Offending Service"
    short = "YJS" if year >= 2022 else "YOS"
    out = [
        "This is a fictional report written for tests: every name, rating and figure in it is "
        "invented.",
        "",
        "An inspection of youth offending services in",
        area,
        "HM Inspectorate of Probation",
        f"{rng.choice(MONTHS)} {year}",
        "",
        "Foreword",
        f"We have inspected and rated {area} {short} across the areas of its work.",
        f"Overall, {area} {short} was rated as: {overall}.",
        "Leaders know the service well, but some planning to keep people safe is weak.",
        _person(rng),
        "HM Chief Inspector of Probation",
        "",
        "Ratings",
        f"{area} {service}",
        f"Fieldwork started {rng.choice(MONTHS)} {year}",
        f"Score {points}/{maximum}",
        f"Overall rating: {overall}",
    ]
    domain = None
    for number, name, std, std_name in standards:
        if number != domain:
            domain = number
            out.append(f"{number}. {name}")
        out.append(f"{std} {std_name:<54}{rated[std]}")
    out += [
        "",
        "Recommendations",
        f"As a result of our inspection, we have made the following recommendations to help "
        f"improve the work with children in {area}.",
    ]
    n_rec = 0
    for owner in rng.sample(_RATING_OWNERS, rng.randint(1, 3)):
        who = (
            f"The {area} {short} {owner}"
            if owner in ("Head of Service", "Management Board")
            else f"The {owner}"
        )
        out.append(f"{who} should:")
        for action in rng.sample(_RATING_ACTIONS, rng.randint(1, 2)):
            n_rec += 1
            out.append(f"{n_rec}. {action}")
    exp.recommendations = n_rec
    out.append("")
    domain = None
    for number, name, std, std_name in standards:
        if number != domain:
            domain = number
            out += ["", f"Domain {_DOMAIN_WORDS[number]}: {name}"]
        out += [std + " " + std_name, f"{std_name} is well-informed and personalised.", rated[std]]
        kqs = _KEY_QUESTIONS.get(std_name)
        if kqs:
            out.append("Key questions")
            for q in kqs:
                share = rng.randint(25, 98)
                exp.measures[f"{std}:{q}"] = share
                out.append(f"{q} {share}%")
        out.append("Strengths:")
        out += [f"- {s}" for s in rng.sample(_STRENGTHS, rng.randint(1, 2))]
        if rated[std] != "Outstanding":
            out.append("Areas for improvement:")
            out += [f"- {s}" for s in rng.sample(_WEAKNESSES, rng.randint(1, 2))]
    region = rng.choice(REGIONS)
    exp.region = region
    out += [
        "",
        "Contextual facts",
        f"{area} is in the {region} region of England.",
        f"{rng.randint(5_000, 40_000):,} children aged 10 to 17 lived in {area}",
        f"{rng.randint(20, 180)} children were supervised by the {short} at the time of the "
        "inspection",
        f"{rng.randint(250, 450) / 10}% of children who offended went on to reoffend, against "
        "34.6% in England and Wales",
    ]
    if rng.random() < 0.5:
        entries = _glossary(rng, rng.randint(3, 6))
        exp.glossary = [t for t, _ in entries]
        out.append("Glossary")
        out += [f"{t:<14}{d}" for t, d in entries]
    slug = re.sub(r"[^a-z0-9]+", "-", area.lower()).strip("-")
    return GeneratedReport(f"ratings-{slug}-{year}", "\n".join(out) + "\n", exp)


def general(rng: random.Random, area: str, year: int, variant: str) -> GeneratedReport:
    title, topic = rng.choice(_THEMES)
    exp = Expected(GENERAL, variant, area, year)
    exp.recommendations = 1  # the general reader reads a Recommendations section too
    children = rng.randint(30, 120)
    met = rng.randint(5, children - 5)
    out = [
        "This is a fictional thematic report written for tests: every place, person and figure "
        "in it is invented.",
        "",
        f"{title}: {topic} in {area}",
        "A thematic inspection by HM Inspectorate of Probation",
        f"{rng.choice(MONTHS)} {year}",
        "",
        "Introduction",
        f"We looked at youth justice work in {area}: {topic}. We read the records of {children} "
        "children.",
        "",
        "What we found",
        f"The work met our standard for {met} of the {children} children. In "
        f"{rng.randint(2, 20)} cases the plan was agreed late.",
        f"Placements were arranged for {rng.randint(30, 90)}% of the children, compared with "
        f"{rng.randint(30, 90)}% in our last thematic inspection.",
        "",
        "Conclusions",
        "Planning started too late. Services worked hard once a plan was agreed.",
        "",
        "Recommendations",
        "Youth justice services should begin planning as soon as a child is sentenced.",
        "",
    ]
    if rng.random() < 0.6:
        entries = _glossary(rng, rng.randint(3, 5))
        exp.glossary = [t for t, _ in entries]
        out.append("Glossary")
        out += [f"{t:<14}{d}" for t, d in entries]
    slug = re.sub(r"[^a-z0-9]+", "-", area.lower()).strip("-")
    return GeneratedReport(f"general-{slug}-{year}", "\n".join(out) + "\n", exp)


_BUILDERS = {CORE: core_case, Y2012: inspection_2012, RATINGS: ratings, GENERAL: general}
_YEARS = {CORE: (2009, 2012), Y2012: (2013, 2017), RATINGS: (2018, 2025), GENERAL: (2015, 2025)}


def generate(n: int, seed: int = 12, pdf_share: float = 0.1) -> list[GeneratedReport]:
    """``n`` reports, the layouts cycling through ``MIX`` so that every small corpus has each."""
    cycle = [(f, v) for f, v, w in MIX for _ in range(w)]
    # the first reports take one of each layout, so a handful already covers them all
    order = [(f, v) for f, v, _ in MIX] + [cycle[i % len(cycle)] for i in range(n)]
    # names are drawn one after another and each report has its own generator, so a smaller
    # corpus is the first part of a larger one with the same seed
    names = area_names(random.Random(seed), n)
    out = []
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        fmt, variant = order[i]
        low, high = _YEARS[fmt]
        year = rng.randint(low + (variant == "resettlement") * 4, high)
        report = _BUILDERS[fmt](rng, names[i], year, variant)
        report.pdf = rng.random() < pdf_share and fmt != GENERAL
        out.append(report)
    return out


def pdf_bytes(text: str) -> bytes:
    """A PDF of ``text``, one page per printed page footer or per 60 lines (fpdf2 core fonts
    are latin-1 only, so typographic punctuation becomes plain)."""
    from fpdf import FPDF

    latin = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"})
    lines = text.splitlines()
    pages = ["\n".join(lines[i : i + 60]) for i in range(0, len(lines), 60)]
    pdf = FPDF()
    pdf.set_font("Helvetica", size=9)
    for page in pages:
        pdf.add_page()
        pdf.multi_cell(0, 4, page.translate(latin).encode("latin-1", "replace").decode("latin-1"))
    return bytes(pdf.output())


def write_corpus(
    out_dir: Path, n: int, seed: int = 12, pdf_share: float = 0.1
) -> list[tuple[Path, GeneratedReport]]:
    """Write the corpus (``.txt`` or ``.pdf``) and ``expected.json``; the written paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for report in generate(n, seed, pdf_share):
        if report.pdf:
            path = out_dir / f"{report.name}.pdf"
            path.write_bytes(pdf_bytes(report.text))
        else:
            path = out_dir / f"{report.name}.txt"
            path.write_text(report.text, encoding="utf-8")
        written.append((path, report))
    expected = {p.name: asdict(r.expected) for p, r in written}
    (out_dir / "expected.json").write_text(json.dumps(expected, indent=1), encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--pdf-share", type=float, default=0.1)
    args = parser.parse_args()
    written = write_corpus(args.out, args.n, args.seed, args.pdf_share)
    pdfs = sum(p.suffix == ".pdf" for p, _ in written)
    print(f"{len(written)} reports ({pdfs} PDF) in {args.out}")


if __name__ == "__main__":
    main()
