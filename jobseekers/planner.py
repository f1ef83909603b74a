"""A year of work, and the jobs for you: what a jobseeker's jobs, enrolments and profile say
about the months ahead."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, Q
from django.utils import timezone
from django.utils.dates import MONTHS

from applications.models import Application
from jobs.models import Job
from trainings.models import Enrolment, Training

from .models import Profile, SavedJob

ACCEPTED = {Application.Status.HIRED}
APPLIED = {
    Application.Status.RECEIVED,
    Application.Status.IN_REVIEW,
    Application.Status.INTERVIEW,
    Application.Status.OFFERED,
}
# Trainings in the year: enrolled (a place confirmed, or attended or completed already) or on
# the waitlist, the table says which; not a cancelled enrolment nor a cancelled training. Both
# fill the month as an application does: the time is spoken for, so it is no gap.
ENROLMENTS_IN_YEAR = {
    Enrolment.Status.ENROLLED,
    Enrolment.Status.WAITLISTED,
    Enrolment.Status.ATTENDED,
    Enrolment.Status.COMPLETED,
}
TRAININGS_IN_YEAR = {Training.Status.PUBLISHED, Training.Status.CLOSED}
GAP_JOBS = 5  # open jobs shown for each gap
GAP_CANDIDATES = 200
RECOMMENDED = 5
RECOMMENDATION_CANDIDATES = 100


@dataclass
class Month:
    first: date
    accepted: list = field(default_factory=list)
    applied: list = field(default_factory=list)
    saved: list = field(default_factory=list)
    trainings: list = field(default_factory=list)  # enrolments, with their training
    available: bool = False

    @property
    def is_gap(self):
        """No job taken or applied for, nor a training enrolled in, covers it (saved jobs are
        only plans)."""
        return not self.accepted and not self.applied and not self.trainings


@dataclass
class Gap:
    months: list
    jobs: list = field(default_factory=list)

    @property
    def first(self):
        return self.months[0].first

    @property
    def last(self):
        return _month_end(self.months[-1].first)


def _add_months(day, n):
    index = day.month - 1 + n
    return date(day.year + index // 12, index % 12 + 1, 1)


def _month_end(first):
    return date.fromordinal(_add_months(first, 1).toordinal() - 1)


def _covers(job, first):
    """Whether the job's dates touch the month beginning `first` (an ongoing job without an
    end, every month from its start)."""
    if not job.start_date:
        return False
    return job.start_date <= _month_end(first) and (job.end_date is None or job.end_date >= first)


def _covers_training(training, first):
    """Whether the training's sessions (first start … last end) touch the month."""
    if not training.starts_at:
        return False
    starts = timezone.localdate(training.starts_at)
    ends = timezone.localdate(training.ends_at or training.starts_at)
    return starts <= _month_end(first) and ends >= first


def year_of_work(user, today):
    """The twelve months from this one: the user's accepted, applied and saved jobs and
    enrolled trainings in each, and the gaps with open jobs in them, in the municipalities of
    their profile. `undated` holds (kind, job or enrolment) without dates."""
    start = today.replace(day=1)
    months = [Month(_add_months(start, n)) for n in range(12)]
    profile = Profile.objects.filter(user=user).first()
    municipalities = list(profile.municipalities.values_list("pk", flat=True)) if profile else []
    applications = Application.objects.filter(
        applicant=user, status__in=ACCEPTED | APPLIED
    ).select_related("job", "job__employer")
    saved = SavedJob.objects.filter(user=user).select_related("job", "job__employer")
    undated = []
    for application in applications:
        kind = "accepted" if application.status in ACCEPTED else "applied"
        _place(application.job, kind, months, undated)
    taken = {application.job_id for application in applications}
    for saved_job in saved:
        if saved_job.job_id not in taken:
            _place(saved_job.job, "saved", months, undated)
    enrolments = Enrolment.objects.filter(
        user=user, status__in=ENROLMENTS_IN_YEAR, training__status__in=TRAININGS_IN_YEAR
    ).select_related("training", "training__provider")
    for enrolment in enrolments:
        placed = False
        for month in months:
            if _covers_training(enrolment.training, month.first):
                month.trainings.append(enrolment)
                placed = True
        if not placed and not enrolment.training.starts_at:
            undated.append(("training", enrolment))
    for month in months:
        month.available = bool(profile and profile.months & (1 << (month.first.month - 1)))
    gaps = _gaps(months)
    _fill_gaps(gaps, municipalities, taken | {s.job_id for s in saved})
    return months, gaps, undated, profile


def _place(job, kind, months, undated):
    placed = False
    for month in months:
        if _covers(job, month.first):
            getattr(month, kind).append(job)
            placed = True
    if not placed and not job.start_date:
        undated.append((kind, job))


def _gaps(months):
    gaps, current = [], []
    for month in months:
        if month.is_gap:
            current.append(month)
        elif current:
            gaps.append(Gap(current))
            current = []
    if current:
        gaps.append(Gap(current))
    return gaps


def _fill_gaps(gaps, municipalities, known):
    """Open jobs whose dates fall within each gap: one query for all the gaps."""
    if not gaps:
        return
    jobs = (
        Job.objects.open()
        .filter(start_date__gte=gaps[0].first, end_date__lte=gaps[-1].last)
        .exclude(pk__in=known)
        .select_related("employer", "municipality")
        .order_by("start_date", "pk")
    )
    if municipalities:
        jobs = jobs.filter(municipality__in=municipalities)
    for job in jobs[:GAP_CANDIDATES]:
        for gap in gaps:
            if (
                gap.first <= job.start_date
                and job.end_date <= gap.last
                and len(gap.jobs) < GAP_JOBS
            ):
                gap.jobs.append(job)


def recommendations(profile):
    """Open jobs that fit the profile, each with the reasons it is shown ("July, Sysmä,
    Tourism"): the candidates that fit any wish, ranked by how many they fit."""
    sectors = {s.pk: s for s in profile.sectors.all()}
    municipalities = {m.pk: m for m in profile.municipalities.all()}
    types = set(profile.employment_types)
    wanted = Q()
    if sectors:
        wanted |= Q(sector__in=sectors)
    if municipalities:
        wanted |= Q(municipality__in=municipalities)
    if types:
        wanted |= Q(employment_type__in=types)
    if not wanted and not profile.months:
        return []
    candidates = Job.objects.open().exclude(applications__applicant=profile.user_id)
    if profile.months:
        candidates = candidates.alias(in_months=F("work_months").bitand(profile.months))
        wanted |= Q(in_months__gt=0)
    candidates = candidates.filter(wanted).select_related("employer", "municipality", "sector")
    scored = []
    for job in candidates.order_by("-published_at", "-pk")[:RECOMMENDATION_CANDIDATES]:
        reasons = [
            str(MONTHS[n]) for n in profile.month_numbers if job.work_months & (1 << (n - 1))
        ][:2]
        if job.municipality_id in municipalities:
            reasons.append(job.municipality.name)
        if job.sector_id in sectors:
            reasons.append(job.sector.name)
        if job.employment_type in types:
            reasons.append(str(job.get_employment_type_display()).lower())
        scored.append((len(reasons), job, reasons))
    scored.sort(key=lambda item: -item[0])  # stable: the newest first among equals
    return [(job, reasons) for _score, job, reasons in scored[:RECOMMENDED]]
