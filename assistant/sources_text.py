"""Citations written out as a readable "Sources" list, for answers shown as plain text or
Markdown outside the web app (chat front-ends, MCP clients)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def source_line(n: int, c: Mapping) -> str:
    """``[n] report, heading (section s, page p): “quote”`` with the quote on one line."""
    where = f"section {c['section']}"
    if c.get("page") is not None:
        where += f", page {c['page']}"
    quote = " ".join(str(c.get("quote", "")).split())
    return f"[{n}] {c['report']}, {c['heading']} ({where}): “{quote}”"


def sources_list(citations: Iterable[Mapping]) -> str:
    """A Markdown list of the numbered citations, or "" when there are none."""
    lines = [f"- {source_line(n, c)}" for n, c in enumerate(citations, 1)]
    return "Sources:\n\n" + "\n".join(lines) if lines else ""


def with_sources(text: str, citations: Iterable[Mapping]) -> str:
    """The answer text followed by its Sources list."""
    sources = sources_list(citations)
    return f"{text}\n\n{sources}" if sources else text
