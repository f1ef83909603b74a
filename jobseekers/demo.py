"""The jobseekers' demo data: the demo jobseeker has a profile, a few saved jobs and a job
alert; the multi-locational resident says when they are in Sysmä and what they are open to."""

from datetime import date

from django.http import QueryDict
from django.utils import timezone

from jobs.models import EmploymentType, Job
from nelinvoimaa.models import Municipality, Sector, User

from .models import Alert, OpenTo, PresencePeriod, Profile, SavedJob, alert_query

DEMO_JOBSEEKER = "tyonhakija@example.com"
DEMO_SECOND_HOME = "monipaikkainen@example.com"
SUMMER = 0b000011100000  # June to August


def seed(options):
    lines = []
    jobseeker = User.objects.filter(email=DEMO_JOBSEEKER).first()
    if jobseeker is not None and not Profile.objects.filter(user=jobseeker).exists():
        lines.append(seed_jobseeker(jobseeker))
    resident = User.objects.filter(email=DEMO_SECOND_HOME).first()
    if resident is not None and not Profile.objects.filter(user=resident).exists():
        lines.append(seed_second_home(resident))
    return lines


def seed_jobseeker(jobseeker):
    sysma = Municipality.objects.get(code="781")
    profile = Profile.objects.create(
        user=jobseeker,
        occupations="kokki, tarjoilija",
        commute_from="Lahti",
        employment_types=[EmploymentType.SUMMER, EmploymentType.SEASONAL],
        months=SUMMER,
        languages="suomi, englanti",
        driving_licence=True,
        has_car=True,
        introduction="Olen tehnyt kausitöitä matkailussa kolme kesää. Hygieniapassi on.",
        phone="040 123 4567",
    )
    profile.sectors.set(Sector.objects.filter(slug__in=["tourism"]))
    profile.municipalities.set(Municipality.objects.filter(code__in=["781", "081"]))
    jobs = list(Job.objects.open().exclude(applications__applicant=jobseeker).order_by("pk")[:3])
    for job in jobs:
        SavedJob.objects.save_for(jobseeker, job)
    search = QueryDict(f"employment_type=summer&employment_type=seasonal&municipality={sysma.pk}")
    Alert.objects.get_or_create(user=jobseeker, query=alert_query(search))
    return f"A profile, {len(jobs)} saved jobs and a job alert of the demo jobseeker."


def seed_second_home(resident):
    profile = Profile.objects.create(
        user=resident,
        occupations="kirjanpito, projektinhallinta",
        languages="suomi, ruotsi, englanti",
        introduction="Vietän kesät mökillä Sysmässä ja teen mielelläni keikkoja tai etätöitä.",
        open_to=[OpenTo.GIGS, OpenTo.REMOTE, OpenTo.MENTORING],
        months=SUMMER,
        visible_to_employers=True,
    )
    profile.municipalities.set(Municipality.objects.filter(code="781"))
    year = timezone.localdate().year + 1
    PresencePeriod.objects.create(
        profile=profile,
        municipality=Municipality.objects.get(code="781"),
        starts=date(year, 6, 15),
        ends=date(year, 8, 10),
        every_year=True,
    )
    return "A profile with a presence period of the multi-locational resident."
