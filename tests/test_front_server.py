"""The repository's own front-server configuration (deploy/nginx/nelinvoimaa.conf.template)
in front of gunicorn with the production settings, on this machine: the topology of compose,
proved without Docker. Needs nginx (`apt-get install nginx-light`; CI installs it) and
PostgreSQL (gunicorn and the test share the test database)."""

import os
import shutil
import subprocess
from pathlib import Path
from string import Template

import pytest
from django.core.files.base import ContentFile

from tests.conftest import PDF, make_application, make_employer, make_job, make_user
from tests.servers import (
    collectstatic,
    create_cache_table,
    fetch,
    free_port,
    production_env,
    signed_in,
    start_gunicorn,
    stop,
    wait_until_up,
)

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx" / "nelinvoimaa.conf.template"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)

pytestmark = pytest.mark.postgresql


@pytest.fixture
def site(seeded_transactional_db, settings, tmp_path):
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    if not nginx:
        pytest.skip("nginx not found (apt-get install nginx-light)")
    settings.MEDIA_ROOT = tmp_path / "media"
    # One key for both processes: the test signs in users whose sessions gunicorn reads.
    settings.SECRET_KEY = "front-server-test-" + "x" * 50
    create_cache_table()
    web_port, front_port = free_port(), free_port()
    env = production_env(settings, port=web_port, CV_X_ACCEL_PREFIX="/protected-cvs/")
    collectstatic(env)
    web = start_gunicorn(env)
    server = Template(TEMPLATE.read_text()).safe_substitute(
        NELINVOIMAA_LISTEN=f"127.0.0.1:{front_port}",
        NELINVOIMAA_UPSTREAM=f"127.0.0.1:{web_port}",
        NELINVOIMAA_MEDIA_ROOT=settings.MEDIA_ROOT,
        NELINVOIMAA_PRIVATE_MEDIA_ROOT=settings.PRIVATE_MEDIA_ROOT,
    )
    assert "${NELINVOIMAA" not in server
    temp = tmp_path / "nginx"
    temp.mkdir()
    user = "user root;" if os.geteuid() == 0 else ""  # workers must read the test's files
    (temp / "nginx.conf").write_text(
        f"""{user}
daemon off;
pid {temp}/nginx.pid;
error_log {temp}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{server}
}}
"""
    )
    front = subprocess.Popen(  # noqa: S603
        [nginx, "-p", str(temp), "-c", str(temp / "nginx.conf")], start_new_session=True
    )
    base = f"http://127.0.0.1:{front_port}"
    try:
        wait_until_up(f"http://127.0.0.1:{web_port}/healthz")
        wait_until_up(f"{base}/healthz")
        yield base
    finally:
        stop(front)
        stop(web)


def test_media_cvs_and_the_size_limit_through_the_front_server(site):
    owner = make_user("omistaja@example.com")
    employer = make_employer("Rantalomat", owner, "781")
    employer.logo.save("logo.png", ContentFile(PNG))
    applicant = make_user("hakija@example.com")
    application = make_application(make_job(employer, status="published"), applicant, cv=True)

    status, headers, body = fetch(f"{site}/media/{employer.logo.name}")
    assert (status, body) == (200, PNG) and headers["Server"].startswith("nginx")

    cv_url = f"{site}/fi/jobs/applications/{application.pk}/cv/"
    status, headers, body = fetch(cv_url, cookie=signed_in(applicant))
    assert (status, body) == (200, PDF)  # sent by nginx after Django's check
    assert "X-Accel-Redirect" not in headers and "attachment" in headers["Content-Disposition"]
    assert "no-store" in headers["Cache-Control"]

    stranger = make_user("vieras@example.com")
    assert fetch(cv_url, cookie=signed_in(stranger))[0] == 404
    assert fetch(cv_url)[0] == 302  # to sign in
    assert fetch(f"{site}/protected-cvs/{application.cv.name}")[0] == 404  # internal only

    too_large = b"x" * (7 * 1024 * 1024)
    assert fetch(f"{site}/fi/jobs/{application.job.pk}/apply/", data=too_large)[0] == 413
