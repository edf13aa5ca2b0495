"""WSGI entry point for gunicorn: ``gunicorn service.wsgi:app`` (configured from MISQUOTE_*)."""

from service.app import create_app
from workers.logs import configure_json_logging

configure_json_logging()
app = create_app()
