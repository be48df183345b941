"""The OpenAI-compatible endpoint through the official ``openai`` client, against a real
uvicorn server on loopback holding the sample and the fictional report."""

from __future__ import annotations

import json

import httpx
import openai
import pytest
from webapp_fixtures import serve, shared_findings

from web.app import create_app


@pytest.fixture(scope="module")
def core(tmp_path_factory):
    return shared_findings(tmp_path_factory)


@pytest.fixture(scope="module")
def base_url(core):
    with serve(create_app(core)) as url:
        yield url


@pytest.fixture
def client(base_url):
    return openai.OpenAI(base_url=f"{base_url}/v1", api_key="unused", max_retries=0)


def _user(text: str) -> dict:
    return {"role": "user", "content": text}


def _quotes_grounded(core, citations: list[dict]) -> None:
    texts = {r.id: r.text for r in core.reports()}
    assert citations
    for c in citations:
        assert set(c) >= {"report", "section", "heading", "quote", "page"}
        assert c["quote"] in texts[c["report"]]


def test_models_list_findings(client):
    assert [m.id for m in client.models.list()] == ["findings"]
    assert client.models.retrieve("findings").owned_by == "findings"
    with pytest.raises(openai.NotFoundError):
        client.models.retrieve("gpt-4o")


def test_answer_with_a_sources_list(client, core):
    r = client.chat.completions.create(
        model="findings",
        messages=[
            {"role": "system", "content": "You are a helpful assistant."},
            _user("What does RoSH mean?"),
        ],
    )
    choice = r.choices[0]
    assert choice.finish_reason == "stop" and choice.message.role == "assistant"
    content = choice.message.content
    answer, sources = content.split("\n\nSources:\n\n")
    assert "Risk of Serious Harm" in answer and "[1]" in answer
    citations = r.model_extra["citations"]
    _quotes_grounded(core, citations)
    lines = sources.splitlines()
    assert len(lines) == len(citations)
    for n, (line, c) in enumerate(zip(lines, citations, strict=True), 1):
        assert line.startswith(f"- [{n}] {c['report']}, {c['heading']} (section {c['section']}")
        assert " ".join(c["quote"].split()) in line
    assert r.model_extra["conversation_id"] and r.model_extra["found"] is True


def test_streaming_gives_the_same_answer_in_chunks(client):
    question = [_user("What was the safeguarding score in Wessex Vale?")]
    whole = client.chat.completions.create(model="findings", messages=question)
    chunks = list(client.chat.completions.create(model="findings", messages=question, stream=True))
    assert len(chunks) > 3
    assert chunks[0].choices[0].delta.role == "assistant"
    assert len({c.id for c in chunks}) == 1 and chunks[0].object == "chat.completion.chunk"
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert text == whole.choices[0].message.content
    assert "Sources:" in text
    assert [c.choices[0].finish_reason for c in chunks].count("stop") == 1
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["citations"] == whole.model_extra["citations"]


def test_stream_wire_format_ends_with_done(base_url):
    body = {"model": "findings", "messages": [_user("What does MAPPA mean?")], "stream": True}
    with httpx.stream("POST", f"{base_url}/v1/chat/completions", json=body, timeout=60) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        events = [line for line in r.iter_lines() if line]
    assert all(e.startswith("data: ") for e in events)
    assert events[-1] == "data: [DONE]"
    last = json.loads(events[-2].removeprefix("data: "))
    assert last["choices"][0] == {
        "index": 0,
        "delta": {},
        "logprobs": None,
        "finish_reason": "stop",
    }


def test_a_follow_up_resolves_against_the_earlier_turn(client):
    first = client.chat.completions.create(
        model="findings", messages=[_user("What was Sefton's safeguarding score?")]
    )
    history = [
        _user("What was Sefton's safeguarding score?"),
        {"role": "assistant", "content": first.choices[0].message.content},
        _user("and the risk of harm one?"),
    ]
    r = client.chat.completions.create(model="findings", messages=history)
    answer = r.choices[0].message.content.split("Sources:")[0]
    assert "36%" in answer and "38%" not in answer and "57%" not in answer
    # The history was found, not replayed: the same conversation continues.
    assert r.model_extra["conversation_id"] == first.model_extra["conversation_id"]
    # Without the earlier turn it is not a follow-up: both reports answer.
    alone = client.chat.completions.create(
        model="findings", messages=[_user("and the risk of harm one?")]
    )
    assert "57%" in alone.choices[0].message.content


def test_a_history_never_seen_is_replayed(client):
    # Content parts (as chat front-ends send them) and an unknown earlier exchange.
    history = [
        {"role": "user", "content": [{"type": "text", "text": "Strengths in 2.3 in Sefton"}]},
        {"role": "assistant", "content": "(an answer from another server)"},
        _user("and the risk of harm one?"),
    ]
    r = client.chat.completions.create(model="findings", messages=history)
    _, sources = r.choices[0].message.content.split("\n\nSources:\n\n")
    assert {c["section"] for c in r.model_extra["citations"]} == {"2.1"}
    assert "72% of cases" in r.choices[0].message.content


def test_errors_have_the_openai_shape(client, base_url):
    with pytest.raises(openai.NotFoundError) as e:
        client.chat.completions.create(model="gpt-4o", messages=[_user("hello")])
    assert e.value.status_code == 404 and e.value.code == "model_not_found"
    assert e.value.param == "model"
    with pytest.raises(openai.BadRequestError) as e:
        client.chat.completions.create(
            model="findings", messages=[{"role": "system", "content": "no question"}]
        )
    assert e.value.param == "messages" and e.value.type == "invalid_request_error"
    with pytest.raises(openai.BadRequestError) as e:
        client.chat.completions.create(model="findings", messages=[_user("x" * 2001)])
    assert "limit is 2,000" in e.value.message
    r = httpx.post(f"{base_url}/v1/chat/completions", content=b"{not json", timeout=30)
    assert r.status_code == 400
    assert set(r.json()["error"]) == {"message", "type", "param", "code"}
    r = httpx.post(f"{base_url}/v1/chat/completions", json={"model": "findings"}, timeout=30)
    assert r.status_code == 400 and r.json()["error"]["param"] == "messages"


def test_the_api_token_is_required_when_set(base_url, core, monkeypatch):
    monkeypatch.setattr(core.settings, "api_token", "s3cret-token")
    wrong = openai.OpenAI(base_url=f"{base_url}/v1", api_key="guess", max_retries=0)
    with pytest.raises(openai.AuthenticationError) as e:
        wrong.chat.completions.create(model="findings", messages=[_user("What does RoSH mean?")])
    assert e.value.status_code == 401 and e.value.code == "invalid_api_key"
    with pytest.raises(openai.AuthenticationError):
        wrong.models.list()
    right = openai.OpenAI(base_url=f"{base_url}/v1", api_key="s3cret-token", max_retries=0)
    r = right.chat.completions.create(model="findings", messages=[_user("What does RoSH mean?")])
    assert "Risk of Serious Harm" in r.choices[0].message.content
    assert [m.id for m in right.models.list()] == ["findings"]


def test_the_endpoints_are_documented(base_url):
    schema = httpx.get(f"{base_url}/openapi.json", timeout=30).json()
    assert {"/v1/models", "/v1/chat/completions"} <= set(schema["paths"])
    body = schema["paths"]["/v1/chat/completions"]["post"]["requestBody"]
    request = body["content"]["application/json"]["schema"]
    assert "$ref" not in json.dumps(request)  # every part resolvable by Swagger UI
    assert request["properties"]["messages"]["items"]["properties"]["role"]["type"] == "string"
