from datetime import timedelta

import pytest
from django.utils import timezone

from applications.models import Application
from jobs.models import Job
from nelinvoimaa.models import Municipality, Sector
from tests.conftest import make_job


def job_form(**changes):
    today = timezone.localdate()
    return {
        "title": "Kokki kesäksi",
        "description": "Lounas ja à la carte.",
        "language": "fi",
        "sector": str(Sector.objects.get(slug="tourism").pk),
        "employment_type": "seasonal",
        "working_time": "full_time",
        "location": str(Municipality.objects.get(code="781").pk),
        "start_date": str(today + timedelta(days=100)),
        "end_date": str(today + timedelta(days=190)),
        "positions": "2",
        "pay_min": "14.50",
        "pay_unit": "hour",
        "apply_method": "here",
        "deadline": str(today + timedelta(days=30)),
        "next": "preview",
    } | changes


def test_every_field_of_the_job_form_is_in_one_of_its_sections(db):
    from jobs.forms import JobForm

    shown = [name for _title, names in JobForm.SECTIONS for name in names]
    assert sorted(shown) == sorted(JobForm().fields)


def test_a_posting_in_english_is_marked_as_english_on_the_finnish_pages(client, employer, owner):
    client.force_login(owner)
    client.post(
        f"/fi/employers/{employer.slug}/jobs/new/",
        job_form(
            title="Summer cook",
            description="Lunch and à la carte.",
            language="en",
            languages="English; Finnish is a plus",
        ),
    )
    job = Job.objects.get()
    assert job.language == "en"
    job.submit(owner)
    job.approve(None)
    html = client.get(job.get_absolute_url()).content.decode()
    assert '<h1 lang="en">Summer cook</h1>' in html
    assert '<div class="prose" lang="en"><p>Lunch and à la carte.</p></div>' in html
    assert '<span lang="en">English; Finnish is a plus</span>' in html
    client.logout()
    assert 'lang="en">Summer cook</a>' in client.get("/fi/jobs/").content.decode()


def test_a_member_creates_a_draft_and_sees_the_preview(client, employer, recruiter):
    client.force_login(recruiter)
    response = client.post(f"/fi/employers/{employer.slug}/jobs/new/", job_form())
    job = Job.objects.get()
    assert response["Location"] == f"/fi/jobs/{job.pk}/manage/"
    assert (job.status, job.created_by, job.employer) == ("draft", recruiter, employer)
    html = client.get(response["Location"]).content.decode()
    assert "Esikatselu" in html and "Lähetä tarkastukseen" in html
    assert "14,50 € tunnilta" in html


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"start_date": "", "end_date": ""}, "start_date", "tarvitaan alkamispäivä"),
        ({"end_date": "2020-01-01"}, "end_date", "ei voi olla ennen alkamispäivää"),
        ({"deadline": "2020-01-01"}, "deadline", "ei voi päättyä menneisyydessä"),
        ({"apply_method": "link"}, "apply_url", "Anna linkki"),
        ({"apply_method": "link", "apply_url": "not a url"}, "apply_url", "URL"),
        ({"apply_method": "email", "apply_email": "nobody"}, "apply_email", "sähköpostiosoite"),
        ({"location": "999999"}, "location", "Valitse oikea vaihtoehto"),
        ({"pay_min": "20", "pay_max": "10"}, "pay_max", "yläraja"),
        ({"pay_unit": ""}, "pay_unit", "tunti- vai kuukausipalkka"),
        ({"employment_type": "full-time-ish"}, "employment_type", "Valitse oikea vaihtoehto"),
    ],
)
def test_the_job_form_explains_what_to_fix_and_keeps_what_was_typed(
    client, employer, owner, changes, field, message
):
    client.force_login(owner)
    response = client.post(f"/fi/employers/{employer.slug}/jobs/new/", job_form(**changes))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert f'id="id_{field}_error"' in html
    assert 'value="Kokki kesäksi"' in html
    assert not Job.objects.exists()


def test_a_permanent_job_needs_no_dates(client, employer, owner):
    client.force_login(owner)
    response = client.post(
        f"/fi/employers/{employer.slug}/jobs/new/",
        job_form(employment_type="permanent", start_date="", end_date=""),
    )
    assert response.status_code == 302


def test_remote_jobs_have_no_municipality(client, employer, owner):
    client.force_login(owner)
    client.post(f"/fi/employers/{employer.slug}/jobs/new/", job_form(location="remote"))
    job = Job.objects.get()
    assert job.is_remote and job.municipality is None


def test_submit_then_the_moderation_trail_shows_on_the_manage_page(
    client, employer, owner, sysma_moderator
):
    job = make_job(employer)
    client.force_login(owner)
    response = client.post(f"/fi/jobs/{job.pk}/submit/", follow=True)
    assert "lähetetty tarkastukseen" in response.content.decode()
    job.refresh_from_db()
    job.reject(sysma_moderator, "Kerro työajoista.")
    html = client.get(f"/fi/jobs/{job.pk}/manage/").content.decode()
    assert "Tarkastaja pyytää korjaamaan tämän" in html and "Kerro työajoista." in html
    assert "(tarkastaja)" in html and sysma_moderator.full_name not in html


def test_a_draft_past_its_deadline_cannot_be_sent(client, employer, owner):
    job = make_job(employer, deadline=timezone.localdate() - timedelta(days=2))
    client.force_login(owner)
    response = client.post(f"/fi/jobs/{job.pk}/submit/")
    assert response["Location"] == f"/fi/jobs/{job.pk}/edit/"
    job.refresh_from_db()
    assert job.status == "draft"


def test_close_and_post_again_from_the_manage_page(client, employer, owner):
    job = make_job(employer, status="published")
    client.force_login(owner)
    client.post(f"/fi/jobs/{job.pk}/close/", {"reason": "Paikka täytetty."})
    job.refresh_from_db()
    assert job.status == "closed"
    response = client.post(f"/fi/jobs/{job.pk}/post-again/")
    copy = Job.objects.exclude(pk=job.pk).get()
    assert response["Location"] == f"/fi/jobs/{copy.pk}/edit/"


def test_editing_keeps_the_job_and_a_closed_job_cannot_be_edited(client, employer, owner):
    job = make_job(employer, status="rejected")
    client.force_login(owner)
    response = client.post(f"/fi/jobs/{job.pk}/edit/", job_form(title="Uusi otsikko"))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.title == "Uusi otsikko" and job.status == "rejected"
    closed = make_job(employer, status="closed")
    response = client.post(f"/fi/jobs/{closed.pk}/edit/", job_form(title="Muutos"))
    assert response.status_code == 302
    closed.refresh_from_db()
    assert closed.title != "Muutos"


# Who may do what: the employer's owner and recruiter may; nobody else even learns the job
# exists unless it is public.
PERSONAS = [
    "owner",
    "recruiter",
    "other_owner",
    "jobseeker",
    "sysma_moderator",
    "hartola_moderator",
    "superuser",
    None,
]
MEMBERS = {"owner", "recruiter"}


@pytest.fixture
def people(owner, recruiter, other_owner, jobseeker, sysma_moderator, hartola_moderator, superuser):
    return {
        "hartola_moderator": hartola_moderator,
        "owner": owner,
        "recruiter": recruiter,
        "other_owner": other_owner,
        "jobseeker": jobseeker,
        "sysma_moderator": sysma_moderator,
        "superuser": superuser,
        None: None,
    }


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", "manage/", "draft"),
        ("get", "edit/", "draft"),
        ("post", "edit/", "draft"),
        ("post", "submit/", "draft"),
        ("post", "close/", "published"),
        ("post", "post-again/", "closed"),
    ],
)
def test_job_tools_permission_matrix(client, employer, people, persona, method, path, status):
    job = make_job(employer, status=status)
    if people[persona]:
        client.force_login(people[persona])
    data = job_form() if path == "edit/" and method == "post" else {}
    response = getattr(client, method)(f"/fi/jobs/{job.pk}/{path}", data)
    after = Job.objects.get(pk=job.pk)
    if persona in MEMBERS:
        assert response.status_code in (200, 302)
    elif persona is None:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert after.status == status and Job.objects.count() == 1
    else:
        assert response.status_code == 404
        assert after.status == status and after.title == job.title and Job.objects.count() == 1


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("status", ["draft", "submitted", "published", "rejected", "closed"])
def test_job_page_visibility(client, employer, people, persona, status):
    job = make_job(employer, status=status)
    if people[persona]:
        client.force_login(people[persona])
    response = client.get(job.get_absolute_url())
    public = status in {"published", "closed"}
    assert response.status_code == (200 if public or persona in MEMBERS else 404)


def test_a_closed_job_says_so(client, employer):
    job = make_job(employer, status="closed")
    assert "suljettu" in client.get(job.get_absolute_url()).content.decode()


def test_the_job_page_redirects_to_its_canonical_slug(client, employer):
    job = make_job(employer, status="published", title="Kokki")
    response = client.get(f"/fi/jobs/{job.pk}/vanha-otsikko/")
    assert response.status_code == 301 and response["Location"] == f"/fi/jobs/{job.pk}/kokki/"


def test_a_job_address_without_its_slug_leads_to_the_page_but_not_a_drafts(client, employer):
    job = make_job(employer, status="published", title="Kokki")
    response = client.get(f"/sv/jobs/{job.pk}/")
    assert response.status_code == 301 and response["Location"] == f"/sv/jobs/{job.pk}/kokki/"
    draft = make_job(employer, status="draft", title="Salainen luonnos")
    assert client.get(f"/fi/jobs/{draft.pk}/").status_code == 404
    assert client.get("/fi/jobs/999999/").status_code == 404


def test_a_job_titled_like_a_tool_keeps_a_distinct_address(client, employer):
    job = make_job(employer, status="published", title="Manage")
    assert job.get_absolute_url() == f"/fi/jobs/{job.pk}/manage-job/"
    assert client.get(job.get_absolute_url()).status_code == 200


def test_dashboard_lists_what_needs_action_with_a_fixed_number_of_queries(
    client, employer, owner, sysma_moderator, django_assert_num_queries
):
    rejected = make_job(employer, status="submitted", title="Hylätty työ")
    rejected.reject(sysma_moderator, "Lisää palkka.")
    make_job(employer, status="draft", title="Keskeneräinen")
    make_job(
        employer,
        status="published",
        title="Pian päättyvä",
        deadline=timezone.localdate() + timedelta(days=2),
    )
    for n in range(5):
        make_job(
            employer,
            status="published",
            title=f"Työ {n}",
            deadline=timezone.localdate() + timedelta(days=30),
        )
    for n in range(3):  # the owner has applied for jobs too
        Application.objects.create(
            job=make_job(employer, status="published", title=f"Haettu {n}"),
            applicant=owner,
            cover_letter="x",
            phone="1",
            consent_at=timezone.now(),
        )
    client.force_login(owner)
    # session, user, memberships, jobs, rejection events, own applications and their
    # history, own enrolments (the trainings app), jobseeker profile, saved jobs, job alerts
    # (the jobseekers app), footer pages
    with django_assert_num_queries(12):
        html = client.get("/fi/dashboard/").content.decode()
    assert "Odottaa toimiasi" in html
    assert "Lisää palkka." in html and "Keskeneräinen" in html and "Pian päättyvä" in html
    assert "Työ 3" in html


def test_the_dashboard_needs_sign_in(client, db):
    assert client.get("/fi/dashboard/")["Location"].startswith("/fi/accounts/login/")
