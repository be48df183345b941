"""Spreadsheet downloads: the loaded reports' measures, findings and recommendations."""

from __future__ import annotations

import io
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from assistant.score_export import MEDIA_TYPES, Format, Table, sheets, write_csv, write_xlsx
from web import service

router = APIRouter(prefix="/api/export", tags=["export"])


@router.get(
    "/scores",
    summary="Every measure of every loaded report as CSV or xlsx (findings and "
    "recommendations as further sheets, or as CSV with ?what=)",
    response_class=Response,
)
def export_scores(
    request: Request,
    format: Annotated[Format, Query(description="csv or xlsx")] = Format.CSV,
    what: Annotated[Table, Query(description="CSV only: which table")] = Table.SCORES,
    report: Annotated[str | None, Query(max_length=200, description="Only this report")] = None,
) -> Response:
    reports = service.findings_of(request).reports()
    if report:
        reports = [r for r in reports if r.id == report]
        if not reports:
            raise HTTPException(404, detail=f"no report '{report}' is loaded")
    stem = f"findings-{report or 'reports'}"
    if format is Format.XLSX:
        out = io.BytesIO()
        write_xlsx(sheets(reports), out)
        body, name = out.getvalue(), f"{stem}.xlsx"
    else:
        text = io.StringIO(newline="")
        write_csv(sheets(reports, [what])[0], text)
        body, name = text.getvalue().encode("utf-8"), f"{stem}-{what}.csv"
    return Response(
        body,
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
