"""Entry point for ``celery -A workers.celery_app worker`` (docker-compose, Flower)."""

from store.config import Settings
from workers.app import make_celery

app = make_celery(Settings.from_env())
