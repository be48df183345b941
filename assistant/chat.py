"""Terminal rendering of answers, and the interactive `findings chat` loop."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.markup import escape

from assistant.answers.answerer import Answer

EXIT_WORDS = frozenset({"exit", "quit", "bye", ":q", "q"})


def render_answer(answer: Answer, console: Console) -> None:
    """The answer, then its numbered citations with the exact quotes."""
    style = "" if answer.found else "yellow"
    console.print(escape(answer.answer), style=style, highlight=False)
    for n, c in enumerate(answer.citations, 1):
        page = f", p. {c.page}" if c.page else ""
        quote = " ".join(c.quote.split())
        if len(quote) > 160:
            quote = quote[:157] + "..."
        console.print(
            f"  [bold cyan][{n}][/] {escape(c.report)} {escape(c.section)} "
            f"[dim]{escape(c.heading)}{page}[/]: “{escape(quote)}”",
            highlight=False,
        )


def chat_loop(
    ask: Callable[[str, str | None], Answer],
    console: Console,
    read: Callable[[], str],
    conversation_id: str | None = None,
) -> str | None:
    """Read questions until EOF or 'exit'; follow-ups continue the same conversation."""
    console.print(
        "[bold]findings chat[/] - ask about the loaded reports; follow-ups work. "
        "Type 'exit' to leave."
    )
    while True:
        try:
            question = read().strip()
        except (EOFError, KeyboardInterrupt):
            console.print()
            return conversation_id
        if not question:
            continue
        if question.lower() in EXIT_WORDS:
            return conversation_id
        try:
            answer = ask(question, conversation_id)
        except ValueError as e:
            console.print(f"[red]{escape(str(e))}[/]")
            continue
        conversation_id = answer.conversation_id
        render_answer(answer, console)
        console.print()
