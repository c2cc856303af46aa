"""Moderation both kinds of response share (feedback and consultation
answers): hiding with a reason, showing again, safeguarding flags (`actions`),
the hide form (`forms`), and marking a redacted text for publication
(`publication`, `models.PublishedQuote`). Each room's moderation pages call
these; every change is audited and the audit row never holds the text."""
