"""Applying for a job, and the employer handling applicants, with the applicant's data safe."""

import io
import threading
import zipfile
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from applications.models import Application
from jobs.models import TransitionError
from tests.conftest import PDF, make_application, make_employer, make_job, make_user


def docx(extra_size=0, compress=True):
    buffer = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>" + " " * extra_size)
    return buffer.getvalue()


def odt():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.fixture
def job(employer):
    return make_job(employer, status="published", title="Kokki", contact_email="")


def form(cv=None, **changes):
    data = {
        "cover_letter": "Olen kokenut kokki.",
        "phone": "040 123 4567",
        "availability": "Kesäkuusta alkaen",
        "consent": "on",
    } | changes
    if cv is not None:
        data["cv_file"] = cv
    return data


def apply(client, job, django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(f"/fi/jobs/{job.pk}/apply/", form(**kwargs))


def test_a_visitor_is_sent_to_sign_in_and_back_to_the_form(client, job):
    response = client.get(f"/fi/jobs/{job.pk}/apply/")
    assert response["Location"] == f"/fi/accounts/login/?next=/fi/jobs/{job.pk}/apply/"


def test_a_jobseeker_applies_with_a_cv(
    client, jobseeker, job, owner, recruiter, django_capture_on_commit_callbacks
):
    client.force_login(jobseeker)
    response = apply(
        client,
        job,
        django_capture_on_commit_callbacks,
        cv=SimpleUploadedFile("../../Jonnan CV.pdf", PDF, "application/pdf"),
    )
    assert response["Location"] == "/fi/dashboard/"
    application = Application.objects.get()
    assert (application.applicant, application.status) == (jobseeker, "received")
    assert application.cv_name == "Jonnan CV.pdf"
    assert application.cv.name.startswith("cvs/") and ".." not in application.cv.name
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([jobseeker.email, owner.email, recruiter.email])
    html = client.get("/fi/dashboard/").content.decode()
    assert "Kokki" in html and "Vastaanotettu" in html


@pytest.mark.parametrize(
    ("name", "content"), [("cv.docx", docx()), ("cv.odt", odt()), ("cv.pdf", PDF)]
)
def test_pdf_docx_and_odt_are_accepted(
    client, jobseeker, job, name, content, django_capture_on_commit_callbacks
):
    client.force_login(jobseeker)
    apply(
        client,
        job,
        django_capture_on_commit_callbacks,
        cv=SimpleUploadedFile(name, content, "application/octet-stream"),
    )
    assert Application.objects.get().cv_name == name


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cv.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100, "PDF-, Word (DOCX)-"),  # an .exe renamed
        ("cv.pdf", b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF", "PDF-, Word"),
        ("cv.docx", b"PK\x03\x04 not really a zip", "PDF-, Word"),
        ("cv.pdf", PDF + b"0" * (5 * 1024 * 1024), "liian suuri"),
        ("cv.docx", docx(extra_size=200 * 1024 * 1024), "purettuna liian suuri"),
    ],
)
def test_bad_uploads_are_refused_and_what_was_typed_is_kept(
    client, jobseeker, job, name, content, message, django_capture_on_commit_callbacks
):
    client.force_login(jobseeker)
    response = apply(
        client,
        job,
        django_capture_on_commit_callbacks,
        cv=SimpleUploadedFile(name, content, "application/pdf"),
        cover_letter="Hyvä hakemus, jota ei saa hukata.",
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "Hyvä hakemus, jota ei saa hukata." in html and 'value="040 123 4567"' in html
    assert not Application.objects.exists() and mail.outbox == []


def test_a_valid_cv_is_kept_when_another_field_has_an_error(
    client, jobseeker, job, settings, django_capture_on_commit_callbacks
):
    client.force_login(jobseeker)
    response = apply(
        client,
        job,
        django_capture_on_commit_callbacks,
        cv=SimpleUploadedFile("Jonnan CV.pdf", PDF, "application/pdf"),
        consent="",
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "CV:si Jonnan CV.pdf on tallessa" in html and "Älä liitä Jonnan CV.pdf" in html
    assert not Application.objects.exists()
    # The second try sends no file: the kept one goes with the application, and is gone after.
    apply(client, job, django_capture_on_commit_callbacks)
    application = Application.objects.get()
    assert application.cv_name == "Jonnan CV.pdf"
    assert application.cv.read() == PDF
    assert not list((settings.PRIVATE_MEDIA_ROOT / "pending").iterdir())


def test_the_kept_cv_can_be_declined_or_replaced(
    client, jobseeker, job, employer, django_capture_on_commit_callbacks
):
    client.force_login(jobseeker)
    cv = SimpleUploadedFile("vanha.pdf", PDF, "application/pdf")
    apply(client, job, django_capture_on_commit_callbacks, cv=cv, consent="")
    apply(client, job, django_capture_on_commit_callbacks, discard_pending_cv="on")
    assert Application.objects.get(job=job).cv_name == ""
    other = make_job(employer, status="published", title="Siivooja", contact_email="")
    cv = SimpleUploadedFile("vanha.pdf", PDF, "application/pdf")
    apply(client, other, django_capture_on_commit_callbacks, cv=cv, consent="")
    new = SimpleUploadedFile("uusi.odt", odt(), "application/octet-stream")
    apply(client, other, django_capture_on_commit_callbacks, cv=new)
    assert Application.objects.get(job=other).cv_name == "uusi.odt"


def test_a_kept_cv_belongs_to_its_user_and_job_only(
    client, jobseeker, job, employer, django_capture_on_commit_callbacks
):
    client.force_login(jobseeker)
    cv = SimpleUploadedFile("cv.pdf", PDF, "application/pdf")
    apply(client, job, django_capture_on_commit_callbacks, cv=cv, consent="")
    other_job = make_job(employer, status="published", title="Siivooja", contact_email="")
    assert "on tallessa" not in client.get(f"/fi/jobs/{other_job.pk}/apply/").content.decode()
    client.force_login(make_user("toinen@example.com"))
    assert "on tallessa" not in client.get(f"/fi/jobs/{job.pk}/apply/").content.decode()


def test_kept_cvs_older_than_a_day_are_deleted(jobseeker, settings):
    from datetime import timedelta

    from django.utils import timezone

    from applications.uploads import clean_cv, delete_stale_pending_cvs, keep_pending_cv

    session = {}
    cv = clean_cv(SimpleUploadedFile("cv.pdf", PDF, "application/pdf"))
    keep_pending_cv(session, 1, cv)
    assert delete_stale_pending_cvs() == 0
    assert delete_stale_pending_cvs(now=timezone.now() + timedelta(hours=25)) == 1
    assert not list((settings.PRIVATE_MEDIA_ROOT / "pending").iterdir())


def test_consent_is_required(client, jobseeker, job, django_capture_on_commit_callbacks):
    client.force_login(jobseeker)
    response = apply(client, job, django_capture_on_commit_callbacks, consent="")
    assert response.status_code == 400 and not Application.objects.exists()


def test_a_second_submit_never_makes_a_second_application(
    client, jobseeker, job, django_capture_on_commit_callbacks
):
    client.force_login(jobseeker)
    apply(client, job, django_capture_on_commit_callbacks)
    response = apply(client, job, django_capture_on_commit_callbacks)
    assert response["Location"] == "/fi/dashboard/"
    assert Application.objects.count() == 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_transactional_db")
def test_two_simultaneous_submits_store_one_application(employer):
    from django.test import Client

    jobseeker = make_user("kaksi@example.com")
    job = make_job(employer, status="published")
    barrier = threading.Barrier(2)
    statuses = []

    def submit():
        client = Client()
        client.force_login(jobseeker)
        barrier.wait()
        statuses.append(client.post(f"/fi/jobs/{job.pk}/apply/", form()).status_code)
        connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302, 302]
    assert Application.objects.filter(job=job).count() == 1


@pytest.mark.parametrize("apply_method", ["link", "email"])
def test_jobs_applied_for_elsewhere_have_no_form(client, jobseeker, employer, apply_method):
    job = make_job(
        employer,
        status="published",
        apply_method=apply_method,
        apply_url="https://example.com/rekry",
        apply_email="rekry@example.com",
    )
    client.force_login(jobseeker)
    assert client.get(f"/fi/jobs/{job.pk}/apply/")["Location"] == job.get_absolute_url()
    assert f"/fi/jobs/{job.pk}/apply/" not in client.get(job.get_absolute_url()).content.decode()


def test_a_closed_job_takes_no_applications(client, jobseeker, employer):
    job = make_job(employer, status="closed")
    client.force_login(jobseeker)
    client.post(f"/fi/jobs/{job.pk}/apply/", form())
    assert not Application.objects.exists()


@pytest.fixture
def application(job, jobseeker):
    return Application.objects.create(
        job=job,
        applicant=jobseeker,
        cover_letter="Hei",
        phone="040",
        consent_at="2026-11-28T10:00:00+02:00",
        cv=SimpleUploadedFile("cv.pdf", PDF),
        cv_name="Jonnan CV.pdf",
    )


def test_the_employer_moves_an_applicant_to_interview_and_the_applicant_hears_of_it(
    client, owner, jobseeker, application, django_capture_on_commit_callbacks
):
    jobseeker.language = "sv"
    jobseeker.save()
    client.force_login(owner)
    url = f"/fi/jobs/{application.job.pk}/applicants/"
    assert "Jonna Työnhakija" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{url}{application.pk}/status/", {"status": "interview"})
    application.refresh_from_db()
    assert application.status == "interview"
    assert mail.outbox[-1].to == [jobseeker.email]
    assert "Intervju" in mail.outbox[-1].subject  # in the applicant's language
    assert "Jonna Työnhakija" not in client.get(f"{url}?status=hired").content.decode()


def test_private_notes_are_kept(client, owner, application):
    client.force_login(owner)
    url = f"/fi/jobs/{application.job.pk}/applicants/{application.pk}/"
    client.post(url, {"notes-notes": "Hyvä haastattelu."})
    application.refresh_from_db()
    assert application.notes == "Hyvä haastattelu."


def test_final_statuses_stay_final(application, owner, jobseeker):
    application.change_status(owner, "hired")
    with pytest.raises(TransitionError):
        application.change_status(owner, "rejected")
    with pytest.raises(TransitionError):
        application.withdraw(jobseeker)


def test_the_applicant_withdraws(client, jobseeker, application):
    client.force_login(jobseeker)
    client.post(f"/fi/jobs/applications/{application.pk}/withdraw/")
    application.refresh_from_db()
    assert application.status == "withdrawn"


def test_the_cv_downloads_as_an_attachment_with_its_name(client, owner, application):
    client.force_login(owner)
    response = client.get(f"/fi/jobs/applications/{application.pk}/cv/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "Jonnan CV.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_cvs_have_no_public_url(application, settings):
    assert settings.PRIVATE_MEDIA_ROOT != settings.MEDIA_ROOT
    with pytest.raises(ValueError):
        application.cv.url  # noqa: B018 - the storage refuses to make one


# Who may see what: the applicant, the employer's members and superusers; nobody else, not
# even moderators, learns that the application exists.
PERSONAS = [
    "jobseeker",
    "other_jobseeker",
    "owner",
    "recruiter",
    "other_owner",
    "sysma_moderator",
    "hartola_moderator",
    "superuser",
    None,
]


@pytest.fixture
def people(jobseeker, owner, recruiter, other_owner, sysma_moderator, hartola_moderator, superuser):
    return {
        "jobseeker": jobseeker,
        "other_jobseeker": make_user("toinen@example.com"),
        "owner": owner,
        "recruiter": recruiter,
        "other_owner": other_owner,
        "sysma_moderator": sysma_moderator,
        "hartola_moderator": hartola_moderator,
        "superuser": superuser,
        None: None,
    }


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("get", "/fi/jobs/{job}/applicants/", {"owner", "recruiter"}),
        ("get", "/fi/jobs/{job}/applicants/{app}/", {"owner", "recruiter"}),
        ("post", "/fi/jobs/{job}/applicants/{app}/", {"owner", "recruiter"}),
        ("post", "/fi/jobs/{job}/applicants/{app}/status/", {"owner", "recruiter"}),
        (
            "get",
            "/fi/jobs/applications/{app}/cv/",
            {"jobseeker", "owner", "recruiter", "superuser"},
        ),
        ("post", "/fi/jobs/applications/{app}/withdraw/", {"jobseeker"}),
    ],
)
def test_application_permission_matrix(client, application, people, persona, method, path, allowed):
    if people[persona]:
        client.force_login(people[persona])
    url = path.format(job=application.job.pk, app=application.pk)
    data = {"status": "hired", "notes-notes": "x"} if method == "post" else {}
    response = getattr(client, method)(url, data)
    after = Application.objects.get(pk=application.pk)
    if persona is None:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif persona in allowed:
        assert response.status_code in (200, 302)
    else:
        assert response.status_code == 404
        assert (after.status, after.notes) == ("received", "")


def test_with_x_accel_redirect_the_web_server_sends_the_cv(client, owner, application, settings):
    settings.CV_X_ACCEL_PREFIX = "/protected-cvs/"
    client.force_login(owner)
    response = client.get(f"/fi/jobs/applications/{application.pk}/cv/")
    assert response["X-Accel-Redirect"] == f"/protected-cvs/{application.cv.name}"
    assert response["Content-Disposition"].startswith("attachment")
    assert response.content == b""


def test_bulk_status_change_with_the_employers_rejection_message_in_each_language(
    client, owner, employer, job, django_capture_on_commit_callbacks
):
    employer.rejection_message_fi = "Kiitos hakemuksestasi! Valitsimme toisen hakijan."
    employer.rejection_message_sv = "Tack för din ansökan! Vi valde en annan sökande."
    employer.save()
    finn, swede, hired = (
        make_user(f"{n}@example.com", language=lang)
        for n, lang in (("a", "fi"), ("b", "sv"), ("c", "fi"))
    )
    apps = [
        Application.objects.create(
            job=job,
            applicant=user,
            cover_letter="x",
            phone="1",
            consent_at="2026-11-28T10:00:00+02:00",
        )
        for user in (finn, swede, hired)
    ]
    apps[2].change_status(owner, "hired")
    client.force_login(owner)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/fi/jobs/{job.pk}/applicants/status/",
            {"status": "rejected", "application": [a.pk for a in apps]},
            follow=True,
        )
    html = response.content.decode()
    assert "2 tilaa muutettu" in html and "1 hakemusta ei voitu muuttaa" in html
    body = {m.to[0]: m.body for m in mail.outbox}
    assert "Valitsimme toisen hakijan." in body["a@example.com"]
    assert "Vi valde en annan sökande." in body["b@example.com"]
    assert "c@example.com" not in body
    assert Application.objects.get(pk=apps[2].pk).status == "hired"


def test_without_a_message_the_standard_one_is_sent(
    application, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application.change_status(owner, "rejected")
    assert "valitsi toisen hakijan" in mail.outbox[-1].body


def test_bulk_change_ignores_another_jobs_applications(client, owner, employer, application):
    other = make_job(employer, status="published", title="Toinen")
    client.force_login(owner)
    client.post(
        f"/fi/jobs/{other.pk}/applicants/status/",
        {"status": "rejected", "application": [application.pk]},
    )
    assert Application.objects.get(pk=application.pk).status == "received"


def test_each_member_chooses_their_e_mails_about_new_applications(
    client, jobseeker, job, owner, recruiter, django_capture_on_commit_callbacks
):
    client.force_login(recruiter)
    client.post(f"/fi/employers/{job.employer.slug}/members/notify/", {"notify": "none"})
    client.force_login(owner)
    client.post(f"/fi/employers/{job.employer.slug}/members/notify/", {"notify": "daily"})
    client.force_login(jobseeker)
    apply(client, job, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[jobseeker.email]]  # only the receipt

    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_application_digests")
        call_command("send_application_digests")  # again: nothing new to summarise
    summaries = [m for m in mail.outbox if m.to == [owner.email]]
    assert len(summaries) == 1 and "Kokki: 1" in summaries[0].body


def test_a_database_failure_stores_nothing_and_says_so(
    client, jobseeker, job, monkeypatch, django_capture_on_commit_callbacks
):
    from django.db import OperationalError

    def fail(*args, **kwargs):
        raise OperationalError("connection lost")

    monkeypatch.setattr("applications.models.ApplicationEvent.objects.create", fail)
    client.force_login(jobseeker)
    response = apply(
        client,
        job,
        django_capture_on_commit_callbacks,
        cv=SimpleUploadedFile("cv.pdf", PDF, "application/pdf"),
        cover_letter="Tätä ei saa hukata.",
    )
    html = response.content.decode()
    assert response.status_code == 503
    assert "eikä mitään lähetetty" in html
    assert "Tätä ei saa hukata." in html
    assert not Application.objects.exists() and mail.outbox == []


def test_a_visitor_who_signs_up_comes_back_to_the_application_form(
    client, job, django_capture_on_commit_callbacks
):
    import re

    login = client.get(f"/fi/jobs/{job.pk}/apply/")["Location"]
    signup = (
        re.search(r'href="(/fi/accounts/signup/\?next=[^"]+)"', client.get(login).content.decode())
        .group(1)
        .replace("&amp;", "&")
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            signup,
            {
                "email": "uusi@example.com",
                "password1": "kesä-sauna-2027!",
                "password2": "kesä-sauna-2027!",
                "next": f"/fi/jobs/{job.pk}/apply/",
            },
        )
    confirm = re.search(r"http://testserver(/\S+)", mail.outbox[-1].body).group(1)
    response = client.post(confirm)
    assert response["Location"] == f"/fi/jobs/{job.pk}/apply/"


def test_an_outside_next_address_is_ignored(client, job, django_capture_on_commit_callbacks):
    import re

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/fi/accounts/signup/?next=https://evil.example.com/",
            {
                "email": "uusi@example.com",
                "password1": "kesä-sauna-2027!",
                "password2": "kesä-sauna-2027!",
                "next": "https://evil.example.com/",
            },
        )
    confirm = re.search(r"http://testserver(/\S+)", mail.outbox[-1].body).group(1)
    assert "evil" not in client.post(confirm)["Location"]


def test_the_applicant_sees_the_history_of_the_application(client, jobseeker, owner, application):
    application.change_status(owner, "in_review")
    application.change_status(owner, "interview")
    client.force_login(jobseeker)
    html = client.get("/fi/dashboard/").content.decode()
    assert html.index("Käsittelyssä") < html.rindex("Haastattelu")


def test_a_rolled_back_application_leaves_no_cv_file(jobseeker, job, monkeypatch, settings):
    from django.db import OperationalError

    def fail(*args, **kwargs):
        raise OperationalError("connection lost")

    monkeypatch.setattr("applications.models.ApplicationEvent.objects.create", fail)
    with pytest.raises(OperationalError):
        make_application(job, jobseeker, cv=True)
    assert not Application.objects.exists()
    assert list((settings.PRIVATE_MEDIA_ROOT / "cvs").iterdir()) == []


def test_a_failure_to_queue_its_e_mails_does_not_undo_a_sent_application(
    seeded_transactional_db, monkeypatch, settings, caplog
):
    """The application is stored when an after-commit step (queueing an e-mail) fails: it
    keeps its CV, the other e-mails still go, and the failure is logged."""
    employer = make_employer("Rantalomat", make_user("omistaja@example.com"), "781")
    job = make_job(employer, status="published", contact_email="")
    applicant = make_user("hakija@example.com")
    queued = []

    def enqueue(**message):
        if message["to"] == [applicant.email]:
            raise ConnectionError("the task queue is down")
        queued.append(message["to"])

    monkeypatch.setattr("nelinvoimaa.emails.send_email", SimpleNamespace(enqueue=enqueue))
    application = make_application(job, applicant, cv=True)
    assert Application.objects.get() == application
    assert (settings.PRIVATE_MEDIA_ROOT / application.cv.name).exists()
    assert queued == [["omistaja@example.com"]]
    assert "the task queue is down" in caplog.text


def test_the_daily_run_deletes_old_cv_files_no_application_refers_to(
    jobseeker, job, settings, monkeypatch
):
    """What a crash between writing a CV and committing its row leaves behind goes after a
    day; the CVs of applications, fresh files and CVs kept for a retry stay."""
    import os
    import time

    monkeypatch.setattr("applications.models.ORPHAN_BATCH", 2)  # several batches
    application = make_application(job, jobseeker, cv=True)
    cvs = settings.PRIVATE_MEDIA_ROOT / "cvs"
    pending = settings.PRIVATE_MEDIA_ROOT / "pending"
    pending.mkdir()
    orphans = [cvs / f"orphan{n}.pdf" for n in range(3)]
    fresh, kept_for_retry = cvs / "fresh.pdf", pending / "0123456789abcdef0123456789abcdef.pdf"
    two_days_ago = time.time() - 2 * 86400
    for path in [*orphans, fresh, kept_for_retry]:
        path.write_bytes(PDF)
    for path in [*orphans, settings.PRIVATE_MEDIA_ROOT / application.cv.name]:
        os.utime(path, (two_days_ago, two_days_ago))
    call_command("delete_expired_applications")
    assert not any(path.exists() for path in orphans)
    assert fresh.exists() and (settings.PRIVATE_MEDIA_ROOT / application.cv.name).exists()
    assert kept_for_retry.exists()
    assert Application.objects.get().cv.name == application.cv.name


def damaged_odt(how):
    content = odt()
    if how == "version":  # a zip of a version Python cannot read ("zip file version 9.9")
        central = content.index(b"PK\x01\x02")
        return content[: central + 6] + b"\x63\x00" + content[central + 8 :]
    if how == "bzip2":  # bzip2 said, but the data is not bzip2
        start = content.index(b"PK\x03\x04")
        content = content[: start + 8] + b"\x0c\x00" + content[start + 10 :]
        central = content.index(b"PK\x01\x02")
        return content[: central + 10] + b"\x0c\x00" + content[central + 12 :]
    if how == "bad crc":  # the mimetype member's bytes changed after its checksum was written
        return content.replace(b"application/vnd.oasis", b"applicatiom/vnd.oasis", 1)
    # an unknown compression method (99) in the local header and the central directory
    start = content.index(b"PK\x03\x04")
    content = content[: start + 8] + b"\x63\x00" + content[start + 10 :]
    central = content.index(b"PK\x01\x02")
    return content[: central + 10] + b"\x63\x00" + content[central + 12 :]


@pytest.mark.parametrize("how", ["bad crc", "unknown compression", "version", "bzip2"])
def test_a_damaged_odt_is_refused_with_a_message_not_an_error_page(
    client, jobseeker, job, how, django_capture_on_commit_callbacks
):
    client.force_login(jobseeker)
    response = apply(
        client,
        job,
        django_capture_on_commit_callbacks,
        cv=SimpleUploadedFile("cv.odt", damaged_odt(how), "application/octet-stream"),
    )
    assert response.status_code == 400
    assert "PDF-, Word" in response.content.decode()
    assert not Application.objects.exists()


def test_pages_of_a_signed_in_user_and_their_cv_are_never_stored(client, jobseeker, job):
    application = make_application(job, jobseeker, cv=True)
    client.force_login(jobseeker)
    for url in [
        "/fi/dashboard/",
        "/fi/dashboard/my-data/",
        "/fi/dashboard/profile/",
        f"/fi/jobs/applications/{application.pk}/cv/",
        "/fi/jobs/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_job_that_is_not_public_answers_apply_as_a_missing_one(client, jobseeker, employer):
    client.force_login(jobseeker)
    missing = client.get("/fi/jobs/999999/apply/")
    for status in ["draft", "submitted", "rejected"]:
        job = make_job(employer, status=status, title="Salainen otsikko")
        response = client.get(f"/fi/jobs/{job.pk}/apply/")
        assert response.status_code == missing.status_code == 404
        assert "salainen" not in response.get("Location", "")


def test_a_cv_is_readable_by_its_owner_and_the_front_servers_group_only(jobseeker, job, settings):
    application = make_application(job, jobseeker, cv=True)
    path = settings.PRIVATE_MEDIA_ROOT / application.cv.name
    assert path.stat().st_mode & 0o777 == 0o640
    assert path.parent.stat().st_mode & 0o7777 == 0o2750


def test_a_superuser_reads_others_cvs_only_with_two_factor_authentication(
    client, superuser, application, settings
):
    """The admin asks a superuser for two-factor authentication; so does every CV it opens."""
    from tests.conftest import with_mfa

    settings.ADMIN_REQUIRE_MFA = True
    client.force_login(superuser)
    assert client.get(f"/fi/jobs/applications/{application.pk}/cv/").status_code == 404
    with_mfa(superuser)
    assert client.get(f"/fi/jobs/applications/{application.pk}/cv/").status_code == 200
