"""Demo data for local use: users for each role, printed with their passwords.

Safe to run any number of times: what exists is kept, what is missing is added. Refuses to run
in production, where these well-known passwords would be a hole.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from nelinvoimaa.models import Municipality, User
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

    def handle(self, *args, force=False, **options):
        if settings.PRODUCTION and not force:
            raise CommandError("Refusing to load demo data with known passwords in production.")
        with transaction.atomic():
            created = self.seed_users()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready ({created} new users). Sign in at /fi/accounts/login/ with:"
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
