"""The service-user group's view of a themed summary (see routes.py and service.py)."""
