import calendar
import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import storages
from django.db import DatabaseError, IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employers.models import Membership
from jobs.models import Job, TransitionError
from nelinvoimaa.emails import send_templated
from nelinvoimaa.models import AuditEntry
from nelinvoimaa.private_files import files_in
from nelinvoimaa.staff import lacks_mfa

logger = logging.getLogger(__name__)

CV_DIR = "cvs"
ORPHAN_CV_HOURS = 24
ORPHAN_BATCH = 500


def private_storage():
    """CVs live outside MEDIA_ROOT and have no URL: only a view that checks access serves them."""
    return storages["private"]


def cv_path(application, filename):
    return f"{CV_DIR}/{filename}"


class AlreadyApplied(Exception):
    """The person has applied for this job already (perhaps in another tab a moment ago)."""


class NotTakingApplications(Exception):
    """The job is not open, or its applications go elsewhere (a link or e-mail)."""


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The applicant's own, and those of jobs of employers the user is a member of; every
        one to a superuser who has set up the two-factor authentication the admin asks for."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser and not lacks_mfa(user):
            return self
        return self.filter(Q(applicant=user) | Q(job__employer__memberships__user=user)).distinct()

    def has_applied(self, job, user):
        """Whether the person has an application for the job that they have not withdrawn."""
        return (
            self.filter(job=job, applicant=user)
            .exclude(status=Application.Status.WITHDRAWN)
            .exists()
        )

    def submit(self, job, applicant, *, cover_letter, phone, availability="", cv=None):
        """Send an application: one per job and person, however often the form is sent
        (double click, back button, two tabs). `cv` is (file, original name) from clean_cv.

        The application, its first event and the e-mails (sent after commit) go together, or
        nothing does: the CV file is removed again when the row cannot be saved."""
        if not job.takes_applications_here:
            raise NotTakingApplications
        if self.has_applied(job, applicant):
            raise AlreadyApplied
        # A withdrawn application is sent again in its own row (one per job and person).
        application = self.filter(
            job=job, applicant=applicant, status=Application.Status.WITHDRAWN
        ).first() or Application(job=job, applicant=applicant)
        old_cv = application.cv.name if application.pk else ""
        application.cover_letter = cover_letter
        application.phone = phone
        application.availability = availability
        application.consent_at = timezone.now()
        application.status = Application.Status.RECEIVED
        application.cv, application.cv_name = "", ""
        try:
            with transaction.atomic():
                if application.pk:
                    # Locked, and still withdrawn: a second tab sending too gets AlreadyApplied.
                    current = Application.objects.select_for_update().get(pk=application.pk)
                    if current.status != Application.Status.WITHDRAWN:
                        raise IntegrityError("sent again a moment ago")
                    application.created_at = timezone.now()
                if cv:
                    stored, original = cv
                    application.cv.save(stored.name, stored, save=False)
                    application.cv_name = original
                application.save()
                ApplicationEvent.objects.create(
                    application=application, status=application.status, actor=applicant
                )
                application.notify_received()
                if old_cv:
                    transaction.on_commit(lambda: private_storage().delete(old_cv))
        except IntegrityError as exc:  # the same application sent twice at once: one is kept
            application.delete_cv_file()
            raise AlreadyApplied from exc
        except BaseException:
            # Rolled back, or committed and then an after-commit step failed: the file goes
            # only with its row. When that cannot be told (the database is down), it stays and
            # delete_orphan_cvs sweeps it later.
            if not self._stored(application):
                application.delete_cv_file()
            raise
        return application

    def _stored(self, application):
        try:
            return application.pk is not None and self.filter(pk=application.pk).exists()
        except DatabaseError:
            return True


class Application(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        IN_REVIEW = "in_review", _("In review")
        INTERVIEW = "interview", _("Interview")
        OFFERED = "offered", _("Offered")
        HIRED = "hired", _("Hired")
        REJECTED = "rejected", _("Not chosen")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    job = models.ForeignKey(
        "jobs.Job", on_delete=models.CASCADE, related_name="applications", verbose_name=_("job")
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("applicant"),
    )
    cover_letter = models.TextField(_("cover letter"))
    cv = models.FileField(_("CV"), storage=private_storage, upload_to=cv_path, blank=True)
    cv_name = models.CharField(_("CV file name"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=40)
    availability = models.CharField(
        _("availability"),
        max_length=300,
        blank=True,
        help_text=_("When you could start and for how long, e.g. “from 1 June, all summer”."),
    )
    consent_at = models.DateTimeField(_("consented to the privacy notice"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.RECEIVED,
        db_index=True,
    )
    notes = models.TextField(
        _("private notes"),
        blank=True,
        help_text=_(
            "Only the employer's members see these here. They are the applicant's data too: "
            "the applicant gets them when they download their data."
        ),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        # The tables kept their names when applications moved out of the jobs app
        # (migration applications/0001): no data had to move.
        db_table = "jobs_application"
        ordering = ["-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(fields=["job", "applicant"], name="one_application_per_job")
        ]

    def __str__(self):
        return f"{self.applicant} – {self.job}"

    @property
    def is_final(self):
        return self.status in FINAL_STATUSES

    def delete_cv_file(self):
        if self.cv:
            self.cv.delete(save=False)

    def _set_status(self, actor, status):
        with transaction.atomic():
            application = Application.objects.select_for_update().get(pk=self.pk)
            if application.status in FINAL_STATUSES or application.status == status:
                raise TransitionError(application.get_status_display())
            application.status = status
            application.save(update_fields=["status", "updated_at"])
            ApplicationEvent.objects.create(application=application, status=status, actor=actor)
            AuditEntry.record(
                actor, AuditEntry.Action.STATUS_CHANGED, f"application {application.pk}", status
            )
            application.tell_applicant()
        self.refresh_from_db()

    def change_status(self, member, status):
        if status not in EMPLOYER_STATUSES:
            raise TransitionError(status)
        self._set_status(member, status)

    def withdraw(self, applicant):
        self._set_status(applicant, Application.Status.WITHDRAWN)

    def notify_received(self):
        """Tell the applicant it arrived, and the job's contact and the members who asked for
        an e-mail for each application that it is there (others get the daily summary or
        nothing). Sent after commit."""
        job = self.job
        context = {"application": self, "job": job, "site_url": settings.SITE_URL}
        send_templated(
            self.applicant.email,
            "applications/emails/application_received",
            context,
            self.applicant.language,
        )
        recipients = {job.contact_email: "fi"} if job.contact_email else {}
        members = job.employer.memberships.filter(notify=Membership.Notify.EACH)
        for membership in members.select_related("user"):
            recipients.setdefault(membership.user.email, membership.user.language)
        for email, language in recipients.items():
            send_templated(email, "applications/emails/application_new", context, language)

    def tell_applicant(self):
        """E-mail the new status in the applicant's language; a "not chosen" carries the
        employer's own message in that language (Finnish when there is none)."""
        language = self.applicant.language
        message = ""
        if self.status == Application.Status.REJECTED:
            employer = self.job.employer
            message = (
                getattr(employer, f"rejection_message_{language}", "")
                or employer.rejection_message_fi
            )
        context = {
            "application": self,
            "job": self.job,
            "site_url": settings.SITE_URL,
            "rejection_message": message,
        }
        send_templated(
            self.applicant.email, "applications/emails/application_status", context, language
        )


# Where the employer may move an application; hired, rejected and withdrawn are final.
EMPLOYER_STATUSES = [
    Application.Status.IN_REVIEW,
    Application.Status.INTERVIEW,
    Application.Status.OFFERED,
    Application.Status.HIRED,
    Application.Status.REJECTED,
]
FINAL_STATUSES = {
    Application.Status.HIRED,
    Application.Status.REJECTED,
    Application.Status.WITHDRAWN,
}


class ApplicationEvent(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="events", verbose_name=_("application")
    )
    status = models.CharField(_("status"), max_length=20, choices=Application.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        db_table = "jobs_applicationevent"
        ordering = ["created_at", "pk"]
        verbose_name = _("application event")
        verbose_name_plural = _("application events")

    def __str__(self):
        return self.get_status_display()


def retention_cutoff(months, now=None):
    """The moment `months` calendar months before `now`."""
    now = now or timezone.now()
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    day = min(now.day, calendar.monthrange(year, month + 1)[1])
    return now.replace(year=year, month=month + 1, day=day)


def delete_expired_applications(months):
    """Delete the applications, and their CV files, of jobs closed more than `months` ago.
    Returns how many were deleted; safe to run any number of times."""
    expired = Application.objects.filter(
        job__status=Job.Status.CLOSED, job__closed_at__lt=retention_cutoff(months)
    )
    deleted = 0
    for application in expired.iterator():
        with transaction.atomic():
            name = application.cv.name
            application.delete()
            if name:
                transaction.on_commit(lambda name=name: private_storage().delete(name))
        deleted += 1
    if deleted:
        AuditEntry.record(
            None,
            AuditEntry.Action.APPLICATIONS_EXPIRED,
            "",
            f"{deleted} applications older than {months} months",
        )
    return deleted


def delete_orphan_cvs(now=None):
    """Delete CV files that no application refers to, older than a day: what a crash between
    writing the file and committing its row leaves behind. Returns how many."""
    storage = private_storage()
    cutoff = (now or timezone.now()) - timedelta(hours=ORPHAN_CV_HOURS)
    names = files_in(storage, CV_DIR)
    old = [name for name in names if storage.get_modified_time(name) < cutoff]
    orphans = []
    for start in range(0, len(old), ORPHAN_BATCH):  # SQLite limits a query's parameters
        batch = old[start : start + ORPHAN_BATCH]
        kept = set(Application.objects.filter(cv__in=batch).values_list("cv", flat=True))
        orphans += [name for name in batch if name not in kept]
    for name in orphans:
        storage.delete(name)
    if orphans:
        logger.info("Deleted %d CV files without an application.", len(orphans))
    return len(orphans)
