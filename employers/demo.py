"""The employers' demo data: the region's employers, each with an owner (seed_demo)."""

from nelinvoimaa.factories import make_user
from nelinvoimaa.models import User

from .demo_content import EMPLOYERS
from .factories import add_member, make_employer
from .models import Employer, Membership

DEMO_OWNER = "tyonantaja@example.com"
DEMO_RECRUITER = "rekrytoija@example.com"
# The demo owner owns these two of EMPLOYERS (by position); the recruiter works for the first.
OWNED_BY_DEMO_OWNER = (0, 2)


def add_arguments(parser):
    parser.add_argument(
        "--employers",
        type=int,
        default=0,
        help="For benchmarks: add employers until there are this many in all.",
    )


def seed(options):
    """Add the employers that are missing (by name); `employers` in `options` asks for more,
    numbered copies, for benchmarks."""
    wanted = max(options.get("employers") or 0, len(EMPLOYERS))
    users = {u.email: u for u in User.objects.filter(email__in=[DEMO_OWNER, DEMO_RECRUITER])}
    created = 0
    for n in range(wanted):
        data = EMPLOYERS[n % len(EMPLOYERS)]
        name = data["name"] if n < len(EMPLOYERS) else f"{data['name']} {n // len(EMPLOYERS) + 1}"
        if Employer.objects.filter(name=name).exists():
            continue
        owner = users.get(DEMO_OWNER) if n in OWNED_BY_DEMO_OWNER else None
        if owner is None:
            owner = User.objects.filter(email=f"omistaja{n}@example.com").first() or make_user(
                f"omistaja{n}@example.com", None, full_name=f"{name} – omistaja"
            )
        employer = make_employer(
            name,
            owner,
            data["municipality"],
            kind=data["kind"],
            sectors=data["sectors"],
            verified=data["verified"],
            description=data["description"],
            why_work_here=data["why_work_here"],
            language=data.get("language", "fi"),
            contact_email=f"info{n}@example.com",
        )
        if n == 0 and DEMO_RECRUITER in users:
            add_member(employer, users[DEMO_RECRUITER], Membership.Role.RECRUITER)
        created += 1
    return [f"{created} new employers."]
