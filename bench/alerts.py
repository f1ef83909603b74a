"""`make bench-alerts`: how long one run of send_job_alerts takes at scale (PostgreSQL).

Seeds `--jobs` open jobs (seed_demo --jobs) and `--alerts` daily alerts of as many people,
whose searches mix words, municipalities, sectors, employment types and months the way people
combine them; `--changed` jobs changed since the last run. It then times the run that sends
(every alert due, the e-mails queued in the database task queue as in production, not sent)
and a second run at once, which must send nothing. Writes bench/results/alerts-<jobs>.md.
"""

import argparse
import os
import random
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["kokki", "hoitaja", "siivooja", "kesätyö", "myyjä", "kuljettaja", "opettaja", "metsä"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=50_000)
    parser.add_argument("--alerts", type=int, default=10_000)
    parser.add_argument("--changed", type=int, default=500, help="jobs changed since the last run")
    parser.add_argument("--database", default="nelinvoimaa_alerts_bench")
    parser.add_argument("--fresh", action="store_true", help="drop and re-seed the database")
    return parser.parse_args()


def prepare(args):
    env = os.environ | {
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
        "TASKS_BACKEND": "database",
    }
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c"]
    if args.fresh:
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {args.database}"], check=True)
    exists = subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname = '{args.database}'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run([*psql, f"CREATE DATABASE {args.database}"], check=True)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [*manage, "seed_demo", "--jobs", str(args.jobs)],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    os.environ.update(env)


def seed_alerts(args, now):
    from django.contrib.auth.hashers import make_password
    from django.http import QueryDict

    from jobs.models import EmploymentType, Job
    from jobseekers.models import Alert, AlertSentJob, alert_query
    from nelinvoimaa.models import Municipality, Sector, User

    rng = random.Random(args.alerts)
    AlertSentJob.objects.all().delete()
    Alert.objects.all().delete()
    User.objects.filter(email__endswith="@alerts.bench").delete()
    users = User.objects.bulk_create(
        User(
            email=f"u{n}@alerts.bench",
            password=make_password(None),
            language=rng.choice(["fi", "fi", "fi", "sv", "en"]),
        )
        for n in range(args.alerts)
    )
    municipalities = [str(pk) for pk in Municipality.objects.values_list("pk", flat=True)]
    sectors = [str(pk) for pk in Sector.objects.values_list("pk", flat=True)]
    alerts = []
    for user in users:
        query = QueryDict(mutable=True)
        if rng.random() < 0.5:
            query["q"] = rng.choice(WORDS)
        if rng.random() < 0.7:
            query.setlist("municipality", rng.sample(municipalities, rng.randint(1, 2)))
        if rng.random() < 0.5:
            query.setlist("sector", [rng.choice(sectors)])
        if rng.random() < 0.3:
            query.setlist("employment_type", [rng.choice(EmploymentType.values)])
        if rng.random() < 0.2:
            query.setlist("month", [str(rng.randint(6, 8))])
        alerts.append(
            Alert(
                user=user,
                query=alert_query(query),
                frequency=Alert.Frequency.DAILY,
                checked_until=now - timedelta(days=1),
                last_sent_at=now - timedelta(days=1),
            )
        )
    Alert.objects.bulk_create(alerts, batch_size=2000)
    # Every job last changed two days ago; `--changed` of them an hour ago (new or edited).
    Job.objects.update(updated_at=now - timedelta(days=2))
    ids = list(Job.objects.open().values_list("pk", flat=True))
    changed = rng.sample(ids, min(args.changed, len(ids)))
    Job.objects.filter(pk__in=changed).update(updated_at=now - timedelta(hours=1))
    return len({alert.query for alert in alerts})


def main():
    args = parse_args()
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    prepare(args)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nelinvoimaa.settings")
    import django

    django.setup()
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    from jobs.models import Job
    from jobseekers.alerts import send_due_alerts

    now = datetime.now(UTC)
    distinct = seed_alerts(args, now)
    DBTaskResult.objects.all().delete()
    jobs = Job.objects.open().count()
    rows = []
    for label in ("first run (sends)", "second run at once (nothing to send)"):
        started = time.monotonic()
        queued = send_due_alerts(now + timedelta(minutes=5) if "first" in label else None)
        rows.append((label, time.monotonic() - started, queued))
    assert DBTaskResult.objects.count() == rows[0][2], "each e-mail queued once"
    lines = [
        f"# send_job_alerts: {args.alerts:,} alerts over {jobs:,} open jobs",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, PostgreSQL {connection.pg_version // 10000}, "
        f"{os.cpu_count()} cores. {distinct:,} distinct searches; {args.changed} jobs changed "
        "since the last run; every alert due (daily). E-mails are queued (django-tasks-db), "
        "not sent.",
        "",
        "| run | seconds | e-mails queued |",
        "| --- | --- | --- |",
        *[f"| {label} | {seconds:.1f} | {queued:,} |" for label, seconds, queued in rows],
        "",
    ]
    out = ROOT / "bench" / "results" / f"alerts-{args.jobs}.md"
    out.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
