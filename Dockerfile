# syntax=docker/dockerfile:1
# Build: docker build -t nelinvoimaa .   Run: see compose.yaml and the README.

FROM python:3.13-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
RUN python -m venv /venv
COPY pyproject.toml README.md ./
COPY nelinvoimaa ./nelinvoimaa
# Install the dependencies only; the code runs from /app.
RUN /venv/bin/pip install . && /venv/bin/pip uninstall --yes nelinvoimaa
COPY . .
# Translations and hashed, compressed static files are built into the image.
RUN for dir in */locale; do /venv/bin/pybabel compile -D django -d "$dir"; done \
 && DJANGO_ENV=production DJANGO_SECRET_KEY=build-only-$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=') \
    DJANGO_ALLOWED_HOSTS=build DATABASE_URL=postgres://build/build \
    /venv/bin/python manage.py collectstatic --noinput

FROM python:3.13-slim
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 PATH=/venv/bin:$PATH DJANGO_ENV=production
# The only writable places: uploaded public files and, apart from them, the CVs. The CVs'
# group is 101, the nginx image's, so the front server can send a CV the checked view allows
# (X-Accel-Redirect); the setgid bit gives every new file and folder that group.
RUN (getent group 101 || groupadd --system --gid 101 front) \
 && useradd --system --uid 10001 --gid 101 --home-dir /app --no-create-home nelinvoimaa \
 && mkdir -p /data/media /data/private-media \
 && chown nelinvoimaa /data/media && chown nelinvoimaa:101 /data/private-media \
 && chmod 2750 /data/private-media
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build /app /app
USER nelinvoimaa
ENV DJANGO_MEDIA_ROOT=/data/media DJANGO_PRIVATE_MEDIA_ROOT=/data/private-media
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["gunicorn", "--config", "gunicorn.conf.py", "nelinvoimaa.wsgi"]
