"""Offline text analysis for Heard: theming, sentiment and board summaries.

Kept import-light on purpose: the web app imports submodules (e.g.
``analysis.redaction``) on every request, so nothing heavy such as
scikit-learn is imported here. Import what you need from the submodules:

- ``analysis.sentiment``: ``SentimentScorer``, ``default_scorer``
- ``analysis.codebook``: ``Codebook``, ``default_codebook``, ``parse_codebook``
- ``analysis.embedding``: ``default_embedder`` (the shipped static embeddings, numpy only)
- ``analysis.semantic``: ``CodebookPrior`` (theming from the codebook alone), ``says_nothing``
- ``analysis.classify``: ``ThemeClassifier`` (the prior refined by coded examples), ``choose_to_code``
- ``analysis.themes``: ``build_report`` (the full themed report)
- ``analysis.board``: the board summary's figures (``summarise_items``,
  ``count_table``), pure Python
- ``analysis.suppression``: ``suppress``, ``breakdown_table`` (NumPy)
- ``analysis.disclosure``: ``withheld``, ``would_disclose``: differencing across releases
  (pure Python; its linear algebra in ``analysis.overlap``, NumPy and SciPy, loaded
  only when populations overlap)
- ``analysis.redaction``, ``analysis.risk``: what the web app runs on every answer

It imports nothing of Flask or ``webapp`` (an import contract checks this).
"""
