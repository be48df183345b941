"""An OpenAI-compatible chat endpoint, so chat front-ends (Open WebUI, the ``openai`` client,
anything that speaks the chat completions API) can use findings as a model.

The last user message is the question and the earlier user messages are the conversation;
the reply is the same grounded answer as ``/api/ask``, with its numbered citations written
out as a Sources list (and, for programs, as a ``citations`` field). Errors have the OpenAI
shape ``{"error": {"message", "type", "param", "code"}}``.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterator
from typing import Any

import anyio
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.sources_text import with_sources
from assistant.storage.chat_threads import ChatThreads
from web import service
from web.schemas import MAX_QUESTION

MODEL = "findings"
_STARTED = int(time.time())
_PIECE = re.compile(r"\S+\s*|\s+")  # words with their trailing space: pieces join back exactly
_WORDS_PER_CHUNK = 6

router = APIRouter(prefix="/v1", tags=["openai-compatible"])


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: str
    content: str | list[dict[str, Any]] | None = None


class ChatRequest(BaseModel):
    """The fields findings reads; the others (temperature, max_tokens, ...) are accepted."""

    model_config = ConfigDict(extra="allow")

    model: str
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    report: str | None = Field(
        default=None, max_length=200, description="findings only: answer from this report id."
    )


def _inline_schema(model: type[BaseModel]) -> dict:
    """The model's JSON schema with its $defs inlined (OpenAPI would not resolve them)."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def inline(node):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return inline(defs[ref.removeprefix("#/$defs/")])
            return {k: inline(v) for k, v in node.items()}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    return inline(schema)


class OpenAIError(Exception):
    def __init__(
        self,
        status: int,
        message: str,
        param: str | None = None,
        code: str | None = None,
        type_: str = "invalid_request_error",
    ):
        super().__init__(message)
        self.status, self.message, self.param, self.code, self.type = (
            status,
            message,
            param,
            code,
            type_,
        )

    def response(self) -> JSONResponse:
        body = {"message": self.message, "type": self.type, "param": self.param, "code": self.code}
        headers = {"WWW-Authenticate": "Bearer"} if self.status == 401 else None
        return JSONResponse({"error": body}, status_code=self.status, headers=headers)


def _authorize(request: Request) -> None:
    try:
        service.check_token(
            service.findings_of(request), request.headers.get("authorization"), None
        )
    except HTTPException as e:
        raise OpenAIError(
            401,
            "This server needs its API token (FINDINGS_API_TOKEN) as the API key "
            "(Authorization: Bearer <token>).",
            code="invalid_api_key",
        ) from e


def _model(model_id: str) -> dict:
    return {"id": model_id, "object": "model", "created": _STARTED, "owned_by": "findings"}


def _text(message: ChatMessage) -> str:
    """A message's text: a string, or the text parts of a list of content parts."""
    if isinstance(message.content, str):
        return message.content
    parts = message.content or []
    return "\n".join(p["text"] for p in parts if p.get("type") == "text" and "text" in p)


def _questions(body: ChatRequest) -> tuple[list[str], str]:
    """The earlier user questions and the last one (which must not be empty or too long)."""
    asked = [_text(m).strip() for m in body.messages if m.role == "user"]
    if not asked:
        raise OpenAIError(400, "messages must contain a user message", param="messages")
    question = asked[-1]
    if not question:
        raise OpenAIError(400, "the last user message has no text", param="messages")
    if len(question) > MAX_QUESTION:
        raise OpenAIError(
            400,
            f"the question is {len(question):,} characters; the limit is {MAX_QUESTION:,}",
            param="messages",
            code="string_above_max_length",
        )
    # Earlier questions that could not have been asked are not part of the conversation.
    earlier = [q for q in asked[:-1] if q and len(q) <= MAX_QUESTION]
    return earlier, question


async def _parse(request: Request) -> ChatRequest:
    try:
        data = await request.json()
    except ValueError as e:
        raise OpenAIError(400, "the request body is not valid JSON") from e
    try:
        body = ChatRequest.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        param = ".".join(str(p) for p in first.get("loc", ())) or None
        raise OpenAIError(400, f"{param}: {first['msg']}" if param else first["msg"], param) from e
    if body.model != MODEL:
        raise OpenAIError(
            404,
            f"The model '{body.model}' does not exist; this server offers '{MODEL}'.",
            param="model",
            code="model_not_found",
        )
    return body


def _threads(request: Request) -> ChatThreads:
    threads = getattr(request.app.state, "chat_threads", None)
    if threads is None:
        threads = request.app.state.chat_threads = ChatThreads(service.findings_of(request))
    return threads


def _chunks(text: str) -> Iterator[str]:
    pieces = _PIECE.findall(text)
    for at in range(0, len(pieces), _WORDS_PER_CHUNK):
        yield "".join(pieces[at : at + _WORDS_PER_CHUNK])


def _sse(data: dict) -> str:
    return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"


def _stream(completion_id: str, content: str, extra: dict) -> Iterator[str]:
    base = {
        "id": completion_id,
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": MODEL,
        "system_fingerprint": None,
    }

    def chunk(delta: dict, finish: str | None = None, **more) -> str:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        return _sse({**base, "choices": [choice], **more})

    yield chunk({"role": "assistant", "content": ""})
    for piece in _chunks(content):
        yield chunk({"content": piece})
    yield chunk({}, "stop", **extra)
    yield "data: [DONE]\n\n"


@router.get("/models", summary="The models this server offers: findings")
async def list_models(request: Request):
    try:
        _authorize(request)
    except OpenAIError as e:
        return e.response()
    return {"object": "list", "data": [_model(MODEL)]}


@router.get("/models/{model_id}", summary="One model")
async def get_model(model_id: str, request: Request):
    try:
        _authorize(request)
        if model_id != MODEL:
            raise OpenAIError(
                404, f"The model '{model_id}' does not exist", param="model", code="model_not_found"
            )
    except OpenAIError as e:
        return e.response()
    return _model(MODEL)


@router.post(
    "/chat/completions",
    summary="Chat completions (OpenAI-compatible; stream: true gives server-sent events)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _inline_schema(ChatRequest)}},
        }
    },
)
async def chat_completions(request: Request):
    try:
        _authorize(request)
        body = await _parse(request)
        earlier, question = _questions(body)
        try:
            answer = await anyio.to_thread.run_sync(
                _threads(request).ask, earlier, question, body.report
            )
        except ValueError as e:  # the answerer's own input checks
            raise OpenAIError(400, str(e), param="messages") from e
    except OpenAIError as e:
        return e.response()
    citations = [c.to_dict() for c in answer.citations]
    content = with_sources(answer.answer, citations)
    completion_id = f"chatcmpl-{uuid.uuid4().hex}"
    extra = {
        "citations": citations,
        "conversation_id": answer.conversation_id,
        "found": answer.found,
    }
    if body.stream:
        return StreamingResponse(
            _stream(completion_id, content, extra),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )
    return {
        "id": completion_id,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": MODEL,
        "system_fingerprint": None,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": None},
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        **extra,
    }
