"""The optional LLM backend: re-phrases an extractive answer from the same numbered passages.

The model's ``[n]`` markers become citations; every number it writes is checked against the
stored reports (``assistant.claims``) and the passages, and anything unsupported is flagged in
the answer. If the model cannot be reached, the extractive answer is returned, saying so.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from assistant.settings import PACKAGE_ROOT, Settings

log = logging.getLogger(__name__)

PROMPTS = PACKAGE_ROOT / "prompts"
_MARKER = re.compile(r"\[(\d{1,3})\]")


@lru_cache(maxsize=8)
def load_prompt(name: str, folder: Path = PROMPTS) -> tuple[str, str]:
    """(system, user) templates from ``prompts/NAME.md``."""
    text = (folder / f"{name}.md").read_text(encoding="utf-8")
    parts = re.split(r"^## (system|user)\s*$", text, flags=re.M)
    found = {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}
    if "system" not in found or "user" not in found:
        raise ValueError(f"prompt {name!r} needs a '## system' and a '## user' part")
    return found["system"], found["user"]


def build_chat_model(settings: Settings):
    """A LangChain chat model from ``settings.llm`` (an ``init_chat_model`` name)."""
    from langchain.chat_models import init_chat_model

    kwargs: dict = {"temperature": 0, "max_retries": 0, "timeout": 60}
    if settings.llm_base_url:
        kwargs["base_url"] = settings.llm_base_url
    provider = settings.llm.split(":", 1)[0] if settings.llm and ":" in settings.llm else ""
    if settings.llm_api_key:
        kwargs["api_key"] = settings.llm_api_key
    elif provider in ("openai", "azure_openai", ""):
        # OpenAI-compatible local servers ignore the key, but the client insists on one.
        kwargs["api_key"] = "not-needed"
    return init_chat_model(settings.llm, **kwargs)


def format_passages(passages: list[str]) -> str:
    return "\n".join(f"[{n}] {' '.join(p.split())}" for n, p in enumerate(passages, 1))


def renumber(text: str, count: int) -> tuple[str, list[int]]:
    """Keep the markers that name a passage, numbered by first use; returns the 1-based
    passage numbers in citation order."""
    order: list[int] = []
    for m in _MARKER.finditer(text):
        n = int(m.group(1))
        if 1 <= n <= count and n not in order:
            order.append(n)

    def sub(m: re.Match) -> str:
        n = int(m.group(1))
        return f"[{order.index(n) + 1}]" if n in order else ""

    return _MARKER.sub(sub, text).strip(), order


def unsupported_numbers(text: str, passages: list[str], reports) -> list[str]:
    """A flag for every number in ``text`` that neither the claim checker nor the passages
    support (a contradicted claim is flagged even if a passage has the number elsewhere)."""
    from assistant.claims import CONTRADICTED, SUPPORTED, check_text, numbers_in

    bare = _MARKER.sub(lambda m: " " * len(m.group(0)), text)
    known = {round(q.value, 3) for p in passages for q in numbers_in(p)}
    verdicts = check_text(bare, list(reports))
    flags: list[str] = []
    for q in numbers_in(bare):
        if q.kind != "quantity":
            continue
        result = next((r for r in verdicts if r.span and r.span[0] <= q.start < r.span[1]), None)
        if result is not None and result.verdict == CONTRADICTED:
            flags.append(f"{q.text}: contradicted by the reports. {result.explanation}")
        elif result is not None and result.verdict == SUPPORTED:
            continue
        elif round(q.value, 3) not in known:
            flags.append(f"{q.text}: not found in the cited passages or the stored facts.")
    return list(dict.fromkeys(flags))


def phrase_answer(model, question: str, answer, reports):
    """The answer re-phrased by ``model`` from its own passages, cited and number-checked."""
    from langchain_core.prompts import ChatPromptTemplate

    if not answer.passages:
        return answer
    system, user = load_prompt("answer")
    prompt = ChatPromptTemplate.from_messages([("system", system), ("human", user)])
    try:
        reply = model.invoke(
            prompt.format_messages(question=question, passages=format_passages(answer.passages))
        )
        text = reply.content if isinstance(reply.content, str) else str(reply.content)
    except Exception as e:  # any failure of the model: the extractive answer still stands
        log.warning("LLM call failed: %s", e)
        reason = type(e).__name__
        return replace(
            answer,
            answer=f"{answer.answer}\n\n(The language model could not be reached ({reason}); "
            "this is the extractive answer.)",
        )
    text, order = renumber(text, len(answer.passages))
    if not order:
        return replace(
            answer,
            answer=f"{answer.answer}\n\n(The language model's answer cited none of the "
            "passages, so it is not shown; this is the extractive answer.)",
        )
    flags = unsupported_numbers(text, [answer.passages[n - 1] for n in order], reports)
    if flags:
        text += "\n\nWarning: these numbers are not supported by the reports:\n" + "\n".join(
            f"- {f}" for f in flags
        )
    return replace(
        answer,
        answer=text,
        citations=[answer.citations[n - 1] for n in order],
        passages=[answer.passages[n - 1] for n in order],
        flags=flags,
        llm=True,
    )
