"""The MCP server: findings' tools for AI assistants, over stdio (``findings mcp``) or over
streamable HTTP (mounted by the web app at ``/mcp``). One definition serves both."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import CallToolResult, TextContent
from pydantic import Field

from assistant.mcp_tools import (
    AskResult,
    CheckResult,
    FindingsTools,
    ReportDetail,
    ReportList,
    SearchResult,
    ToolInputError,
    ToolResult,
)
from assistant.storage.chunks import KINDS

INSTRUCTIONS = """findings answers questions from HM Inspectorate of Probation youth-offending
inspection reports. Every answer, verdict and passage carries citations (report, section,
heading, exact quote, page): quote them rather than paraphrasing numbers. Use `ask` for
questions (pass the returned conversation_id as `conversation` for follow-ups), `check_claim`
to verify a sentence with numbers, `search` for raw passages, `list_reports` and `get_report`
for what is loaded."""

ReportId = Annotated[
    str | None, Field(description="Only this report id (see list_reports), e.g. sefton-2009.")
]


def _call(make: Callable[[], ToolResult]) -> CallToolResult:
    """The tool's readable text plus its structured data; bad input is a tool error."""
    try:
        result = make()
    except ToolInputError as e:
        raise ToolError(str(e)) from e
    return CallToolResult(
        content=[TextContent(type="text", text=result.text)],
        structured_content=result.data.model_dump(mode="json"),
    )


def build_server(findings) -> MCPServer:
    """An MCP server whose tools answer from ``findings`` (a ``Findings`` core)."""
    tools = FindingsTools(findings)
    server = MCPServer(
        name="findings", instructions=INSTRUCTIONS, version="0.1.0", log_level="WARNING"
    )

    @server.tool()
    def ask(
        question: Annotated[str, Field(description="A question in plain English.")],
        report: ReportId = None,
        conversation: Annotated[
            str | None,
            Field(description="conversation_id of an earlier answer, to ask a follow-up."),
        ] = None,
    ) -> Annotated[CallToolResult, AskResult]:
        """Answer a question from the reports, with numbered citations quoting the source."""
        return _call(lambda: tools.ask(question, report, conversation))

    @server.tool()
    def check_claim(
        claim: Annotated[str | None, Field(description="One claim to check.")] = None,
        text: Annotated[
            str | None,
            Field(description="A paragraph: every sentence with a number or band is checked."),
        ] = None,
        report: ReportId = None,
    ) -> Annotated[CallToolResult, CheckResult]:
        """Check a numeric claim (or each one in a text) against the stored scores and facts:
        supported, contradicted or unverifiable, with the evidence quoted."""
        return _call(lambda: tools.check_claim(claim, text, report))

    @server.tool()
    def search(
        query: Annotated[str, Field(description="What to look for.")],
        report: ReportId = None,
        section: Annotated[
            str | None, Field(description="Only this section id, e.g. 1.3, summary, glossary.")
        ] = None,
        kind: Annotated[
            str | None, Field(description=f"Only passages of this kind: {', '.join(KINDS)}.")
        ] = None,
        limit: Annotated[int, Field(ge=1, le=50, description="How many passages.")] = 8,
    ) -> Annotated[CallToolResult, SearchResult]:
        """The report passages that best match a query, each with its citation."""
        return _call(lambda: tools.search(query, report, section, kind, limit))

    @server.tool()
    def list_reports() -> Annotated[CallToolResult, ReportList]:
        """The loaded reports with their headline scores (each cited)."""
        return _call(tools.list_reports)

    @server.tool()
    def get_report(
        report_id: Annotated[str, Field(description="Report id, e.g. sefton-2009.")],
    ) -> Annotated[CallToolResult, ReportDetail]:
        """One report: every measure, finding and recommendation, each with its citation."""
        return _call(lambda: tools.get_report(report_id))

    return server


def run_stdio() -> None:
    """Serve the tools on standard input and output (what `findings mcp` runs)."""
    from assistant.core import get_findings

    findings = get_findings()
    findings.ensure_sample()  # logs go to standard error; standard output is the protocol's
    build_server(findings).run("stdio")
