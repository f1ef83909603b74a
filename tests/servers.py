"""Real servers for the tests that try the site from outside: gunicorn with the production
settings on the test database, a switch that cuts PostgreSQL away from it, and a small HTTP
client (urllib) that signs in as Django does."""

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"nothing answered at {url}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the redirect itself is the answer


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url, *, cookie=None, data=None, headers=None, timeout=10):
    """(status, headers, body) of a request; a connection that fails is status 0."""
    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
    except OSError:
        return 0, {}, b""


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def signed_in(user):
    """The cookies of `user` signed in as Django signs in (in the shared database), with a
    CSRF cookie whose value a form then sends back (csrf_field)."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={CSRF_SECRET}"


# Django accepts the unmasked secret of the CSRF cookie as the form's token.
CSRF_SECRET = secrets.token_hex(16)


def multipart(fields, files=()):
    """A multipart/form-data body and its content type; `files` are (name, filename, bytes)."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in {"csrfmiddlewaretoken": CSRF_SECRET, **fields}.items():
        disposition = f'Content-Disposition: form-data; name="{name}"'
        parts.append(f"--{boundary}\r\n{disposition}\r\n\r\n{value}\r\n".encode())
    for name, filename, content in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def production_env(settings, *, port, database_port=None, workers=1, **extra):
    """The environment of a production gunicorn on the test database (through
    `database_port`, e.g. a DatabaseSwitch, when given)."""
    database = connection.settings_dict
    return (
        os.environ
        | {
            "DJANGO_ENV": "production",
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database_port or database['PORT'] or 5432}/{database['NAME']}",
            "DJANGO_SECURE_SSL_REDIRECT": "false",  # plain HTTP over loopback
            "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "DJANGO_PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
            "REDIS_URL": "",
            "PORT": str(port),
            "WEB_CONCURRENCY": str(workers),
            "GUNICORN_ACCESS_LOG": "off",
            "LOG_LEVEL": "WARNING",
        }
        | {key: str(value) for key, value in extra.items()}
    )


def create_cache_table():
    """The table of the database cache that production gunicorn uses without Redis. The tests'
    own cache is local memory, for which createcachetable makes nothing."""
    database_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
        }
    }
    with override_settings(CACHES=database_cache):
        call_command("createcachetable")


def collectstatic(env):
    """Production pages (a 404 too) name the hashed static files of collectstatic's manifest."""
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def start_gunicorn(env, *args):
    gunicorn = Path(sys.executable).parent / "gunicorn"
    return subprocess.Popen(  # noqa: S603
        [str(gunicorn), "--config", "gunicorn.conf.py", *args, "nelinvoimaa.wsgi"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )


def shut(sock):
    with contextlib.suppress(OSError):  # already closed by the other side
        sock.shutdown(socket.SHUT_RDWR)


class DatabaseSwitch:
    """A TCP relay between gunicorn and PostgreSQL that can be cut: `cut()` drops every
    connection and refuses new ones, as a stopped server does, without stopping the server
    the test itself (and anyone else on the machine) uses; `restore()` lets them through."""

    def __init__(self, upstream_port):
        self.upstream = ("127.0.0.1", upstream_port)
        self.port = free_port()
        self.lock = threading.Lock()
        self.sockets = set()
        self.listener = None

    def restore(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self):
        with self.lock:
            listener, self.listener = self.listener, None
            listener.close()
            for sock in self.sockets:
                shut(sock)
                sock.close()
            self.sockets.clear()

    def close(self):
        if self.listener:
            self.cut()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # cut
            try:
                server = socket.create_connection(self.upstream)
            except OSError:
                client.close()
                continue
            with self.lock:
                if self.listener is not listener:
                    client.close()
                    server.close()
                    return
                self.sockets |= {client, server}
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            shut(source)
            shut(target)
