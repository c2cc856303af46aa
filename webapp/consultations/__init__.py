"""Consultations: surveys the engagement team builds, co-produces with the
service-user group, opens to the public and reports on.

- `views/`: one blueprint each: `builder` (`consultations`, /staff/consultations:
  details, pages, questions, lifecycle, preview, sharing, the group's comments),
  `respond` (`respond`, /c/<slug>: answering), `review` (`review`,
  /review/<slug>: co-production), `results` (`consultation_results`: counts,
  moderation, exports).
- `rules`: the pure rules (lifecycle, show-a-page-if, meaning lock), tested
  without a database; `editing`: every builder change, checked and audited.
- `journey`: answering's state in the session, and writing the response;
  `answer_forms`: the forms built from a page's questions.
- `reporting`: counts, per-question summaries, the moderation queue, exports.
- `sharing`: the public link, its QR code and the A4 poster.
- `models`, `forms` (staff forms), `demo`.
"""
