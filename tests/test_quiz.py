"""Quiz generation: deterministic per seed, every answer true to the report it cites."""

from __future__ import annotations

from collections import Counter

from typer.testing import CliRunner

from assistant.quiz import KINDS, all_questions, make_quiz, question_at
from ingest.model import BANDS


def _item_criterion(report, source):
    for c in report.criteria:
        if any(i.source == source for i in c.strengths + c.areas_for_improvement):
            return f"{c.number} {c.name}"
    return None


def test_same_seed_same_quiz_other_seed_other_order(sample_report, fictional_report):
    reports = [sample_report, fictional_report]
    a = make_quiz(reports, n=10, seed=42)
    assert a == make_quiz(reports, n=10, seed=42)
    assert a == make_quiz(list(reversed(reports)), n=10, seed=42)  # load order does not matter
    assert [q.prompt for q in a] != [q.prompt for q in make_quiz(reports, n=10, seed=43)]


def test_question_i_does_not_depend_on_quiz_length(sample_report):
    long = make_quiz([sample_report], n=30, seed=9)
    short = make_quiz([sample_report], n=4, seed=9)
    assert short == long[:4]
    assert question_at([sample_report], 9, 3) == long[3]
    assert question_at([sample_report], 9, 10**6) is None
    assert make_quiz([sample_report], n=0, seed=9) == []


def test_a_short_quiz_mixes_all_kinds(sample_report):
    kinds = [q.kind for q in make_quiz([sample_report], n=6, seed=1)]
    assert Counter(kinds) == Counter({k: 2 for k in KINDS})


def test_every_answer_is_true_to_its_report(sample_report, fictional_report):
    reports = {r.id: r for r in (sample_report, fictional_report)}
    questions = all_questions(list(reports.values()), seed=5)
    assert {q.kind for q in questions} == set(KINDS)
    for q in questions:
        report = reports[q.report]
        assert 2 <= len(q.options) <= 4
        assert len(set(q.options)) == len(q.options)
        assert 0 <= q.answer < len(q.options)
        assert q.source.quote in report.text  # the citation is grounded
        assert report.text[q.source.start : q.source.start + len(q.source.quote)] == q.source.quote
        if q.kind == "term":
            entry = next(g for g in report.glossary if g.source == q.source)
            assert f"'{entry.term}'" in q.prompt
            meaning = " ".join(entry.definition.split())
            assert meaning.startswith(q.correct_option.removesuffix("…"))
        elif q.kind == "band":
            score = next(s for s in report.all_scores() if s.source == q.source)
            assert f"{score.value}%" in q.prompt
            assert q.options == [f"{b} improvement required" for b in BANDS]
            assert q.correct_option.startswith(score.band)
        else:
            assert q.excerpt and q.excerpt in " ".join(
                i.text for c in report.criteria for i in c.strengths + c.areas_for_improvement
            )
            assert q.correct_option == _item_criterion(report, q.source)


def test_several_reports_name_the_report_in_the_prompt(sample_report, fictional_report):
    both = all_questions([sample_report, fictional_report], seed=2)
    for q in both:
        area = sample_report.area if q.report == sample_report.id else fictional_report.area
        assert q.prompt.startswith(f"In the {area} ")
    alone = all_questions([sample_report], seed=2)
    assert not any(q.prompt.startswith("In the ") for q in alone)


def test_result_dict_and_public_dict(sample_report):
    q = make_quiz([sample_report], n=1, seed=3)[0]
    public = q.public_dict(0)
    assert set(public) == {"index", "kind", "prompt", "excerpt", "options"}
    right = q.result_dict(q.answer)
    wrong = q.result_dict((q.answer + 1) % len(q.options))
    assert right["correct"] and not wrong["correct"]
    assert right["citation"]["quote"] == q.source.quote


def test_no_reports_no_questions():
    assert all_questions([], seed=1) == []


def test_cli_quiz_scores_answers(monkeypatch, sample_report):
    from assistant import cli

    class Core:
        def reports(self):
            return [sample_report]

    monkeypatch.setattr(cli, "_ready", lambda: Core())
    questions = make_quiz([sample_report], n=3, seed=4)
    answers = [str(q.answer + 1) for q in questions[:2]]
    answers.append(str((questions[2].answer + 1) % len(questions[2].options) + 1))
    result = CliRunner().invoke(
        cli.app, ["quiz", "--n", "3", "--seed", "4"], input="9\n" + "\n".join(answers) + "\n"
    )
    assert result.exit_code == 0, result.output
    assert "Please type a number" in result.output  # 9 is out of range and asked again
    assert "You answered 2 of 3 correctly." in result.output
    assert result.output.count("Source: sefton-2009") == 3
