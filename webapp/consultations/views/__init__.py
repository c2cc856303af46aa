"""The consultation blueprints: `builder`, `respond`, `review` and `results`."""
