"""Offline text analysis for Heard: theming, sentiment and board summaries.

Kept import-light on purpose: the web app imports submodules (e.g.
``analysis.redaction``) on every request, so nothing heavy such as
scikit-learn is imported here. Import what you need from the submodules:

- ``analysis.sentiment``: ``SentimentScorer``, ``default_scorer``
- ``analysis.codebook``: ``Codebook``, ``default_codebook``, ``parse_codebook``
- ``analysis.classify``: ``ThemeClassifier``
- ``analysis.themes``: ``build_report`` (the full themed report)
- ``analysis.suppression``: ``suppress``
"""
