"""The actions ledger as a spreadsheet: CSV (with a byte-order mark, so Excel
reads it as UTF-8) and Excel (openpyxl, already a dependency for the
consultation exports). Staff-written text is made safe for a spreadsheet
first (`safe_cell`): a description starting with "=" is shown, never run."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from datetime import date

from webapp.consultations.reporting import BOM, safe_cell
from webapp.reports.models import PUBLIC_STATES, BoardAction

HEADER = ("Action number", "Report", "Theme code", "Theme it answers", "What will be done", "Owner organisation",
          "Due by", "Status", "Overdue", "Reason, if not doing", "On the public page", "Recorded on",
          "Latest update on", "Latest update", "Evidence (board summary)")


EvidenceUrl = Callable[[BoardAction], str]


def ledger_rows(rows: Iterable[dict], evidence: EvidenceUrl, today: date | None = None) -> list[list]:
    """One list of cells per action (`rows` as `pages.action_rows` makes them;
    `evidence` gives the link to the theme evidence an action answers)."""
    return [_cells(row["action"], row, evidence(row["action"]), today) for row in rows]


def _cells(action: BoardAction, row: dict, evidence: str, today: date | None) -> list:
    latest = action.updates[-1] if action.updates else None
    return [action.id, safe_cell(row["scope"]), action.theme_code, safe_cell(row["theme"]),
            safe_cell(action.description), safe_cell(action.owner_org),
            action.due_on.isoformat() if action.due_on else "", action.status_label,
            "Yes" if action.is_overdue(today) else "No", safe_cell(action.reason or ""),
            PUBLIC_STATES[action.public_state], action.created_on.isoformat() if action.created_on else "",
            latest.recorded_on.isoformat() if latest else "", safe_cell(latest.note) if latest else "",
            evidence]


def actions_csv(rows: Iterable[dict], evidence: EvidenceUrl, today: date | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(ledger_rows(rows, evidence, today))
    return BOM + buffer.getvalue()


def actions_xlsx(rows: Iterable[dict], evidence: EvidenceUrl, today: date | None = None) -> bytes:
    # Imported here: only this export needs openpyxl, so web workers that never export skip loading it.
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Actions")
    sheet.append(HEADER)
    for cells in ledger_rows(rows, evidence, today):
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
