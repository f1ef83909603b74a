"""The site tried from outside while things fail: production gunicorn (two sync workers, the
production settings) on the test database, reached through a switch that cuts PostgreSQL away
as a stopped server would (tests/servers.py: the server itself keeps running, for the test and
anyone else on the machine). OUTAGE_SECONDS (default 8) sets how long the outage lasts; try 40.
"""

import os
import random
import signal
import subprocess
import threading
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from applications.factories import PDF
from applications.models import Application, delete_orphan_cvs
from tests.conftest import make_employer, make_job, make_user
from tests.servers import (
    DatabaseSwitch,
    collectstatic,
    create_cache_table,
    fetch,
    free_port,
    multipart,
    production_env,
    signed_in,
    start_gunicorn,
    stop,
    wait_until_up,
)

pytestmark = pytest.mark.postgresql

OUTAGE = float(os.environ.get("OUTAGE_SECONDS", "8"))
# What a user (or a load balancer's probe) may wait for an answer during an outage: the pool's
# two seconds and the page itself.
QUICK = 2.5


class Site:
    def __init__(self, base, switch, web):
        self.base, self.switch, self.web = base, switch, web

    def get(self, path, **kwargs):
        started = time.monotonic()
        status, headers, body = fetch(self.base + path, **kwargs)
        return status, body, time.monotonic() - started

    def workers(self):
        found = subprocess.run(
            ["pgrep", "-P", str(self.web.pid)], capture_output=True, text=True, check=False
        )
        return [int(pid) for pid in found.stdout.split()]


@pytest.fixture
def site(seeded_transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # One key for both processes: the test signs in users whose sessions gunicorn reads.
    settings.SECRET_KEY = "outage-test-" + "x" * 50
    create_cache_table()
    switch = DatabaseSwitch(int(connection.settings_dict["PORT"] or 5432))
    switch.restore()
    port = free_port()
    env = production_env(settings, port=port, database_port=switch.port, workers=2)
    collectstatic(env)
    web = start_gunicorn(env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/readyz")
        yield Site(base, switch, web)
    finally:
        stop(web)
        switch.close()


@pytest.fixture
def people(db):
    owner = make_user("omistaja@example.com")
    employer = make_employer("Rantalomat", owner, "781", verified=True)
    jobs = [make_job(employer, title=f"Kesätyö {n}", status="published") for n in range(24)]
    applicants = [make_user(f"hakija{n}@example.com") for n in range(4)]
    return jobs, applicants


def test_an_outage_answers_503_at_once_and_pages_return_within_three_seconds(site, people):
    jobs, (user, *_rest) = people
    cookie = signed_in(user)
    pages = ["/fi/dashboard/", jobs[0].get_absolute_url()]
    for path in pages:
        assert site.get(path, cookie=cookie)[0] == 200

    site.switch.cut()
    ends = time.monotonic() + OUTAGE
    rounds = 0
    while time.monotonic() < ends or rounds < 2:
        for path in pages:
            status, body, took = site.get(path, cookie=cookie)
            assert (status, took < QUICK) == (503, True), (path, status, took)
            assert "Nelinvoimaa" in body.decode()  # the site's own page, not a bare error
        status, _body, took = site.get("/readyz")
        assert (status, took < QUICK) == (503, True), ("/readyz", status, took)
        # /healthz answers at once even while a database request waits in the other worker.
        waiting = threading.Thread(target=site.get, args=(pages[0],), kwargs={"cookie": cookie})
        waiting.start()
        time.sleep(0.2)
        status, _body, took = site.get("/healthz")
        assert (status, took < 0.5) == (200, True), ("/healthz", status, took)
        waiting.join()
        rounds += 1

    site.switch.restore()
    returned = time.monotonic()
    # Back when every page answers, in both workers (consecutive answers reach both).
    served = 0
    while served < 6:
        status = site.get(pages[served % 2], cookie=cookie)[0]
        served = served + 1 if status == 200 else 0
        assert time.monotonic() - returned < 3, f"still {status} after 3 s"
        time.sleep(0.05 if status == 200 else 0.1)
    assert site.get("/readyz")[0] == 200


def apply(site, cookie, job):
    body, content_type = multipart(
        {
            "cover_letter": "Olen kokenut ja innostunut.",
            "phone": "040 123 4567",
            "availability": "heti",
            "consent": "on",
        },
        [("cv_file", "cv.pdf", PDF)],
    )
    status, headers, _body = fetch(
        f"{site.base}/fi/jobs/{job.pk}/apply/",
        cookie=cookie,
        data=body,
        headers={"Content-Type": content_type},
    )
    # Sent (or sent before): to the dashboard; anything else is not an acknowledgement.
    return status == 302 and headers.get("Location", "").endswith("/fi/dashboard/")


def every_application_once_with_its_cv(settings, applicants, jobs):
    rows = list(Application.objects.filter(applicant__in=applicants))
    pairs = [(row.applicant_id, row.job_id) for row in rows]
    assert len(pairs) == len(set(pairs))
    assert set(pairs) == {(user.pk, job.pk) for user in applicants for job in jobs}
    for row in rows:
        assert (settings.PRIVATE_MEDIA_ROOT / row.cv.name).read_bytes() == PDF


def test_applications_sent_during_an_outage_are_stored_once_with_their_cv(site, people, settings):
    jobs, applicants = people
    acknowledged, unanswered = [], []

    def applicant(user, cookie):
        for job in jobs:
            (acknowledged if apply(site, cookie, job) else unanswered).append((user, job))
            time.sleep(0.05)

    threads = [
        threading.Thread(target=applicant, args=(user, signed_in(user))) for user in applicants
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    site.switch.cut()
    time.sleep(min(OUTAGE, 4))
    site.switch.restore()
    for thread in threads:
        thread.join()
    assert acknowledged and unanswered, "the outage fell outside the applying"

    for user, job in acknowledged:
        assert Application.objects.filter(applicant=user, job=job).count() == 1
    # Those told that it failed try again: each application ends up stored exactly once.
    for user, job in unanswered:
        assert apply(site, signed_in(user), job)
    every_application_once_with_its_cv(settings, applicants, jobs)


def test_a_worker_killed_while_applying_never_costs_a_stored_cv(site, people, settings):
    jobs, applicants = people
    cookie = signed_in(applicants[0])
    for job in jobs[:12]:
        sending = threading.Thread(target=apply, args=(site, cookie, job))
        sending.start()
        time.sleep(random.uniform(0, 0.04))  # anywhere in the request
        for worker in site.workers():
            os.kill(worker, signal.SIGKILL)
        sending.join()
        wait_until_up(f"{site.base}/readyz")
    for job in jobs[:12]:  # the person tries again where no answer came
        assert apply(site, cookie, job)
    every_application_once_with_its_cv(settings, applicants[:1], jobs[:12])

    # The daily sweep (run a day later) removes only the files no row refers to.
    cvs = settings.PRIVATE_MEDIA_ROOT / "cvs"
    stray = len(list(cvs.iterdir())) - len(jobs[:12])
    assert delete_orphan_cvs(now=timezone.now() + timedelta(days=2)) == stray
    every_application_once_with_its_cv(settings, applicants[:1], jobs[:12])
    assert len(list(cvs.iterdir())) == 12


def test_connections_terminated_between_requests_do_not_fail_the_next(site, people):
    jobs, (user, *_rest) = people
    cookie = signed_in(user)
    for path in ["/fi/dashboard/", jobs[0].get_absolute_url()] * 4:
        assert site.get(path, cookie=cookie)[0] == 200
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchone()[0] >= 2  # each worker's pooled connection
    for path in ["/fi/dashboard/", jobs[0].get_absolute_url()] * 4:
        assert site.get(path, cookie=cookie)[0] == 200


def test_a_graceful_reload_under_load_fails_no_request(site, people):
    jobs, (user, *_rest) = people
    cookie = signed_in(user)
    statuses = []
    until = time.monotonic() + 4

    def browse():
        while time.monotonic() < until:
            statuses.append(site.get(jobs[0].get_absolute_url(), cookie=cookie)[0])

    threads = [threading.Thread(target=browse) for _ in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(1)
    os.kill(site.web.pid, signal.SIGHUP)
    for thread in threads:
        thread.join()
    assert len(statuses) > 20 and set(statuses) == {200}
