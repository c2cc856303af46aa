"""Public "you said, we did" pages (see routes.py and summary.py)."""
