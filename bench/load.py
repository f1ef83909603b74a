"""`make load`: signed-in people browsing and applying at once, against production gunicorn
on PostgreSQL with the bench's data (50,000 jobs by default), over loopback.

--users people browse (job list pages, filters, searches in inflected Finnish, job pages,
their own page), each waiting --think seconds on average between pages as a person reads;
--appliers people apply with a cover letter and a CV, one job after another. Afterwards it
checks that no request failed with 5xx and that every acknowledged application is stored
exactly once, and reports each kind of page's p50 and p95 (bench/results/load-<jobs>.md).
"""

import argparse
import json
import random
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as bench  # noqa: E402 - bench/run.py, beside this file

ROOT = bench.ROOT
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
WORDS = ["kokki", "kokiksi", "hoitajaa", "kesätöitä", "metsässä", "siivoojan", "myyjäksi",
         "kuljettajaksi", "tarjoilijoita", "Sysmässä", "Hartolasta", "lähihoitajan"]  # fmt: skip
CSRF = uuid.uuid4().hex


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=50_000)
    parser.add_argument("--employers", type=int, default=2_000)
    parser.add_argument("--database", default="nelinvoimaa_bench")
    parser.add_argument("--users", type=int, default=100, help="people browsing")
    parser.add_argument("--appliers", type=int, default=10, help="people applying")
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--think", type=float, default=2.0, help="mean seconds between pages")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--fresh", action="store_true", help="drop and re-seed the database")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/1")
    return parser.parse_args()


PEOPLE_CODE = """
import json
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from applications.models import Application
from jobs.models import Job
from nelinvoimaa.factories import make_user
from nelinvoimaa.models import User

def session_of(user):
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return session.session_key

people = []
for n in range(COUNT):
    email = f"load{n}@example.com"
    user = User.objects.filter(email=email).first() or make_user(email)
    people.append({"id": user.pk, "session": session_of(user)})
Application.objects.filter(applicant__email__startswith="load").delete()
jobs = list(Job.objects.open().filter(apply_method="here").values_list("pk", flat=True)[:5000])
urls = [job.get_absolute_url() for job in Job.objects.open().order_by("?")[:500]]
filters = list(Job.objects.open().values_list("municipality_id", "sector_id").distinct()[:50])
print(json.dumps({"people": people, "apply_to": jobs, "job_urls": urls, "filters": filters,
                  "cookie": settings.SESSION_COOKIE_NAME, "csrf": settings.CSRF_COOKIE_NAME}))
"""

COUNT_CODE = """
from applications.models import Application
from django.db.models import Count
rows = Application.objects.filter(applicant__email__startswith="load")
print(rows.count(), rows.values("applicant", "job").annotate(n=Count("id")).filter(n__gt=1).count())
"""


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples = {}

    def add(self, kind, status, seconds):
        with self.lock:
            self.samples.setdefault(kind, []).append((status, seconds))


def request(base, path, cookie, data=None, content_type=None):
    headers = {"Cookie": cookie}
    if content_type:
        headers["Content-Type"] = content_type
    req = urllib.request.Request(base + path, data=data, headers=headers)  # noqa: S310
    started = time.monotonic()
    try:
        with OPENER.open(req, timeout=60) as response:
            response.read()
            status, location = response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        status, location = error.code, error.headers.get("Location", "")
    except OSError:
        status, location = 0, ""
    return status, location, time.monotonic() - started


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def browse(base, cookie, data, until, think, recorder, rng):
    while time.monotonic() < until:
        kind = rng.choice(["job list", "job list", "filters", "search", "job page", "job page",
                           "dashboard"])  # fmt: skip
        if kind == "job list":
            path = f"/fi/jobs/?page={rng.randint(1, 20)}"
        elif kind == "filters":
            municipality, sector = rng.choice(data["filters"])
            path = f"/fi/jobs/?municipality={municipality or ''}&sector={sector or ''}"
        elif kind == "search":
            word = urllib.parse.quote(rng.choice(WORDS))
            path = f"/fi/jobs/?q={word}&sort=relevance&page={rng.randint(1, 2)}"
        elif kind == "job page":
            path = rng.choice(data["job_urls"])
        else:
            path = "/fi/dashboard/"
        status, _location, seconds = request(base, path, cookie)
        recorder.add(kind, status, seconds)
        time.sleep(rng.uniform(0, 2 * think))


def multipart(fields, cv):
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="cv_file"; filename="cv.pdf"\r\n'
        f"Content-Type: application/pdf\r\n\r\n".encode()
        + cv
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def apply(base, cookie, jobs, until, think, recorder, acknowledged, rng):
    while time.monotonic() < until and jobs:
        job = jobs.pop()
        status, _location, seconds = request(base, f"/fi/jobs/{job}/apply/", cookie)
        recorder.add("apply form", status, seconds)
        body, content_type = multipart(
            {
                "csrfmiddlewaretoken": CSRF,
                "cover_letter": "Olen kiinnostunut tehtävästä ja voin aloittaa heti.",
                "phone": "040 123 4567",
                "availability": "heti",
                "consent": "on",
            },
            PDF,
        )
        status, location, seconds = request(
            base, f"/fi/jobs/{job}/apply/", cookie, body, content_type
        )
        recorder.add("apply (send)", status, seconds)
        if status == 302 and location.endswith("/fi/dashboard/"):
            acknowledged.append(job)
        time.sleep(rng.uniform(0, 2 * think))


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main():
    args = parse_args()
    env = bench.environment(argparse.Namespace(**vars(args)))
    bench.prepare_database(argparse.Namespace(**vars(args)), env)  # seeds only when needed
    code = PEOPLE_CODE.replace("COUNT", str(args.users + args.appliers))
    out = bench.manage(env, "shell", "-v0", "-c", code, capture_output=True, text=True).stdout
    data = json.loads(out.strip().splitlines()[-1])
    cookies = [
        f"{data['cookie']}={person['session']}; {data['csrf']}={CSRF}" for person in data["people"]
    ]
    server = bench.subprocess.Popen(
        [str(bench.BIN / "gunicorn"), "--config", "gunicorn.conf.py", "nelinvoimaa.wsgi"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{args.port}"
    recorder, acknowledged = Recorder(), []
    try:
        bench.wait_until_up(base + "/healthz")
        until = time.monotonic() + args.duration
        jobs = data["apply_to"][:]
        random.Random(1).shuffle(jobs)
        share = len(jobs) // max(args.appliers, 1)
        threads = [
            threading.Thread(
                target=browse,
                args=(base, cookies[n], data, until, args.think, recorder, random.Random(n)),
            )
            for n in range(args.users)
        ] + [
            threading.Thread(
                target=apply,
                args=(
                    base,
                    cookies[args.users + n],
                    jobs[n * share : (n + 1) * share],
                    until,
                    args.think,
                    recorder,
                    acknowledged,
                    random.Random(1000 + n),
                ),
            )
            for n in range(args.appliers)
        ]
        for thread in threads:
            thread.start()
            time.sleep(args.think / max(len(threads), 1))  # people arrive over one think time
        for thread in threads:
            thread.join()
    finally:
        bench.os.killpg(server.pid, bench.signal.SIGTERM)
        server.wait(timeout=30)

    out = bench.manage(env, "shell", "-v0", "-c", COUNT_CODE, capture_output=True, text=True)
    stored, duplicated = (int(n) for n in out.stdout.split()[-2:])
    lines = [
        "| page | requests | p50 ms | p95 ms | 5xx | failed connections |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    server_errors = 0
    for kind, samples in sorted(recorder.samples.items()):
        times = [seconds * 1000 for _status, seconds in samples]
        errors = sum(1 for status, _seconds in samples if status >= 500)
        failed = sum(1 for status, _seconds in samples if status == 0)
        server_errors += errors + failed
        lines.append(
            f"| {kind} | {len(samples)} | {statistics.median(times):.0f} | "
            f"{percentile(times, 0.95):.0f} | {errors} | {failed} |"
        )
    total = sum(len(samples) for samples in recorder.samples.values())
    summary = (
        f"{args.jobs} jobs; {args.users} people browsing (a page every {args.think:.0f} s on "
        f"average) and {args.appliers} applying, for {args.duration} s; gunicorn "
        f"{args.workers} workers; {bench.database_server(args)}; {total} requests "
        f"({total / args.duration:.0f}/s). Applications acknowledged {len(acknowledged)}, "
        f"stored {stored}, stored twice {duplicated}."
    )
    table = "\n".join(lines)
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / f"load-{args.jobs}.md").write_text(f"{summary}\n\n{table}\n")
    print(f"\n{summary}\n\n{table}")
    if server_errors or duplicated or stored != len(acknowledged):
        raise SystemExit("FAILED: server errors, lost or duplicated applications")


if __name__ == "__main__":
    main()
