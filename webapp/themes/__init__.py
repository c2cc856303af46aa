"""Theming in the staff area (/staff/themes, permission `code_themes`): the
partnership's codebook, theming runs, staff coding and emergent themes.

- `scope`: what a run, a report or a group view is about (a consultation, a
  feedback quarter or date range) and its free-text items as plain records.
- `runs`: starting and executing runs (thread or RQ job), and `coded_items`,
  the one place the rest of Heard reads themes from.
- `codebook`: the codebook in the database, read and changed.
- `review`: what the theming pages show; `views`, `forms`; `commands`
  (`flask worker`); `jobs` (the RQ entry point); `demo`.

The analysis library does the theming; it is imported only where a run or a
check needs it (see `runs`).
"""
