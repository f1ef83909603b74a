"""The core's demo data: a user for each role (seed_demo prints them with their passwords)."""

from django.contrib.auth.models import Group

from .factories import make_staff, make_user
from .models import User
from .staff import STAFF_GROUP

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


def seed_users():
    """Create the demo users that are missing; returns how many were created."""
    staff_group, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    created = 0
    for email, password, name, language, role, codes in DEMO_USERS:
        if User.objects.filter(email=email).exists():
            continue
        fields = {"full_name": name, "language": language}
        if role == "staff":
            user = make_staff(email, password, *codes, **fields)
            user.groups.add(staff_group)
        else:
            user = make_user(
                email,
                password,
                is_staff=role == "superuser",
                is_superuser=role == "superuser",
                **fields,
            )
        created += 1
    return created
