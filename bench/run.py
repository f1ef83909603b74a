"""`make bench`: seed PostgreSQL, serve with gunicorn as in production, load it with wrk.

Prints requests per second, p50 and p95 latency for each page and its throughput as a share
of the floor (/healthz, the cheapest Django response) in the same run, and writes them to
bench/results/. Everything runs on this machine over loopback.
"""

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=50_000)
    parser.add_argument("--employers", type=int, default=2_000)
    parser.add_argument(
        "--database",
        default="nelinvoimaa_bench",
        help="PostgreSQL database to (re)use on 127.0.0.1 as user postgres",
    )
    parser.add_argument("--duration", type=int, default=5, help="seconds per page and round")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="measure every page this many times, in turn, and report each page's median run",
    )
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="drop and re-seed the database (by default one holding --jobs jobs is kept)",
    )
    parser.add_argument(
        "--redis",
        default="redis://127.0.0.1:6379/1",
        help="shared cache as in production ('' for the database cache)",
    )
    return parser.parse_args()


def environment(args):
    return os.environ | {
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "bench-" + "x" * 60,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
        "DJANGO_SECURE_SSL_REDIRECT": "false",  # plain HTTP over loopback
        "SITE_URL": f"http://127.0.0.1:{args.port}",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_ACCESS_LOG": "off",
        "REDIS_URL": args.redis,
        "PORT": str(args.port),
        "WEB_CONCURRENCY": str(args.workers),
    }


def run(command, env, **kwargs):
    print("$", " ".join(command), flush=True)
    return subprocess.run(command, cwd=ROOT, env=env, check=True, **kwargs)


def manage(env, *arguments, **kwargs):
    return run([PYTHON, "manage.py", *arguments], env, **kwargs)


def database_server(args):
    """The PostgreSQL version and the setting that decides most whether a large table's
    pages are read from its own buffers."""
    import psycopg

    url = f"postgresql://postgres@127.0.0.1:5432/{args.database}"
    with psycopg.connect(url) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0].split()[0]
        buffers = conn.execute("SHOW shared_buffers").fetchone()[0]
    return f"PostgreSQL {version}, shared_buffers {buffers}"


def prepare_database(args, env):
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [args.database]
        ).fetchone()
        if exists and args.fresh:
            conn.execute(f'DROP DATABASE "{args.database}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{args.database}"')
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "-v0")
    if not args.fresh and has_jobs(env, args.jobs):
        print(f"kept the database's {args.jobs} jobs (--fresh seeds anew)", flush=True)
        return
    started = time.monotonic()
    manage(
        env,
        "seed_demo",
        "--force",
        "--jobs",
        str(args.jobs),
        "--employers",
        str(args.employers),
        stdout=subprocess.DEVNULL,
    )
    print(f"seeded in {time.monotonic() - started:.0f} s", flush=True)
    manage(
        env,
        "shell",
        "-c",
        "from django.db import connection\nconnection.cursor().execute('VACUUM ANALYZE')",
    )


def has_jobs(env, count):
    """Whether the database holds `count` jobs already (seeded by an earlier run)."""
    code = "from jobs.models import Job\nprint(Job.objects.count())"
    out = manage(env, "shell", "-v0", "-c", code, capture_output=True, text=True)
    return int(out.stdout.split()[-1]) == count


# A signed-in session made the way Django makes one at sign-in: the demo jobseeker's.
SESSION_CODE = """
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from nelinvoimaa.models import User
user = User.objects.get(email="tyonhakija@example.com")
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.save()
"""


def sample_paths(env):
    """Real URLs from the seeded data: a job page, three filters that have results, and a
    signed-in user's cookies: the session, and the CSRF cookie a browser keeps once a page
    with a form has set it (without it every request would make and set a new one)."""
    code = (
        "import json, uuid\n"
        "from jobs.models import Job\n"
        "job = Job.objects.open().select_related('employer').order_by('pk').first()\n"
        f"{SESSION_CODE}\n"
        "print(json.dumps({'job': job.get_absolute_url(), 'municipality': job.municipality_id"
        " or 1, 'sector': job.sector_id, 'type': job.employment_type,"
        " 'cookie': f'{settings.SESSION_COOKIE_NAME}={session.session_key}; '"
        " f'{settings.CSRF_COOKIE_NAME}={uuid.uuid4().hex}'}))\n"
    )
    out = manage(env, "shell", "-v0", "-c", code, capture_output=True, text=True).stdout
    data = json.loads(out.strip().splitlines()[-1])
    signed_in = {"headers": [f"Cookie: {data['cookie']}"]}
    return [
        ("floor: /healthz", "/healthz"),
        ("home", "/fi/"),
        ("job list", "/fi/jobs/"),
        (
            "job list, 3 filters",
            f"/fi/jobs/?municipality={data['municipality']}&sector={data['sector']}"
            f"&employment_type={data['type']}",
        ),
        ("search", "/fi/jobs/?q=kokki"),
        ("job page", data["job"]),
        # Each request a new query string: the search as it costs without the page cache.
        ("search, uncached", "/fi/jobs/?q=varied", {"script": "uncached.lua"}),
        # A signed-in user is never served from the page cache.
        ("job list, signed in", "/fi/jobs/", signed_in),
        ("job page, signed in", data["job"], signed_in),
        (
            "search, signed in, uncached",
            "/fi/jobs/?q=varied",
            signed_in | {"script": "uncached.lua"},
        ),
    ]


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer at {url}")


def load(args, url, options=None):
    options = options or {}
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        "--timeout",
        "5s",
        "-s",
        str(ROOT / "bench" / options.get("script", "report.lua")),
    ]
    for header in options.get("headers", []):
        command += ["-H", header]
    command.append(url)
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk (or brew install wrk)")
    env = environment(args)
    prepare_database(args, env)
    paths = sample_paths(env)
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py", "nelinvoimaa.wsgi"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{args.port}"
    results = []
    try:
        wait_until_up(base + "/healthz")
        # Pages in turn, round after round: a passing disturbance on the machine then costs
        # one run of several pages, not every run of one page, and the median drops it.
        runs = {name: [] for name, *_rest in paths}
        warm_up = argparse.Namespace(**{**vars(args), "duration": 2})
        for round_number in range(1, args.rounds + 1):
            for name, path, *script in paths:
                # Also lets the workers finish what the previous page's load left queued, which
                # measurably slowed the next page's first second.
                load(warm_up, base + path, *script)
                result = load(args, base + path, *script)
                runs[name].append(result)
                print(
                    f"round {round_number}  {name:<22} {result['rps']:>8.0f} req/s  "
                    f"p50 {result['p50_ms']:6.2f} ms  p95 {result['p95_ms']:6.2f} ms  "
                    f"errors {result['errors'] + result['non_2xx']}",
                    flush=True,
                )
        for name, path, *_script in paths:
            ordered = sorted(runs[name], key=lambda run: run["rps"])
            median = ordered[len(ordered) // 2]
            results.append(
                {"page": name, "path": path, **median, "rps_runs": [r["rps"] for r in runs[name]]}
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    floor = results[0]["rps"]
    for result in results:
        result["share_of_floor"] = round(result["rps"] / floor, 3)
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}",
        "database": database_server(args),
        "jobs": args.jobs,
        "employers": args.employers,
        "shared_cache": args.redis or "database",
        "connections": args.connections,
        "gunicorn_workers": args.workers,
        "duration_s": args.duration,
        "rounds": args.rounds,
        "results": results,
    }
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / f"latest-{args.jobs}.json").write_text(json.dumps(report, indent=2) + "\n")
    lines = [
        "| page | req/s | share of floor | p50 ms | p95 ms | errors |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    lines += [
        f"| {r['page']} | {r['rps']:.0f} | {r['share_of_floor']:.2f} | {r['p50_ms']:.1f} | "
        f"{r['p95_ms']:.1f} | {r['errors'] + r['non_2xx']} |"
        for r in results
    ]
    table = "\n".join(lines)
    (out_dir / f"latest-{args.jobs}.md").write_text(
        f"{args.jobs} jobs, {args.employers} employers; {report['machine']}; "
        f"{report['database']}; "
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s, median of {args.rounds} "
        "rounds; "
        f"gunicorn {args.workers} workers; shared cache {report['shared_cache']}; "
        f"{report['when']}\n\n{table}\n"
    )
    print("\n" + table)


if __name__ == "__main__":
    main()
