"""The jobseekers' pages are valid HTML (the Nu Html Checker) in three languages."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jobseekers.models import Alert, ContactRequest, PresencePeriod, Profile, SavedJob
from nelinvoimaa.models import Municipality, Sector
from tests.conftest import PDF, make_application, make_employer, make_job, make_user
from tests.test_html_valid import VNU, validate
from trainings.factories import make_enrolment, make_training

pytestmark = pytest.mark.skipif(not VNU.exists(), reason="the Nu Html Checker is not installed")


@pytest.mark.django_db
def test_the_jobseekers_pages_are_valid_html(client, tmp_path):
    owner = make_user("o@example.com")
    employer = make_employer("Lomakylä Vuorenmäki", owner, "781", verified=True)
    summer = {"start_date": date(2027, 6, 1), "end_date": date(2027, 8, 31)}
    job = make_job(employer, status="published", title="Kokki", **summer)
    other = make_job(employer, status="published", title="Siivooja")
    person = make_user("p@example.com")
    make_application(other, person)
    SavedJob.objects.save_for(person, job)
    alert = Alert.objects.create(user=person, query="q=kokki&municipality=1&month=7")
    training_alert = Alert.objects.create(user=person, kind="trainings", query="sector=1&free=on")
    school = make_employer("Gradia", make_user("g@example.com"), "172", kind="school")
    full = make_training(school, "published", title="Ensiapu", capacity=1)
    make_enrolment(full, owner)
    make_enrolment(full, person)  # on the waitlist
    make_enrolment(make_training(school, "published", title="Hygieniapassi"), person)
    profile = Profile.objects.create(user=person, months=0b11100000, phone="040 1")
    profile.sectors.add(Sector.objects.get(slug="tourism"))
    profile.municipalities.add(Municipality.objects.get(code="781"))
    PresencePeriod.objects.create(
        profile=profile,
        municipality=Municipality.objects.get(code="781"),
        starts=date(2027, 6, 15),
        ends=date(2027, 8, 10),
    )
    profile.visible_to_employers = True
    profile.save()
    ContactRequest.objects.create(employer=employer, sent_by=owner, profile=profile, message="Hei")
    token = alert.unsubscribe_token()
    pages = [
        client.get(f"/{language}/alerts/unsubscribe/{each.unsubscribe_token()}/").content
        for language in ("fi", "sv", "en")
        for each in (alert, training_alert)
    ]
    client.force_login(person)
    for language in ("fi", "sv", "en"):
        pages += [
            client.get(f"/{language}/{path}").content
            for path in [
                "dashboard/",
                "saved/",
                "alerts/",
                "my-profile/",
                "year/",
                "jobs/",
                "trainings/?q=ensiapu",
                job.get_absolute_url()[4:],
                f"jobs/{job.pk}/apply/",
            ]
        ]
    bad = SimpleUploadedFile("cv.pdf", b"not a pdf")
    pages.append(client.post("/fi/my-profile/", {"months": ["13"], "cv_file": bad}).content)
    pages.append(
        client.post(
            "/fi/my-profile/presence/",
            {"presence-starts": "2027-02-01", "presence-ends": "2027-01-01"},
        ).content
    )
    pages += [client.get(f"/{lang}/contact-requests/").content for lang in ("fi", "sv", "en")]
    client.force_login(owner)
    pages += [
        client.get(f"/{lang}/find-jobseekers/{employer.slug}/?month=7").content
        for lang in ("fi", "sv", "en")
    ]
    client.force_login(person)
    client.post("/fi/my-profile/", {"cv_file": SimpleUploadedFile("cv.pdf", PDF)})
    pages.append(client.get("/fi/my-profile/").content)
    pages.append(client.post(f"/en/alerts/unsubscribe/{token}/").content)
    html = tmp_path / "html"  # not the private files' folder, which is under tmp_path too
    html.mkdir()
    assert validate(pages, html) == []
