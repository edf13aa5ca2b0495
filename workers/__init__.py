"""Celery adapter: thin tasks over the checking core (see ``workers.app``)."""
