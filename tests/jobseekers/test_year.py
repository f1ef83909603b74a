"""A year of work and the jobs for you."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from applications.models import Application
from jobseekers.models import Profile, SavedJob
from nelinvoimaa.models import Municipality, Sector
from tests.conftest import make_application, make_employer, make_job, make_user
from trainings.factories import at, make_enrolment, make_training


def in_months(first, last):
    """Dates from the first day of the month `first` months ahead to the last of `last`."""
    today = timezone.localdate().replace(day=1)

    def month(n):
        index = today.month - 1 + n
        return date(today.year + index // 12, index % 12 + 1, 1)

    return {"start_date": month(first), "end_date": month(last + 1) - timedelta(days=1)}


@pytest.fixture
def profile(jobseeker):
    profile = Profile.objects.create(user=jobseeker, months=0b111111111111)
    profile.municipalities.add(Municipality.objects.get(code="781"))
    return profile


def test_the_year_shows_my_jobs_and_jobs_for_the_gaps(client, jobseeker, employer, profile):
    hired = make_job(employer, status="published", title="Kesäkokki", **in_months(1, 2))
    make_application(hired, jobseeker, Application.Status.HIRED)
    applied = make_job(employer, status="published", title="Syyssiivooja", **in_months(4, 4))
    make_application(applied, jobseeker)
    saved = make_job(employer, status="published", title="Joulumyyjä", **in_months(6, 6))
    SavedJob.objects.save_for(jobseeker, saved)
    make_job(employer, status="published", title="Talvityö", **in_months(8, 9))
    hartola = make_employer("Hartolan Hoiva", make_user("h@example.com"), "081")
    make_job(hartola, status="published", title="Hartolan työ", **in_months(8, 9))
    make_job(employer, status="published", title="Liian pitkä", **in_months(3, 9))
    client.force_login(jobseeker)
    html = client.get("/fi/year/").content.decode()
    assert "Kesäkokki" in html and "Syyssiivooja" in html and "Joulumyyjä" in html
    assert html.count("<strong>Aukko</strong>") == 12 - 3  # two months hired, one applied
    assert "Talvityö" in html  # in a gap, in Sysmä
    assert "Hartolan työ" not in html  # not in the profile's municipalities
    assert "Liian pitkä" not in html  # its dates do not fall within one gap


def sessions_in(first, last):
    """One session on the first day of the month `first` months ahead, one on the last day of
    the month `last`."""
    dates = in_months(first, last)
    return [
        (at(dates["start_date"], 9), at(dates["start_date"], 15), "Kunnantalo"),
        (at(dates["end_date"], 9), at(dates["end_date"], 15), "Kunnantalo"),
    ]


def test_enrolled_trainings_fill_their_months_and_say_whether_the_place_is_confirmed(
    client, jobseeker, employer, profile
):
    school = make_employer("Gradia", make_user("g@example.com"), "172", kind="school")
    full = make_training(
        school, "published", title="Täysi kurssi", capacity=1, sessions=sessions_in(4, 4)
    )
    make_enrolment(full, make_user("first@example.com"))
    waiting = make_enrolment(full, jobseeker)
    assert waiting.status == "waitlisted"
    enrolled = make_training(
        school, "published", title="Lähihoitajan polku", sessions=sessions_in(1, 3)
    )
    make_enrolment(enrolled, jobseeker)
    dropped = make_training(school, "published", title="Peruttu ilmoittautuminen")
    make_enrolment(dropped, jobseeker).cancel()
    called_off = make_training(school, "published", title="Peruttu koulutus")
    make_enrolment(called_off, jobseeker)
    called_off.cancel(school.memberships.get().user)
    client.force_login(jobseeker)
    html = client.get("/fi/year/").content.decode()
    rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr")[1:]
    for n in (1, 2, 3):
        assert "Lähihoitajan polku</a> (ilmoittautunut)" in rows[n] and "Koulutus" in rows[n]
    assert "Täysi kurssi</a> (varasijalla)" in rows[4]
    assert "Lähihoitaja" not in rows[0] + rows[5]
    assert "Peruttu" not in html
    # The months of the trainings are no gaps.
    assert html.count("<strong>Aukko</strong>") == 12 - 4


def test_the_year_works_without_a_profile(client, jobseeker):
    client.force_login(jobseeker)
    assert client.get("/fi/year/").status_code == 200


def test_the_year_is_only_mine(client, jobseeker, employer):
    job = make_job(employer, status="published", title="Salainen", **in_months(1, 1))
    make_application(job, jobseeker)
    client.force_login(make_user("muu@example.com"))
    html = client.get("/fi/year/").content.decode()
    assert "Salainen</a>" not in html.split("<tbody>")[1].split("</tbody>")[0]


def test_visitors_are_sent_to_sign_in(client, db):
    response = client.get("/fi/year/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_year_runs_a_fixed_number_of_queries(
    client, jobseeker, employer, profile, django_assert_num_queries
):
    for n in range(4):
        job = make_job(employer, status="published", title=f"Haettu {n}", **in_months(n, n))
        make_application(job, jobseeker)
        SavedJob.objects.save_for(
            jobseeker, make_job(employer, status="published", **in_months(n + 4, n + 4))
        )
        make_job(employer, status="published", title=f"Aukkoon {n}", **in_months(9, 9))
        training = make_training(employer, "published", title=f"Kurssi {n}")
        make_enrolment(training, jobseeker)
    client.force_login(jobseeker)
    # session, user, profile, its municipalities, applications, saved jobs, enrolments (with
    # their trainings, one query however many), jobs for the gaps, whether the profile has
    # municipalities, footer
    with django_assert_num_queries(10):
        assert client.get("/fi/year/").status_code == 200


def test_jobs_for_you_say_why(client, jobseeker, employer, profile, django_assert_num_queries):
    profile.sectors.add(Sector.objects.get(slug="tourism"))
    profile.months = 1 << 6  # July
    profile.save()
    make_job(
        employer,
        status="published",
        title="Heinäkuun kokki",
        start_date=date(2027, 7, 1),
        end_date=date(2027, 7, 31),
    )
    applied = make_job(employer, status="published", title="Jo haettu")
    make_application(applied, jobseeker)
    client.force_login(jobseeker)
    html = client.get("/fi/dashboard/").content.decode()
    section = html.split("Sinulle sopivia työpaikkoja")[1].split("<h2")[0]
    assert "Heinäkuun kokki" in section
    assert "Miksi: heinäkuu, Sysmä, Matkailu" in section
    assert "Jo haettu" not in section


def test_no_jobs_for_you_without_a_profile(client, jobseeker, employer):
    make_job(employer, status="published")
    client.force_login(jobseeker)
    assert "Sinulle sopivia työpaikkoja" not in client.get("/fi/dashboard/").content.decode()


def test_the_dashboard_with_jobs_for_you_runs_a_fixed_number_of_queries(
    client, jobseeker, employer, profile, django_assert_num_queries
):
    profile.sectors.add(Sector.objects.get(slug="tourism"))
    for n in range(6):
        make_job(employer, status="published", title=f"Työ {n}")
    client.force_login(jobseeker)
    # session, user, profile, its sectors and municipalities, the jobs for you, saved jobs,
    # alerts, applications, memberships, enrolments (trainings), footer
    with django_assert_num_queries(12):
        assert "Työ 5" in client.get("/fi/dashboard/").content.decode()
