"""Feedback: the anonymous journey at /feedback (service, how it went, in your
own words, about you, check, thank you), its tables, the services the
partnership asks about and lists under Get help now, and the staff pages that
moderate feedback free text under /staff/feedback.

- `views.journey`: the `feedback` blueprint; `journey` keeps the journey's state
  in the session and writes the response.
- `views.moderation`: the `feedback_admin` blueprint; `moderation` reads a
  quarter's free text a page at a time.
- `directory`: services taking feedback and listed in the support directory.
- `questions`, `forms`: the fixed questions and one form per step.
- `commands`: `flask stats`; `demo`: the demo services and feedback.
"""
