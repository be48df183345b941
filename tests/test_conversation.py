"""Conversations persist in SQLite: follow-ups survive a restart (a new core, same store)."""

from __future__ import annotations

import pytest
from answer_fakes import HashEmbedder, make_findings

from assistant.core import Findings
from assistant.storage.conversations import Conversations
from assistant.storage.database import Store


@pytest.fixture
def store_dir(tmp_path):
    make_findings(tmp_path / "store")
    return tmp_path / "store"


def reopen(store_dir) -> Findings:
    from assistant.settings import Settings

    return Findings(
        Settings(store=store_dir, chroma_url=None, auto_ingest_sample=False),
        embedder=HashEmbedder(),
    )


def test_follow_up_after_a_restart(store_dir):
    first = reopen(store_dir).ask("What were the weaknesses in Sefton's safeguarding assessment?")
    assert {c.section for c in first.citations} == {"1.3"}
    # A new process: nothing in memory, only the store on disk.
    again = reopen(store_dir)
    a = again.ask("what were its strengths?", conversation_id=first.conversation_id)
    assert a.conversation_id == first.conversation_id
    assert {c.section for c in a.citations} == {"1.3"}
    assert "71% of cases contained an Asset vulnerability screening" in a.answer
    assert "Only 40%" not in a.answer


def test_turns_are_recorded_in_order(store_dir):
    f = reopen(store_dir)
    cid = f.ask("What does MAPPA mean?").conversation_id
    f.ask("and MAPPP?", conversation_id=cid)
    turns = Conversations(f.store).turns(cid)
    assert [t.question for t in turns] == ["What does MAPPA mean?", "and MAPPP?"]
    assert [t.n for t in turns] == [1, 2]
    assert all(t.found and t.route == "glossary" for t in turns)
    assert turns[1].state["terms"] == ["MAPPP"]
    assert turns[1].citations[0]["section"] == "glossary"


def test_a_question_that_found_nothing_does_not_break_the_thread(store_dir):
    f = reopen(store_dir)
    cid = f.ask("What was Sefton's safeguarding score?").conversation_id
    assert not f.ask("what is the capital of France?", conversation_id=cid).found
    a = f.ask("and the risk of harm one?", conversation_id=cid)
    assert "36%" in a.answer and "57%" not in a.answer


def test_conversation_ids(store_dir):
    f = reopen(store_dir)
    # An id the client made up is accepted (a new conversation under that id)...
    a = f.ask("What does RoSH mean?", conversation_id="my-chat-1")
    assert a.conversation_id == "my-chat-1"
    assert Conversations(f.store).exists("my-chat-1")
    # ...but not one that could be anything: a fresh id is issued instead.
    b = f.ask("What does RoSH mean?", conversation_id="bad id; drop table")
    assert b.conversation_id != "bad id; drop table" and b.conversation_id.isalnum()


def test_tables_live_beside_the_reports(store_dir):
    f = reopen(store_dir)
    f.ask("What does RoSH mean?")
    with Store(f.settings.db_path).connect() as db:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"conversations", "turns", "reports"} <= names
