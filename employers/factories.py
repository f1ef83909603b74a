"""Building employers through their model methods, for the tests and the demo data."""

from nelinvoimaa.models import Municipality, Sector

from .business_id import check_digit
from .models import Employer, Membership

_business_ids = iter(range(1_000_000, 9_999_999))


def next_business_id():
    """A Business ID not used before in this process, with a valid check digit."""
    for digits in _business_ids:
        check = check_digit(f"{digits:07d}")
        if (
            check is not None
            and not Employer.objects.filter(business_id=f"{digits:07d}-{check}").exists()
        ):
            return f"{digits:07d}-{check}"
    raise RuntimeError("out of business IDs")


def make_employer(
    name,
    owner,
    code="781",
    *,
    verified=False,
    kind="company",
    business_id=None,
    sectors=(),
    verified_by=None,
    **fields,
):
    """An employer registered by `owner` in the municipality with this code."""
    if business_id is None and kind != "household":
        business_id = next_business_id()
    employer = Employer.register(
        owner,
        name=name,
        kind=kind,
        business_id=business_id or "",
        municipality=Municipality.objects.get(code=code),
        **fields,
    )
    if sectors:
        employer.sectors.set(Sector.objects.filter(slug__in=sectors))
    if verified:
        employer.verify(verified_by)
    return employer


def add_member(employer, user, role=Membership.Role.RECRUITER, **fields):
    return Membership.objects.create(employer=employer, user=user, role=role, **fields)
