"""The answer-type check: a question that asks for a number, date, place, person, count or
definition is found only when a cited unit holds one; otherwise its passages are related."""

from __future__ import annotations

import pytest

from assistant.answers.answer_type import TYPES, asked_type, asked_types, checked, holds
from assistant.answers.citations import Citation
from assistant.answers.compose import Answer
from assistant.answers.intent import Intent


@pytest.mark.parametrize("name", sorted(TYPES))
def test_each_type_matches_its_examples(name):
    cue = TYPES[name]
    assert cue.examples
    for text in cue.examples:
        assert cue.pattern.search(text), (name, text)
    for text in cue.counterexamples:
        assert not cue.pattern.search(text), (name, text)


def _answer(*quotes: tuple[str, str]) -> Answer:
    cites = [Citation("northam-2010", section, "Heading", quote) for section, quote in quotes]
    return Answer("text", True, cites, route="fallback", passages=[q for _, q in quotes])


def _routed(route: str, *quotes: tuple[str, str]) -> Answer:
    """An answer of ``route`` quoting ``quotes``."""
    answer = _answer(*quotes)
    answer.route = route
    return answer


def _intent(asks: str | None) -> Intent:
    return Intent(route="fallback", question="q", asks=asks)


def test_an_answer_holding_what_is_asked_stays_found():
    answer = _answer(("inspection-data", "Fieldwork was undertaken in May 2010."))
    assert checked(answer, _intent("date")) is answer


def test_passages_that_only_share_words_are_related_not_the_answer():
    answer = _answer(
        ("summary", "Inspection of youth justice services in Northam"),
        ("recommendations", "make sure every child has a plan"),
    )
    out = checked(answer, _intent("number"))
    assert not out.found and not out.citations
    assert [c.quote for c in out.related] == [c.quote for c in answer.citations]
    assert "related" in out.answer and out.to_dict()["related"]


def test_a_glossary_entry_names_no_person():
    entry = Citation("northam-2010", "glossary", "Glossary", "Screening Interview for Staff")
    assert not holds("person", entry, entry.quote)
    finding = Citation("northam-2010", "1.1", "1.1", "Inspectors spoke to case managers.")
    assert holds("person", finding, finding.quote)
    answer = _answer(("glossary", "Interview for Staff workers"))
    assert not checked(answer, _intent("person")).found


def test_questions_of_no_answer_type_are_left_alone():
    answer = _answer(("summary", "The board met."))
    assert checked(answer, _intent(None)) is answer
    assert checked(answer, None) is answer


@pytest.mark.parametrize("name", [n for n, *_ in asked_types()])
def test_each_asked_type_reads_its_example_questions(name):
    _, pattern, examples, counterexamples = next(t for t in asked_types() if t[0] == name)
    assert examples
    for question in examples:
        assert asked_type(question) == name, (name, question)
    for question in counterexamples:
        assert not pattern.search(question), (name, question)


def test_a_question_for_a_name_is_not_answered_by_a_post():
    post = _answer(("foreword", "At the time of the inspection there was no YOT Manager in post."))
    asked = Intent(route="fallback", question="what was the name of the YOT manager?")
    out = checked(post, asked)
    assert not out.found and out.related
    # the same passage answers "who", which a post does
    assert checked(post, Intent(route="fallback", question="who managed the YOT?")).found
    named = _answer(("foreword", "Jo Bloggs, the YOT Manager, met the inspectors."))
    assert checked(named, asked).found


def test_an_area_name_is_no_persons_name():
    # "Northam Vale" is the report's own area (its id), two capitalised words but no one
    cite = Citation("northam-vale-2010", "context", "Area", "Northam Vale was in the north.")
    assert not holds("name", cite, cite.quote)
    signed = Citation("northam-vale-2010", "foreword", "Foreword", "Kit Marlowe")
    assert holds("name", signed, signed.quote) and holds("person", signed, signed.quote)


def test_the_wording_is_read_for_a_question_routed_by_a_rule():
    glossary = _answer(("glossary", "Screening Interview for Staff workers"))
    routed = Intent(route="fallback", question="who were the people interviewed?")
    assert not checked(glossary, routed).found
    # a route that answers from the stored structure is not read for it
    structured = Answer("text", True, glossary.citations, route="score", passages=["x"])
    assert checked(structured, routed) is structured


def test_the_wording_goes_before_the_kind():
    # the kind's examples said "date"; "how many" asks for a count in so many words
    answer = _answer(("context", "Children supervised at the time of the inspection: 41"))
    intent = Intent(route="context", question="how many kids at the time?", asks="date")
    assert checked(answer, intent) is answer


def test_a_post_the_question_names_itself_answers_no_who():
    chair = Citation("northam-2010", "1", "1", "The board has a new chair and a clear plan.")
    assert not holds("person", chair, chair.quote, "who was the board chair?")
    other = Citation("northam-2010", "context", "YOT", "The board was chaired by the Director.")
    assert holds("person", other, other.quote, "who was the board chair?")


def test_what_happened_after_the_report_is_checked_on_every_route():
    finding = _routed(
        "findings", ("1.1", "Where there had been a screening, inspectors agreed with it.")
    )
    asked = Intent(route="findings", question="did the staff agree with the inspectors' findings?")
    out = checked(finding, asked)
    assert not out.found and "after the report" in out.answer
    progress = _answer(("6", "Three of the five recommended actions have started."))
    assert checked(progress, Intent(route="fallback", question="has it started yet?")).found


def test_a_comparison_of_scores_is_no_count_of_people():
    scores = _routed("compare", ("summary", "Safeguarding 38%"), ("summary", "Safeguarding 64%"))
    asked = Intent(route="compare", question="how many people live in each area?")
    assert not checked(scores, asked).found


def test_a_sum_of_money_is_not_answered_by_another_figure():
    # "within four weeks" holds a number, but no question of what was spent
    rec = _routed(
        "recommendation",
        ("recommendations", "an emotional health worker within four weeks of referral"),
    )
    asked = Intent(route="recommendation", question="how much did they spend on health workers?")
    out = checked(rec, asked)
    assert not out.found and "sum of money" in out.answer and out.related
    budget = _routed("recommendation", ("context", "The youth justice budget was £1.2 million."))
    assert checked(budget, asked) is budget


def test_a_body_named_for_the_area_is_no_persons_name():
    board = Citation(
        "northam-2016", "recommendations", "Recommendations", "The Chair of the Northam Youth Board"
    )
    assert not holds("name", board, board.quote)


def test_a_figure_of_a_named_quantity_is_held_only_by_a_unit_naming_it():
    counted = Citation(
        "northam-2010", "summary", "Summary", "We looked at 24 cases and spoke to 19 staff."
    )
    named = Citation("northam-2010", "1.2", "Staff", "Average caseloads were 14 children.")
    question = "what was the caseload of each case manager?"
    assert not holds("number", counted, question=question)
    assert holds("number", named, question=question)
    assert holds("number", counted, question="how many cases did they look at?")


def test_a_date_found_by_a_search_is_about_what_was_asked_only_when_it_holds_its_words():
    cite = Citation("northam-2021", "summary", "Ratings", "Fieldwork started March 2021")
    answer = Answer("text", True, [cite], route="fallback", passages=[cite.quote])
    asked = _intent("date")
    asked.question = "when did the head of service start in post?"
    assert checked(answer, asked).found is False
    asked.question = "when did fieldwork start?"
    assert checked(answer, asked).found is True


def test_a_date_asked_by_name_needs_a_month_or_year_on_every_route():
    ahead = _routed(
        "recommendations", ("next-steps", "We will reinspect in approximately twelve months time.")
    )
    asked = Intent(route="recommendations", question="on what date did the reinspection happen?")
    assert asked_type(asked.question) == "calendar"
    assert not checked(ahead, asked).found
    dated = _routed(
        "recommendations", ("inspection-data", "Fieldwork was undertaken in April 2009.")
    )
    assert checked(dated, asked).found


def test_how_long_needs_a_stretch_of_time():
    vague = _answer(("foreword", "A deputy manager post had been vacant for some time."))
    asked = Intent(route="fallback", question="how long had the deputy post been vacant?")
    assert not checked(vague, asked).found
    timed = _answer(("foreword", "The deputy manager post had been vacant for eight months."))
    assert checked(timed, asked).found


def test_an_address_needs_a_street_or_a_postcode():
    centre = _answer(("context", "Most work was delivered from the Mill resource centre."))
    asked = Intent(route="fallback", question="what is the street address of the Mill centre?")
    assert not checked(centre, asked).found
    street = _answer(("context", "The Mill resource centre is at 14 Mill Lane, Northam."))
    assert checked(street, asked).found


def test_when_opening_a_clause_asks_for_a_date():
    assert asked_type("the foreword mentions an earlier visit - when was that?") == "date"
    assert asked_type("what happens when a child misses an appointment?") is None


def test_who_got_a_post_asks_for_a_name_not_the_post():
    post = _answer(("recommendations", "a victim liaison officer post is established (Director)"))
    asked = Intent(route="fallback", question="who got the victim liaison officer job?")
    assert asked_type(asked.question) == "name"
    assert not checked(post, asked).found


def test_hq_and_head_office_name_the_headquarters():
    hq = Citation("northam-2010", "context", "YOT", "The headquarters was in Mill House.")
    assert holds("place", hq, hq.quote, "where is the YOT HQ?")
    assert holds("place", hq, hq.quote, "the head office - which building was it in?")


def test_a_date_of_the_inspection_answers_only_a_question_about_the_inspection():
    fieldwork = _answer(
        ("inspection-data", "Fieldwork for this inspection was undertaken in May 2010.")
    )
    visit = Intent(route="fallback", question="what month did the inspectors visit Northam?")
    assert checked(fieldwork, visit).found
    fieldwork.route = "context"
    meeting = Intent(route="context", question="what was the date of the board meeting on reports?")
    assert not checked(fieldwork, meeting).found


def test_a_word_of_time_after_the_inspection_needs_progress_whatever_is_asked():
    board = _answer(("context", "The board was chaired by the Strategic Director."))
    now = Intent(route="fallback", question="who chairs the board these days?", asks="progress")
    assert not checked(board, now).found


def test_a_count_must_hold_the_figures_the_question_names():
    one = _answer(("1.1", "In the one case identified as a MAPPA case there was no referral."))
    asked = Intent(route="fallback", question="how many MAPPA level 3 cases were there?")
    assert not checked(one, asked).found


def test_a_recommendations_owner_answers_who_must_act_not_who_holds_a_post():
    rec = Citation("northam-2010", "recommendations", "R", "a liaison post is set up (Director)")
    assert not holds("person", rec, rec.quote, "who is the liaison officer?")
    assert holds("person", rec, rec.quote, "who is responsible for the liaison post?")
    chaired = Citation("northam-2010", "context", "YOT", "The board was chaired by the Director.")
    assert holds("person", chaired, chaired.quote, "who chaired the board?")


def test_a_day_of_the_week_needs_a_weekday():
    month = _routed("context", ("inspection-data", "Fieldwork was undertaken in April 2009."))
    asked = Intent(route="context", question="what day of the week did fieldwork start?")
    assert asked_type(asked.question) == "weekday"
    assert not checked(month, asked).found


def test_a_when_on_the_recommendations_route_must_be_about_what_was_asked():
    plan = _routed(
        "recommendations",
        ("next-steps", "A plan should be submitted two months after publication."),
    )
    again = Intent(route="recommendations", question="when will Northam be reinspected?")
    assert not checked(plan, again).found
    due = Intent(route="recommendations", question="when is the plan to be submitted?")
    assert checked(plan, due).found  # a time set after another answers "when"
    back = _routed(
        "recommendations", ("next-steps", "We will undertake a reinspection in twelve months time.")
    )
    assert checked(back, again).found


def test_a_count_of_things_is_not_answered_by_the_rating_of_a_measure_it_names():
    rated = _routed("score", ("3.4", "Out-of-court disposal policy and provision: Outstanding"))
    things = Intent(route="score", question="how many out-of-court disposals did Northam give?")
    assert not checked(rated, things).found
    # a count of the measure's own value is the score
    score = _routed("score", ("summary", "Score 15/33"))
    for q in ("how many points did Northam get out of 33?", "how many percent for 1.2?"):
        assert checked(score, Intent(route="score", question=q)).found, q


def test_a_share_asked_of_an_acronym_needs_a_unit_that_names_it():
    population = _routed("context", ("context", "Of the 171,500 people, 9.8% were aged ten to 17."))
    neet = Intent(route="context", question="what proportion of young people were NEET?")
    assert not checked(population, neet).found
    named = _routed("context", ("context", "Of the young people supervised, 12% were NEET."))
    assert checked(named, neet).found


def test_a_share_found_by_a_search_is_about_what_was_asked_not_the_figure_it_names():
    review = _routed(
        "fallback", ("1.2", "The intervention plan had been reviewed in only 18% of cases.")
    )
    asked = Intent(route="fallback", question="what percentage of the population was under 18?")
    assert not checked(review, asked).found
    plans = Intent(route="fallback", question="what share of intervention plans were reviewed?")
    assert checked(review, plans).found


def test_the_number_of_a_part_counts_nothing():
    # "1.2 Staff" is a standard's number and name, no count of staff
    rating = _routed("score", ("1.2", "1.2 Staff | Inadequate"))
    asked = Intent(route="score", question="how many staff work at Northam?")
    assert not checked(rating, asked).found
    staffed = _routed("score", ("context", "Northam employed 42 staff."))
    assert checked(staffed, asked) is staffed


def test_a_share_is_about_what_is_done_not_its_own_words_or_who_it_counts():
    answer = _answer(
        ("3.1", "In only half of the relevant cases had children been kept safe."),
        ("service-users", "Two children completed a questionnaire."),
    )
    asked = Intent(
        route="fallback", question="did over half the young people send back the questionnaire?"
    )
    out = checked(answer, asked)
    assert not out.found and "share" in out.answer
    kept = Intent(route="fallback", question="were over half the children kept safe?")
    assert checked(answer, kept) is answer


def test_a_count_of_the_measures_themselves_is_answered_by_the_scores():
    listing = _routed(
        "score", ("1", "Does planning focus sufficiently on keeping the child safe? 47%")
    )
    asked = Intent(route="score", question="how many key questions does Northam have?")
    assert checked(listing, asked) is listing
    asked = Intent(route="score", question="how many staff does Northam have?")
    assert not checked(listing, asked).found


def test_a_count_on_the_recommendations_route_counts_recommendations_only():
    rec = _routed(
        "recommendations",
        ("recommendations", "agree how call-outs are passed on (Chair of the Board)"),
    )
    asked = Intent(route="recommendations", question="how many times did the board meet?")
    assert not checked(rec, asked).found
    asked = Intent(route="recommendations", question="how many recommendations were there?")
    assert checked(rec, asked) is rec
