"""The board (/staff/reports, permission `view_reports`): choose a report, read
the themed summary, download the board pack PDF, keep the actions ledger.

- `population`: which responses a report counts (whole months, or a whole
  consultation), so no two reports differ by a handful of responses;
  `inputs`: what each month last counted, which every report over it reads.
- `summary`: the board summary of a scope (figures from `analysis.board`,
  read from the database here), released through the ledger
  (`webapp.disclosure`); `queries`: quotes, emergent themes, the
  co-production record, breakdowns and the group's view.
- `pages`: what each report page shows; `charts`: SVG bar charts; `pack`: the PDF.
- `ledger`: actions and their dated updates, their public text drafted,
  published and withdrawn; `models`: actions, and the
  group's priorities and comments (the board's data, written by `webapp.group`).
- `public`: the summary as outsiders may see it (group view, you said we did).
- `views`, `forms`, `commands` (`flask board-pack`), `demo`.
"""
