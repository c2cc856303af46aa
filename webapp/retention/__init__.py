"""Retention: responses older than RETENTION_MONTHS are deleted after their
themes are counted into text-free aggregates (`models.ThemeAggregate`), which
board summaries add back in (`purge.aggregate_counts`). `flask purge` runs it."""
