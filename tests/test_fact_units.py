"""Facts as answer units: a question asking for a count or a number is answered by the fact
whose sentence shares most of its words, when enough; never by a share for a count, a date
for a number, or a sentence that shares only the words every report uses."""

from __future__ import annotations

from assistant.answers.fact_units import (
    answer_facts,
    best_unit,
    counted,
    counts,
    covers,
    done_as_asked,
    figure,
    names_figures,
    units,
)
from assistant.answers.lead_in import without_lead_in
from ingest.model import Fact, Paragraph, Report, Source

_TEXT = (
    "Foreword\n"
    "We inspected Northam Youth Justice Service in May 2022. We looked at 30 cases.\n"
    "Contextual facts\n"
    "Children aged 10 to 17 in Northam: 12,340\n"
    "Children supervised at the time of the inspection: 57\n"
    "Staff turnover fell from 20% to 8% over the year.\n"
)


def _source(section: str, quote: str) -> Source:
    return Source(section, section.title(), quote, _TEXT.index(quote))


def _report() -> Report:
    facts = [
        Fact(12340.0, "count", q, _source("context", q))
        for q in ["Children aged 10 to 17 in Northam: 12,340"]
    ] + [
        Fact(57.0, "count", q, _source("context", q))
        for q in ["Children supervised at the time of the inspection: 57"]
    ]
    foreword = "We inspected Northam Youth Justice Service in May 2022. We looked at 30 cases."
    turnover = "Staff turnover fell from 20% to 8% over the year."
    return Report(
        id="northam-2022",
        area="Northam",
        title="An inspection of youth justice services in Northam",
        text=_TEXT,
        year=2022,
        facts=facts,
        foreword=[Paragraph(foreword, _source("foreword", foreword))],
        context=[Paragraph(turnover, _source("context", turnover))],
    )


def test_every_sentence_with_a_figure_is_a_unit_quoted_exactly():
    report = _report()
    found = units(report)
    assert {u.text for u in found} >= {
        "We looked at 30 cases.",
        "Children aged 10 to 17 in Northam: 12,340",
        "Staff turnover fell from 20% to 8% over the year.",
    }
    assert all(u.citation.quote in report.text for u in found)
    # a sentence that only dates something holds no figure
    assert "We inspected Northam Youth Justice Service in May 2022." not in {u.text for u in found}


def test_the_unit_sharing_the_question_words_answers_in_other_words():
    report = _report()
    unit = best_unit("how many 10-17 year olds are there?", report, "count")
    assert unit is not None and "12,340" in unit.text
    unit = best_unit("how many kids was it supervising at the time of the inspection?", report)
    assert unit is not None and "57" in unit.text
    unit = best_unit("how many case files did inspectors read?", report, "count")
    assert unit is not None and "30 cases" in unit.text


def test_no_unit_for_what_the_report_does_not_state():
    report = _report()
    # shares only "YOT"/"service": no budget is stated
    assert best_unit("what budget did the youth justice service have?", report) is None
    # a share is no count of the staff who left
    assert best_unit("how many staff left during the year?", report, "count") is None
    assert figure("20% to 8%") and not figure("20% to 8%", "count")


def test_answer_cites_each_report_and_only_for_counts_and_numbers():
    report = _report()
    answer = answer_facts("how many 10 to 17 year olds?", "count", [report], "context")
    assert answer is not None and answer.found and "12,340" in answer.answer
    assert answer.citations[0].report == "northam-2022"
    assert answer_facts("how many 10 to 17 year olds?", "date", [report], "context") is None


def test_a_count_answers_only_as_a_count_of_the_thing_asked():
    assert "children" in counted("how many kids was it supervising?")
    assert "aged" in counted("how many 10-17 year olds are there?")
    asked = "how many young people aged 10-17 were there?"
    # the 10 and 17 of the age range, a year and a rate count no children
    rate = "Crime in 2008/09 for young people aged 10 to 17 was 38 per 1,000."
    assert not counts(rate, counted(asked), asked)
    assert counts("Fourteen children completed a questionnaire.", counted(asked), asked)
    assert counts("Children supervised at the time of the inspection: 41", counted(asked), asked)
    assert not counts("Children were seen by the 6 staff on duty.", counted(asked), asked)


def test_every_figure_the_question_names_is_held_by_the_unit():
    report = _report()
    assert best_unit("how many children aged 10 to 17 are there?", report, "count") is not None
    # a year the report does not give the figure for: no answer, not the figure of another
    assert best_unit("how many children aged 10 to 17 were there in 2010?", report) is None


def test_the_people_a_figure_counts_say_who_was_met():
    report = _report()
    text = "We looked at 30 cases."
    assert answer_facts("who did the inspectors talk to?", "people", [report], "x") is None
    spoke = "We spoke to 14 children and 9 parents."
    met = Report(
        id="northam-2022",
        area="Northam",
        title="t",
        text=f"{text} {spoke}",
        facts=[Fact(14.0, "count", spoke, Source("foreword", "Foreword", spoke, len(text) + 1))],
    )
    answer = answer_facts("who did the inspectors talk to?", "people", [met], "fallback")
    assert answer is not None and "9 parents" in answer.answer


def test_a_ratings_reports_background_answers_how_many_children_live_there():
    from pathlib import Path

    from ingest.readers import read_report

    path = Path(__file__).parent / "data" / "layouts" / "ratings-cells-kestrelford-2023.txt"
    report = read_report(path.read_text(encoding="utf-8"))
    asked = "roughly how many kids aged 10-17 live there?"
    answer = answer_facts(asked, "count", [report], "context")
    assert answer is not None and "61,400" in answer.answer
    assert answer.citations[0].quote in report.text
    # its population is not stated: the children aged 10 to 17 are no answer to that
    assert answer_facts("what was the population?", "number", [report], "context") is None


def test_a_sentence_describing_the_inspection_goes_before_a_finding_as_near():
    # "reviewed" is said "looked" as well: both sentences hold every word asked, and the
    # finding is the shorter and comes first
    finding = "Five cases were reviewed."
    described = "In all, we looked at 30 cases of children sentenced by the courts."
    text = f"1.2 Planning\n{finding}\nSummary\n{described}\n"
    report = Report(
        id="northam-2022",
        area="Northam",
        title="An inspection",
        text=text,
        facts=[
            Fact(5.0, "count", finding, Source("1.2", "Planning", finding, text.index(finding))),
            Fact(
                30.0,
                "count",
                described,
                Source("summary", "Summary", described, text.index(described)),
            ),
        ],
    )
    unit = best_unit("how many cases got looked at?", report, "count")
    assert unit is not None and unit.text == described


def test_an_age_band_said_in_the_plural_is_the_age_range():
    # "how many 10 to 17s": the 10 and 17 are the range, not what is counted
    assert counted("roughly how many 10 to 17s are there?") == frozenset()
    unit = best_unit("roughly how many 10 to 17s are there?", _report(), "count")
    assert unit is not None and "12,340" in unit.text


def test_the_number_of_is_a_count_and_on_the_books_is_supervised():
    # "on the Northam YOS books" is the caseload: the count of children supervised
    q = "number of children on the YOS books when it was inspected?"
    assert counted(q) >= {"children"}
    unit = best_unit(q, _report(), "count")
    assert unit is not None and unit.text.endswith("57")


def test_a_stretch_of_time_counts_no_thing_but_time():
    review = "review every case where a child is at risk of exploitation within one month"
    assert not counts(review, counted("how many children were at risk of exploitation?"), "")
    # unless time is what is counted
    plan = "The plan should be submitted within four weeks of publication."
    assert counts(plan, counted("how many weeks after publication is the plan due?"), "")


def test_a_figure_counts_the_noun_right_after_it():
    audit = "Team managers will audit 10 plans each month."
    assert not counts(audit, counted("how many team managers are there?"), "")
    assert counts(audit, counted("how many plans will team managers audit?"), "")
    met = "We spoke to 14 children, 9 parents and 22 staff."
    assert counts(met, counted("how many parents did they speak to?"), "")


def test_a_count_names_what_is_asked_and_every_acronym():
    seen = "Eleven children and young people completed a questionnaire."
    neet = "how many young people were NEET?"
    assert not covers(seen, counted(neet), neet)
    forms = "how many young people sent back a questionnaire?"
    assert covers(seen, counted(forms), forms)  # "sent back" is said "completed"
    live = "how many 10 to 17 year olds live in Northam?"
    assert covers("Children aged 10 to 17 lived in Northam: 12,340", counted(live), live)
    # an acronym written out answers for it
    rmps = "how many RMPs were completed?"
    plans = "Risk management plans had been completed in only two of the five cases."
    assert covers(plans, counted(rmps), rmps)
    assert not covers(
        "Two plans had been completed.",
        counted("how many VMPs were done?"),
        "how many VMPs were done?",
    )


def test_a_figure_the_question_names_is_no_count_and_must_be_held():
    two = "Two children and young people completed a questionnaire."
    both = "how many young people did the two YOTs supervise between them?"
    assert not counts(two, counted(both), both)
    assert names_figures("MAPPA level 3 applied in four cases.", "how many MAPPA level 3 cases?")
    assert not names_figures("One case was a MAPPA case.", "how many MAPPA level 3 cases?")


def test_a_part_of_a_whole_counts_the_whole_it_is_part_of():
    sites = "The most senior manager was an operational manager for one of the three sites."
    assert not counts(sites, counted("how many operational managers were there?"), "")
    plans = "Plans had been completed in only two of the five cases where they were required."
    assert counts(plans, counted("how many plans were completed?"), "")


def test_what_a_question_is_for_is_not_what_it_asks():
    report = _report()
    # the answerer drops the lead-in before a unit is looked for
    asked = without_lead_in("For the board paper, Northam - number of children supervised?")
    unit = best_unit(asked, report, "count")
    assert unit is not None and "57" in unit.text


def test_a_count_of_the_population_alone_is_no_count_of_which_of_them():
    forms = "Two children and young people completed a questionnaire for the inspection."
    school = "how many young people were in education?"
    assert not covers(forms, counted(school), school)
    filled = "how many young people filled in the questionnaire?"
    assert covers(forms, counted(filled), filled)
    # a count of the population asked about alone is still one
    alone = "how many children and young people were there?"
    assert covers("41 children and young people were supervised.", counted(alone), alone)


def test_what_a_count_asks_was_done_must_be_what_the_unit_says_was_done():
    forms = "Four questionnaires were completed by victims of offending."
    assert not done_as_asked(forms, "how many questionnaires were sent out to victims?")
    assert done_as_asked(forms, "how many questionnaires were completed by victims?")
    # "returned" is said "completed"
    assert done_as_asked(forms, "how many questionnaires were returned by victims?")
    plans = "Risk management plans had been completed in only two of the five cases."
    assert not done_as_asked(plans, "how many risk management plans were reviewed by a manager?")
    # a clause of time says when, not what was done to what is counted
    supervised = "Children supervised at the time of the inspection: 41"
    assert done_as_asked(supervised, "how many kids was Northam supervising when it was inspected")
    assert done_as_asked(forms, "how many victims filled in a questionnaire?")


def test_no_counts_only_what_it_stands_before():
    later = "Plans had been reviewed no later than three months from the start in 15% of cases."
    assert not counts(later, counted("how many plans were reviewed?"), "")
    assert counts("There were no victims.", counted("how many victims were there?"), "")


def test_a_figure_of_another_noun_counts_none_of_what_is_asked():
    audit = "Team managers will audit 10 plans each month."
    q = "how many areas did the plan cover?"
    assert not covers(audit, counted(q), q)
    assert covers("The plan covered 4 areas of work.", counted(q), q)
    # what a count counts may be counted through another noun ("four questionnaires were
    # completed by victims" counts the victims who filled one in)
    q = "how many victims filled the questionnaire in?"
    assert covers("Four questionnaires were completed by victims.", counted(q), q)


def test_an_age_counts_no_one():
    crime = "Reported crime for children aged 10 to 17 across the area was 38 per 1,000."
    q = "how many children did the YOT work with in 2008?"
    assert not counts(crime, counted(q), q)
    assert counts("The YOT worked with 412 children in 2008.", counted(q), q)
