"""gunicorn settings for production; each can be overridden from the environment."""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Sync workers measured fastest here (bench/); GUNICORN_WORKER_CLASS=gthread with
# GUNICORN_THREADS keeps connections alive if a proxy in front does not. gunicorn quietly
# runs a "sync" worker with more than one thread as gthread, so a sync worker has one.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "4" if worker_class == "gthread" else "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# No worker recycling unless asked (GUNICORN_MAX_REQUESTS), as in gunicorn's default: a fresh
# worker starts with an empty page cache. The app is loaded once, before forking.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
preload_app = True
# Access log to stdout; GUNICORN_ACCESS_LOG=off turns it off (e.g. for benchmarks).
accesslog = None if os.environ.get("GUNICORN_ACCESS_LOG") == "off" else "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No control socket: the container's home is read-only.
control_socket_disable = True
