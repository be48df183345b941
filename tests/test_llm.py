"""The optional LLM backend against a scripted OpenAI-compatible server on 127.0.0.1.

The server speaks the real protocol (POST /v1/chat/completions, JSON in and out) and replies
from a script, so the tests see exactly what the model was sent and control what it says.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from answer_fakes import make_findings

from assistant.answers.llm import format_passages, load_prompt, renumber


class ScriptedLLM:
    """An OpenAI-compatible chat server that answers from a list of scripted replies."""

    def __init__(self) -> None:
        self.replies: list[tuple[int, str]] = []
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append({"path": self.path, "body": body})
                status, text = outer.replies.pop(0) if outer.replies else (200, "[1]")
                if status != 200:
                    payload = {"error": {"message": text, "type": "server_error"}}
                else:
                    payload = {
                        "id": "chatcmpl-test",
                        "object": "chat.completion",
                        "created": 0,
                        "model": body.get("model", "scripted"),
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": text},
                                "finish_reason": "stop",
                            }
                        ],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                    }
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def llm_server():
    server = ScriptedLLM()
    yield server
    server.close()


@pytest.fixture(scope="module")
def findings(tmp_path_factory, llm_server):
    return make_findings(
        tmp_path_factory.mktemp("llm") / "store",
        llm="openai:gpt-4o-mini",
        llm_base_url=llm_server.base_url,
        llm_api_key="test-key",
    )


@pytest.fixture(autouse=True)
def _fresh_script(llm_server):
    llm_server.replies.clear()
    llm_server.requests.clear()


def test_the_model_phrases_from_the_numbered_passages(findings, llm_server):
    llm_server.replies.append(
        (
            200,
            "Sefton's 1.3 Safeguarding criterion scored 28%, so DRASTIC improvement is "
            "required [1].",
        )
    )
    a = findings.ask("What did criterion 1.3 get in Sefton?")
    assert a.llm and a.found and not a.flags
    assert a.answer.startswith("Sefton's 1.3 Safeguarding criterion scored 28%")
    assert [c.section for c in a.citations] == ["1.3"]
    assert a.citations[0].quote == "28% DRASTIC improvement required"
    # The real protocol: the model was sent the question and the numbered passages.
    (request,) = llm_server.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["body"]["model"] == "gpt-4o-mini"
    user = request["body"]["messages"][-1]["content"]
    assert "What did criterion 1.3 get in Sefton?" in user
    assert "[1] 28% DRASTIC improvement required" in user


def test_a_wrong_number_is_flagged(findings, llm_server):
    llm_server.replies.append(
        (
            200,
            "Sefton's 1.3 Safeguarding criterion scored 35%, so DRASTIC improvement is "
            "required [1].",
        )
    )
    a = findings.ask("What did criterion 1.3 get in Sefton?")
    assert a.llm and a.flags, a.answer
    assert any("35%" in f for f in a.flags)
    assert "Warning" in a.answer and "35%" in a.answer.split("Warning", 1)[1]
    assert a.to_dict()["flags"] == a.flags


def test_markers_become_citations_in_order_of_use(findings, llm_server):
    llm_server.replies.append(
        (
            200,
            "Wessex Vale has 6 recommendations; a victim liaison officer post [6] and "
            "reports to the Board [5]. [99] is not a passage.",
        )
    )
    a = findings.ask("What were Wessex Vale's recommendations?")
    assert a.llm
    assert "[1]" in a.answer and "[2]" in a.answer and "[99]" not in a.answer
    assert "victim liaison officer" in a.citations[0].quote
    assert "Management Board receives regular reports" in " ".join(a.citations[1].quote.split())
    assert len(a.citations) == 2


def test_server_failure_falls_back_to_the_extractive_answer(findings, llm_server):
    llm_server.replies.append((500, "the model is down"))
    a = findings.ask("What does RoSH mean?")
    assert not a.llm and a.found
    assert "Risk of Serious Harm" in a.answer
    assert "could not be reached" in a.answer
    assert a.citations and a.citations[0].section == "glossary"


def test_an_answer_without_citations_is_not_shown(findings, llm_server):
    llm_server.replies.append((200, "RoSH is something about risk, I think."))
    a = findings.ask("What does RoSH mean?")
    assert not a.llm and "I think" not in a.answer
    assert "cited none of the passages" in a.answer


def test_not_found_never_reaches_the_model(findings, llm_server):
    a = findings.ask("What is the capital of France?")
    assert not a.found and not llm_server.requests


def test_prompt_and_helpers():
    system, user = load_prompt("answer")
    assert "{question}" in user and "{passages}" in user and "[n]" not in system.split("e.g.")[0]
    assert format_passages(["a\nb", "c"]) == "[1] a b\n[2] c"
    assert renumber("x [3] y [1] z [3] [7]", 3) == ("x [1] y [2] z [1]", [3, 1])
