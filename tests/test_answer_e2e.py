"""End to end with the real model, Chroma and SQLite on the real reports: the answerer's
routes, follow-ups across a restart, and the `findings ask / chat / eval` commands."""

from __future__ import annotations

import json

import pytest
from answer_fakes import REPORTS, make_findings
from typer.testing import CliRunner

from assistant.cli import app

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from assistant.embeddings import get_embedder

    path = tmp_path_factory.mktemp("e2e") / "store"
    make_findings(path, embedder=get_embedder())
    return path


@pytest.fixture(scope="module")
def findings(store):
    from assistant.core import Findings
    from assistant.embeddings import get_embedder
    from assistant.settings import Settings

    return Findings(
        Settings(store=store, chroma_url=None, auto_ingest_sample=False), embedder=get_embedder()
    )


@pytest.fixture
def cli_store(store, monkeypatch):
    """The CLI's process-wide core, pointed at the module's store."""
    from assistant.core import get_findings
    from assistant.settings import get_settings

    monkeypatch.setenv("FINDINGS_STORE", str(store))
    get_settings.cache_clear()
    get_findings.cache_clear()
    yield store
    get_findings.cache_clear()
    get_settings.cache_clear()


@pytest.mark.parametrize(
    "question, route, facts, sections",
    [
        ("what does rosh stand for", "glossary", ["Risk of Serious Harm"], {"glossary"}),
        ("How good was Sefton at safeguarding?", "score", ["38%", "DRASTIC"], {"summary"}),
        ("what's the LoR assessment score in Wessex Vale", "score", ["79%"], {"1.2"}),
        ("What went well in Sefton's sustaining outcomes work?", "findings", ["80%"], {"3.2"}),
        (
            "Which recommendations are for the Chair of Management Board in Sefton?",
            "recommendations",
            ["vacant YOT Manager post"],
            {"recommendations"},
        ),
        ("Which Sefton criterion scored highest?", "computed", ["3.2", "68%"], {"3.2"}),
        (
            "Which area had the higher likelihood of reoffending score?",
            "compare",
            ["Wessex Vale (2011) is higher"],
            {"summary"},
        ),
        (
            "What were Sefton's crime levels for young people?",
            "context",
            ["38 per 1,000"],
            {"context"},
        ),
        (
            "How many victims completed questionnaires in Sefton?",
            "context",
            ["Four"],
            {"service-users"},
        ),
        ("Where was the Sefton YOT headquarters?", "context", ["Bootle"], {"context"}),
        ("Why was the Sefton assessment score low?", "fallback", ["assessment"], None),
    ],
)
def test_routes_with_the_real_model(findings, question, route, facts, sections):
    a = findings.ask(question)
    texts = {r.id: r.text for r in findings.reports()}
    assert a.found and a.route == route, (a.route, a.answer)
    for fact in facts:
        assert fact in a.answer, a.answer
    assert a.citations and all(c.quote in texts[c.report] for c in a.citations)
    if sections:
        assert {c.section for c in a.citations} == sections, a.answer


@pytest.mark.parametrize(
    "question",
    [
        "What is the capital of France?",
        "Give me a recipe for pancakes",
        "What was Manchester's risk of harm score?",
        "how tall is the eiffel tower",
        "what is the meaning of life",
    ],
)
def test_the_reports_do_not_hold_it(findings, question):
    a = findings.ask(question)
    assert not a.found and not a.citations, a.answer


def test_conversation_survives_a_restart(store, findings):
    from assistant.core import Findings
    from assistant.embeddings import get_embedder
    from assistant.settings import Settings

    first = findings.ask("What was the score for 2.1 in Sefton?")
    restarted = Findings(
        Settings(store=store, chroma_url=None, auto_ingest_sample=False), embedder=get_embedder()
    )
    a = restarted.ask("what were its weaknesses?", conversation_id=first.conversation_id)
    assert {c.section for c in a.citations} == {"2.1"}
    assert "poor understanding of the MAPPA process" in a.answer
    a = restarted.ask("and in Wessex Vale?", conversation_id=first.conversation_id)
    assert {c.report for c in a.citations} == {"wessex-vale-2011"}
    assert "MAPPA level had not been recorded" in a.answer


def test_cli_ask_json(cli_store):
    result = CliRunner().invoke(app, ["ask", "What does VMP mean?", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["found"] is True and "Vulnerability management plan" in data["answer"]
    assert data["citations"][0]["section"] == "glossary"
    assert set(data["citations"][0]) == {"report", "section", "heading", "quote", "page"}
    assert data["conversation_id"]


def test_cli_ask_text_with_report_filter(cli_store):
    result = CliRunner().invoke(
        app, ["ask", "what was the safeguarding score?", "--report", "wessex-vale-2011"]
    )
    assert result.exit_code == 0, result.output
    assert "64%" in result.output and "38%" not in result.output
    assert "[1]" in result.output and "wessex-vale-2011 summary" in result.output


def test_cli_ask_follow_up_by_conversation(cli_store):
    first = json.loads(CliRunner().invoke(app, ["ask", "What does MAPPA mean?", "--json"]).output)
    result = CliRunner().invoke(
        app, ["ask", "and MAPPP?", "--json", "--conversation", first["conversation_id"]]
    )
    assert "Multi-agency Public Protection Panel" in json.loads(result.output)["answer"]


def test_cli_ask_rejects_an_empty_question(cli_store):
    result = CliRunner().invoke(app, ["ask", "   "])
    assert result.exit_code == 2 and "empty" in result.output


def test_cli_chat_follow_ups(cli_store):
    session = "What were the strengths in 1.1 in Sefton?\nand its weaknesses?\n\nexit\n"
    result = CliRunner().invoke(app, ["chat"], input=session)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "A full RoSH assessment was carried out" in out  # 1.1 strength
    assert "no effective management oversight of the RoSH" in out  # 1.1 area, the follow-up
    assert "sefton-2009 1.1" in out  # citations are printed under each answer


def test_cli_eval_on_a_small_gold_file(tmp_path, cli_store):
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "reports:\n"
        f"  - {REPORTS[0]}\n"
        "questions:\n"
        "  - {id: a, kind: glossary, q: 'What does SIFA mean?', "
        "facts: ['Screening Interview for Adolescents'], sections: [glossary]}\n"
        "  - {id: b, kind: score, q: 'What did 3.1 get?', facts: ['41%'], sections: ['3.1']}\n"
        "  - {id: c, kind: unanswerable, q: 'What is the capital of France?', found: false}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["eval", "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    assert "overall 100.0% of 3 questions" in result.output
    assert "citation accuracy 100.0%" in result.output and "p95" in result.output
    assert "glossary" in result.output and "targets met" in result.output


def test_cli_eval_fails_when_the_gold_set_is_not_met(tmp_path, cli_store):
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        f"reports: [{REPORTS[0]}]\n"
        "questions:\n"
        "  - {id: wrong, kind: score, q: 'What did 3.1 get?', facts: ['99%']}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["eval", "--gold", str(gold)])
    assert result.exit_code == 1
    assert "FAIL wrong" in result.output and "missing fact '99%'" in result.output
