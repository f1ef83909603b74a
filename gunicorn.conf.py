"""gunicorn settings for production; each can be overridden from the environment."""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Sync workers measured fastest here (bench/); GUNICORN_WORKER_CLASS=gthread with
# GUNICORN_THREADS keeps connections alive if a proxy in front does not.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound, but rarely: a fresh
# worker starts with an empty page cache. The app is loaded once, before forking.
max_requests = 100_000
max_requests_jitter = 10_000
preload_app = True
# Access log to stdout; GUNICORN_ACCESS_LOG=off turns it off (e.g. for benchmarks).
accesslog = None if os.environ.get("GUNICORN_ACCESS_LOG") == "off" else "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No control socket: the container's home is read-only.
control_socket_disable = True
