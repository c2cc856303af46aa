"""Logging that carries no personal data.

The development server logs every request line with the client address, and
gunicorn logs addresses for malformed requests; Heard logs neither. Every handler
also passes through a filter that removes anything shaped like an IP address.
"""

from __future__ import annotations

import logging

from flask import Flask

from webapp.privacy import ScrubAddressesFilter


def configure_logging(app: Flask) -> None:
    # werkzeug's request log is "ADDRESS - - [date] request-line": silence it whole.
    logging.getLogger("werkzeug").setLevel(logging.CRITICAL)
    scrub = ScrubAddressesFilter()
    for logger in (logging.getLogger(), app.logger, logging.getLogger("gunicorn.error")):
        logger.addFilter(scrub)
        for handler in logger.handlers:
            handler.addFilter(scrub)
    app.logger.setLevel(logging.INFO)
