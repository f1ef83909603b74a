"""Demo data for local use: users for each role, printed with their passwords.

Safe to run any number of times: what exists is kept, what is missing is added. Refuses to run
in production, where these well-known passwords would be a hole.
"""

import calendar
import random
from datetime import date, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from employers.business_id import check_digit
from employers.models import Employer, Membership, Role
from jobs.models import (
    Action,
    Application,
    ApplicationEvent,
    Job,
    JobEvent,
    Status,
    work_months_mask,
)
from jobs.search import refresh_search_vectors
from nelinvoimaa import demo_data
from nelinvoimaa.models import Municipality, Sector, User
from nelinvoimaa.page_cache import invalidate as invalidate_public_pages
from nelinvoimaa.staff import STAFF_GROUP

# (e-mail, password, name, language, role, municipality codes)
DEMO_USERS = [
    ("admin@example.com", "demo-admin-2026", "Pääkäyttäjä Demo", "fi", "superuser", []),
    (
        "tarkastaja.sysma@example.com",
        "demo-sysma-2026",
        "Sanna Sysmäläinen",
        "fi",
        "staff",
        ["781"],
    ),
    (
        "tarkastaja.hartola@example.com",
        "demo-hartola-2026",
        "Heikki Hartolalainen",
        "fi",
        "staff",
        ["081"],
    ),
    ("tyonantaja@example.com", "demo-employer-2026", "Elina Yrittäjä", "fi", "employer", []),
    ("rekrytoija@example.com", "demo-recruiter-2026", "Risto Rekrytoija", "fi", "employer", []),
    ("tyonhakija@example.com", "demo-jobseeker-2026", "Jonna Työnhakija", "fi", "jobseeker", []),
    (
        "monipaikkainen@example.com",
        "demo-secondhome-2026",
        "Mikael Mökkiläinen",
        "sv",
        "jobseeker",
        [],
    ),
]


class Command(BaseCommand):
    help = "Fill the database with demo data for local use (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even when DJANGO_ENV=production."
        )
        parser.add_argument(
            "--jobs", type=int, default=150, help="How many jobs there should be in all."
        )
        parser.add_argument(
            "--employers",
            type=int,
            default=len(demo_data.EMPLOYERS),
            help="How many employers there should be in all.",
        )

    def handle(self, *args, force=False, jobs=150, employers=30, **options):
        if settings.PRODUCTION and not force:
            raise CommandError("Refusing to load demo data with known passwords in production.")
        with transaction.atomic():
            created = self.seed_users()
            new_employers = self.seed_employers(employers)
            new_jobs = self.seed_jobs(jobs)
            self.seed_applications()
        invalidate_public_pages()  # bulk inserts send no signals
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready ({created} new users, {new_employers} new employers, "
                f"{new_jobs} new jobs). Sign in at /fi/accounts/login/ with:"
            )
        )
        for email, password, _name, _language, role, _codes in DEMO_USERS:
            self.stdout.write(f"  {role:<10} {email:<34} {password}")

    def seed_users(self):
        staff_group, _ = Group.objects.get_or_create(name=STAFF_GROUP)
        created = 0
        for email, password, name, language, role, codes in DEMO_USERS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email,
                    password,
                    full_name=name,
                    language=language,
                    is_staff=role in {"staff", "superuser"},
                    is_superuser=role == "superuser",
                )
                created += 1
                if role == "staff":
                    user.groups.add(staff_group)
                    user.municipalities.set(Municipality.objects.filter(code__in=codes))
            # Verified, so the demo users can sign in without the e-mail step.
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        return created

    def seed_employers(self, total):
        if Employer.objects.count() >= total:
            return 0
        municipalities = {m.code: m for m in Municipality.objects.all()}
        sectors = {s.slug: s for s in Sector.objects.all()}
        users = {
            u.email: u
            for u in User.objects.filter(
                email__in=["tyonantaja@example.com", "rekrytoija@example.com"]
            )
        }
        created = 0
        for n in range(Employer.objects.count(), total):
            base = demo_data.EMPLOYERS[n % len(demo_data.EMPLOYERS)]
            name, kind, code, sector_slugs, verified, description, why = base
            if n >= len(demo_data.EMPLOYERS):
                name = f"{name} {n // len(demo_data.EMPLOYERS) + 1}"
            employer = Employer.objects.create(
                name=name,
                kind=kind,
                municipality=municipalities[code],
                business_id="" if kind == "household" else business_id(n),
                description=description,
                why_work_here=why,
                contact_email=f"info{n}@example.com",
                verified_at=timezone.now() if verified else None,
            )
            employer.sectors.set([sectors[slug] for slug in sector_slugs])
            owner = users.get("tyonantaja@example.com") if n in (0, 2) else None
            if owner is None:
                owner = User.objects.create_user(
                    f"omistaja{n}@example.com", None, full_name=f"{name} – omistaja"
                )
            Membership.objects.create(employer=employer, user=owner, role=Role.OWNER)
            if n == 0 and "rekrytoija@example.com" in users:
                Membership.objects.create(
                    employer=employer, user=users["rekrytoija@example.com"], role=Role.RECRUITER
                )
            created += 1
        return created

    def seed_applications(self):
        """The demo jobseeker has applied for a few of the demo employer's open jobs."""
        jobseeker = User.objects.filter(email="tyonhakija@example.com").first()
        if jobseeker is None or Application.objects.filter(applicant=jobseeker).exists():
            return
        jobs = Job.objects.open().filter(
            employer__memberships__user__email="tyonantaja@example.com", apply_method="here"
        )[:3]
        for job, status in zip(jobs, ["received", "in_review", "interview"], strict=False):
            application = Application.objects.create(
                job=job,
                applicant=jobseeker,
                status=status,
                phone="040 123 4567",
                cover_letter="Hei! Olen tehnyt kausitöitä matkailussa kolme kesää ja asun "
                "Sysmässä. Pääsen aloittamaan joustavasti.",
                availability="Kesäkuusta elokuuhun",
                consent_at=timezone.now(),
            )
            ApplicationEvent.objects.create(
                application=application, status="received", actor=jobseeker
            )
            if status != "received":
                ApplicationEvent.objects.create(application=application, status=status)

    def seed_jobs(self, total):
        existing = Job.objects.count()
        if existing >= total:
            return 0
        rng = random.Random(2 + existing)
        today = timezone.localdate()
        employers = list(Employer.objects.prefetch_related("sectors"))
        by_sector = {}
        for employer in employers:
            for sector in employer.sectors.all():
                by_sector.setdefault(sector.slug, []).append(employer)
        sectors = {s.slug: s for s in Sector.objects.all()}
        templates = (
            [(*template, "fi") for template in demo_data.JOB_TEMPLATES * 4]
            + [(*template, "en") for template in demo_data.ENGLISH_JOBS]
            + [(*template, "sv") for template in demo_data.SWEDISH_JOBS]
        )
        now = timezone.now()
        jobs = []
        for n in range(existing, total):
            sector, kind, title, description, months, housing, language = templates[
                n % len(templates)
            ]
            employer = rng.choice(by_sector.get(sector) or employers)
            status = rng.choices(
                [Status.PUBLISHED, Status.SUBMITTED, Status.DRAFT, Status.REJECTED, Status.CLOSED],
                weights=[60, 10, 8, 5, 17],
            )[0]
            start, end = season_dates(months, today, past=status == Status.CLOSED)
            if status == Status.CLOSED:
                deadline = (start or today) - timedelta(days=rng.randint(7, 40))
                deadline = min(deadline, today - timedelta(days=1))
            else:
                deadline = today + timedelta(days=rng.randint(3, 60))
                if start and deadline >= start:
                    deadline = max(today + timedelta(days=2), start - timedelta(days=3))
            published = now - timedelta(days=rng.randint(0, 30), hours=rng.randint(0, 23))
            jobs.append(
                Job(
                    employer=employer,
                    title=title,
                    description=description,
                    language=language,
                    municipality=None if n % 41 == 5 else employer.municipality,
                    is_remote=n % 41 == 5,
                    sector=sectors[sector],
                    employment_type=kind,
                    working_time=rng.choice(["full_time", "full_time", "part_time", "shift"]),
                    start_date=start,
                    end_date=end,
                    positions=rng.choice([1, 1, 1, 2, 3, 5]),
                    pay_min=rng.choice([None, 12, 13.5, 15, 2400, 2800]),
                    pay_description="Työehtosopimuksen mukaan",
                    housing_offered=housing,
                    hygiene_passport=sector == "tourism",
                    driving_licence=sector in {"transport", "cleaning"},
                    languages="suomi" + (", englanti" if n % 3 == 0 else ""),
                    apply_method=["here", "here", "here", "link", "email"][n % 5],
                    apply_url="https://example.com/rekry" if n % 5 == 3 else "",
                    apply_email=employer.contact_email if n % 5 == 4 else "",
                    deadline=deadline,
                    status=status,
                    contact_name="Rekrytointi",
                    contact_email=employer.contact_email,
                    submitted_at=published if status != Status.DRAFT else None,
                    published_at=published if status in {Status.PUBLISHED, Status.CLOSED} else None,
                    closed_at=now if status == Status.CLOSED else None,
                )
            )
        for job in jobs:  # bulk_create skips save(): derive here what save() would
            if job.pay_min:
                job.pay_unit = "hour" if job.pay_min < 100 else "month"
            job.work_months = work_months_mask(job.start_date, job.end_date)
        Job.objects.bulk_create(jobs, batch_size=1000)
        refresh_search_vectors()
        events = []
        for job in Job.objects.filter(
            pk__gt=Job.objects.order_by("pk")[existing - 1].pk if existing else 0
        ).only("pk", "status", "employer_id"):
            events.append(JobEvent(job=job, action=Action.CREATED, status=Status.DRAFT))
            if job.status == Status.REJECTED:
                events.append(
                    JobEvent(
                        job=job,
                        action=Action.REJECTED,
                        status=job.status,
                        reason=rng.choice(demo_data.REJECTION_REASONS),
                    )
                )
            elif job.status != Status.DRAFT:
                events.append(JobEvent(job=job, action=Action.SUBMITTED, status=Status.SUBMITTED))
                if job.status in {Status.PUBLISHED, Status.CLOSED}:
                    events.append(
                        JobEvent(job=job, action=Action.APPROVED, status=Status.PUBLISHED)
                    )
                if job.status == Status.CLOSED:
                    events.append(JobEvent(job=job, action=Action.EXPIRED, status=job.status))
        JobEvent.objects.bulk_create(events, batch_size=2000)
        return len(jobs)


def business_id(n):
    """The n-th demo Business ID: distinct for every n, with a valid check digit."""
    for digits in range(2_000_000 + n * 10, 2_000_000 + n * 10 + 10):
        check = check_digit(str(digits))
        if check is not None:
            return f"{digits}-{check}"
    raise AssertionError("ten consecutive numbers always include a valid one")


def season_dates(months, today, past=False):
    """The next (or, if `past`, the latest finished) run of a season of months."""
    if months is None:
        return None, None
    start_month, end_month = months
    start = date(today.year, start_month, 1)
    if start <= today:
        start = date(today.year + 1, start_month, 1)
    if past:
        start = date(start.year - 2 if end_month < start_month else start.year - 1, start_month, 1)
    end_year = start.year + (1 if end_month < start_month else 0)
    end = date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return start, end
