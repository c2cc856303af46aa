"""gunicorn settings for `make serve`: no access log, no client addresses in logs."""

import multiprocessing
import os

from gunicorn.glogging import Logger

bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
accesslog = None
control_socket_disable = True  # no control socket left in the home directory
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "warning")

# Request limits, stated rather than inherited: a longer request line gets
# gunicorn's own 414, too many or too long headers its 431, a short page naming
# the limit and no stack (behind nginx, deploy/nginx-heard.conf adds Heard's
# headers to them). Heard's longest URLs (a report range, a next= path) are far
# shorter; a browser's headers with Heard's one cookie are about 1 KB.
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190

# Sessions and rate-limit counters live in Redis when it is configured; without
# it they are in process memory, so there must be exactly one process.
if os.environ.get("REDIS_URL"):
    workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
    threads = 1
else:
    workers = 1
    threads = int(os.environ.get("WEB_THREADS", multiprocessing.cpu_count() * 4))


class ScrubbedLogger(Logger):
    """gunicorn logs "Invalid request from ip=..."; remove addresses everywhere."""

    def setup(self, cfg):
        super().setup(cfg)
        from webapp.privacy import ScrubAddressesFilter

        scrub = ScrubAddressesFilter()
        for handler in (*self.error_log.handlers, *self.access_log.handlers):
            handler.addFilter(scrub)


logger_class = ScrubbedLogger
