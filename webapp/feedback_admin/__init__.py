"""Staff moderation of feedback free text and the publication mark (see routes.py)."""
