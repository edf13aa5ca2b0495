FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY checking checking
COPY service service
COPY workers workers
COPY schemas schemas
COPY store store
COPY cli cli
RUN pip install --no-cache-dir . flower
ENV MISQUOTE_HOME=/data
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "2", "service.wsgi:app"]
