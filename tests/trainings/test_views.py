"""Enrolling through the pages, the dashboard, the organiser's pages, and who may do what."""

import csv
import io

import pytest
from django.core import mail
from icalendar import Calendar

from employers.factories import add_member
from tests.conftest import make_user
from trainings.factories import make_enrolment, make_training
from trainings.models import CalendarFeed, Enrolment, Training


def enrol_data(**extra):
    return {"consent": "on", "answer_0": "Vanhusten hoito", "answer_1": "Kyllä", **extra}


def test_enrolling_through_the_form(client, training, student, care_home):
    client.force_login(student)
    url = f"/fi/trainings/{training.pk}/enrol/"
    page = client.get(url).content.decode()
    assert "Mikä sinua kiinnostaa hoitotyössä?" in page
    assert "Hoivakoti Kotirinne" in page
    response = client.post(url, enrol_data(placements=[care_home.pk], wants_visit="on"))
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=student)
    assert enrolment.status == "enrolled"
    assert enrolment.answers == [
        {"question": "Mikä sinua kiinnostaa hoitotyössä?", "answer": "Vanhusten hoito"},
        {"question": "Tarvitsetko kyydin Sysmästä?", "answer": "Kyllä"},
    ]
    assert enrolment.wants_visit


def test_a_forged_placement_is_a_message_and_nothing_is_saved(client, training, student):
    client.force_login(student)
    response = client.post(f"/fi/trainings/{training.pk}/enrol/", enrol_data(placements=["999999"]))
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert "Vanhusten hoito" in response.content.decode()  # what was typed stays
    assert not Enrolment.objects.exists()


def test_without_consent_the_form_says_so(client, training, student):
    client.force_login(student)
    response = client.post(f"/fi/trainings/{training.pk}/enrol/", {"answer_0": "x"})
    assert response.status_code == 200
    assert not Enrolment.objects.exists()


def test_a_double_submit_enrols_once(client, training, student):
    client.force_login(student)
    url = f"/fi/trainings/{training.pk}/enrol/"
    client.post(url, enrol_data())
    response = client.post(url, enrol_data())
    assert response.status_code == 302
    assert Enrolment.objects.filter(user=student).count() == 1


def test_a_full_training_puts_one_on_the_waitlist(client, training, student, outsider, jobseeker):
    make_enrolment(training, outsider)
    make_enrolment(training, jobseeker)
    client.force_login(student)
    response = client.post(f"/fi/trainings/{training.pk}/enrol/", enrol_data(), follow=True)
    assert Enrolment.objects.get(user=student).status == "waitlisted"
    assert response.status_code == 200


def test_a_cancelled_training_says_so_instead_of_a_form(client, training, student):
    training.cancel(None)
    client.force_login(student)
    response = client.get(f"/fi/trainings/{training.pk}/enrol/", follow=True)
    assert response.status_code == 200
    assert not Enrolment.objects.exists()


def test_the_dashboard_lists_my_enrolments_and_cancels_one(client, training, student):
    enrolment = make_enrolment(training, student)
    client.force_login(student)
    assert "Lähellä lähihoitajaksi" in client.get("/fi/dashboard/").content.decode()
    client.post(f"/fi/trainings/enrolments/{enrolment.pk}/cancel/")
    enrolment.refresh_from_db()
    assert enrolment.status == "cancelled"


def test_another_users_enrolment_cannot_be_cancelled(client, training, student, outsider):
    enrolment = make_enrolment(training, student)
    client.force_login(outsider)
    assert client.post(f"/fi/trainings/enrolments/{enrolment.pk}/cancel/").status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status == "enrolled"


def test_the_private_calendar_has_my_sessions_and_a_renewed_address_ends_the_old(
    client, training, student
):
    make_enrolment(training, student)
    client.force_login(student)
    client.post("/fi/trainings/calendar/renew/")
    feed = CalendarFeed.objects.get(user=student)
    client.logout()
    old = feed.get_absolute_url()
    calendar = Calendar.from_ical(client.get(old).content)
    events = list(calendar.walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == ["Lähellä lähihoitajaksi"]
    assert str(events[0]["DTSTART"].dt.tzinfo) == "Europe/Helsinki"
    client.force_login(student)
    client.post("/fi/trainings/calendar/renew/", {"renew": "1"})
    client.logout()
    assert client.get(old).status_code == 404
    feed.refresh_from_db()
    assert client.get(feed.get_absolute_url()).status_code == 200


def test_an_organiser_creates_a_training_with_sessions_and_publishes_it(
    client, school, school_owner
):
    from nelinvoimaa.models import Municipality, Sector

    client.force_login(school_owner)
    data = {
        "title": "Yrittäjyyden perusteet",
        "description": "Liiketoimintasuunnitelma ja talous.",
        "language": "fi",
        "kind": "entrepreneurship",
        "format": "on_site",
        "sectors": [Sector.objects.get(slug="other").pk],
        "for_jobseekers": "on",
        "municipality": Municipality.objects.get(code="781").pk,
        "price": "0",
        "capacity": "15",
        "enrolment_closes": "2099-01-01",
        "sessions-TOTAL_FORMS": "2",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "30",
        "sessions-0-starts_at": "2099-02-01T17:00",
        "sessions-0-ends_at": "2099-02-01T20:00",
        "sessions-0-place": "Sysmän kirjasto",
    }
    response = client.post(f"/fi/trainings/for/{school.slug}/new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    training = Training.objects.get(title="Yrittäjyyden perusteet")
    assert training.sessions.count() == 1
    assert training.starts_at.hour == 15  # 17.00 in Helsinki is 15.00 UTC in winter
    assert "yrittäjyys" in training.search_words
    client.post(f"/fi/trainings/{training.pk}/submit/")
    training.refresh_from_db()
    assert training.status == "published"  # a verified school


def test_a_session_that_ends_before_it_starts_is_an_error_and_nothing_is_saved(
    client, school, school_owner
):
    client.force_login(school_owner)
    data = {
        "title": "Kurssi",
        "description": "x",
        "language": "fi",
        "kind": "short_course",
        "format": "online",
        "price": "0",
        "capacity": "5",
        "enrolment_closes": "2099-01-01",
        "sessions-TOTAL_FORMS": "1",
        "sessions-INITIAL_FORMS": "0",
        "sessions-0-starts_at": "2099-02-01T17:00",
        "sessions-0-ends_at": "2099-02-01T16:00",
    }
    response = client.post(f"/fi/trainings/for/{school.slug}/new/", data)
    assert response.status_code == 200
    assert not Training.objects.exists()


def test_the_organiser_sees_enrolees_exports_csv_and_marks_attendance(
    client, training, school_owner, student, outsider, jobseeker
):
    make_enrolment(training, student)
    make_enrolment(training, outsider)
    Enrolment.objects.filter(user=student).update(
        answers=[{"question": "Mikä sinua kiinnostaa hoitotyössä?", "answer": "=HYPERLINK(1)"}]
    )
    make_enrolment(training, jobseeker)
    client.force_login(school_owner)
    page = client.get(f"/fi/trainings/{training.pk}/enrolees/").content.decode()
    assert "Olga Opiskelija" in page and "Jonna Työnhakija" in page
    response = client.get(f"/fi/trainings/{training.pk}/enrolees.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 4
    assert rows[1][5] == "'=HYPERLINK(1)"
    enrolment = Enrolment.objects.get(user=student)
    client.post(
        f"/fi/trainings/{training.pk}/enrolees/{enrolment.pk}/mark/", {"status": "completed"}
    )
    enrolment.refresh_from_db()
    assert enrolment.status == "completed"
    waiting = Enrolment.objects.get(user=jobseeker)
    client.post(f"/fi/trainings/{training.pk}/enrolees/{waiting.pk}/mark/", {"status": "completed"})
    waiting.refresh_from_db()
    assert waiting.status == "waitlisted"


def test_the_organiser_cancels_the_training_and_enrolees_are_told(
    client, training, school_owner, student, django_capture_on_commit_callbacks
):
    make_enrolment(training, student)
    client.force_login(school_owner)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fi/trainings/{training.pk}/cancel/", {"reason": "Sairastuminen"})
    training.refresh_from_db()
    assert training.status == "cancelled"
    assert any(m.to == [student.email] and "Sairastuminen" in m.body for m in mail.outbox)


# Who may do what ------------------------------------------------------------------------


@pytest.fixture
def people(training, school, school_owner, student, outsider, other_provider_owner):
    recruiter = make_user("rekry@gradia.example.com")
    add_member(school, recruiter)
    from tests.conftest import make_staff

    return {
        "anonymous": None,
        "enrolee": student,
        "other user": outsider,
        "owner": school_owner,
        "member": recruiter,
        "other organiser": other_provider_owner,
        "moderator": make_staff("m@joutsa.example.com", "172"),
        "superuser": make_user("root@example.com", is_staff=True, is_superuser=True),
    }


ORGANISER_PAGES = ["manage/", "edit/", "enrolees/", "enrolees.csv"]
MEMBERS = {"owner", "member"}


@pytest.mark.parametrize("path", ORGANISER_PAGES)
@pytest.mark.parametrize(
    "who",
    [
        "anonymous",
        "enrolee",
        "other user",
        "owner",
        "member",
        "other organiser",
        "moderator",
        "superuser",
    ],
)
def test_only_the_organisers_members_reach_its_pages(client, training, people, who, path):
    make_enrolment(training, people["enrolee"])
    if people[who]:
        client.force_login(people[who])
    response = client.get(f"/fi/trainings/{training.pk}/{path}")
    if who == "anonymous":
        assert response.status_code == 302
    elif who in MEMBERS:
        assert response.status_code == 200
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("action", ["submit/", "close/", "cancel/"])
@pytest.mark.parametrize("who", ["enrolee", "other user", "other organiser", "moderator"])
def test_others_cannot_change_a_training(client, training, people, who, action):
    client.force_login(people[who])
    assert client.post(f"/fi/trainings/{training.pk}/{action}").status_code == 404
    training.refresh_from_db()
    assert training.status == "published"


@pytest.mark.parametrize("who", ["enrolee", "other user", "other organiser", "moderator"])
def test_others_cannot_mark_attendance(client, training, people, who):
    enrolment = make_enrolment(training, people["enrolee"])
    client.force_login(people[who])
    url = f"/fi/trainings/{training.pk}/enrolees/{enrolment.pk}/mark/"
    assert client.post(url, {"status": "completed"}).status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status == "enrolled"


def test_an_enrolment_of_another_training_is_a_404_under_this_one(
    client, training, school, school_owner, student
):
    other = make_training(school, "published", title="Toinen")
    enrolment = make_enrolment(other, student)
    client.force_login(school_owner)
    url = f"/fi/trainings/{training.pk}/enrolees/{enrolment.pk}/mark/"
    assert client.post(url, {"status": "completed"}).status_code == 404


@pytest.mark.parametrize("who", ["other user", "other organiser", "enrolee"])
def test_another_organisers_trainings_page_and_new_training_are_a_404(client, school, people, who):
    client.force_login(people[who])
    assert client.get(f"/fi/trainings/for/{school.slug}/").status_code == 404
    assert client.get(f"/fi/trainings/for/{school.slug}/new/").status_code == 404


def test_members_see_their_organisers_trainings(client, school, people):
    client.force_login(people["member"])
    response = client.get(f"/fi/trainings/for/{school.slug}/")
    assert "Lähellä lähihoitajaksi" in response.content.decode()


def test_the_employer_menu_links_to_trainings(client, school, school_owner):
    client.force_login(school_owner)
    assert f"/fi/trainings/for/{school.slug}/" in client.get("/fi/dashboard/").content.decode()


def test_the_organisers_page_takes_a_fixed_number_of_queries(
    client, school, school_owner, django_assert_num_queries
):
    for n in range(4):
        make_training(school, "published", title=f"Kurssi {n}")
    client.force_login(school_owner)
    client.get("/fi/")  # the session is warm, the footer's pages read
    with django_assert_num_queries(4):
        client.get(f"/fi/trainings/for/{school.slug}/")


def test_the_dashboard_takes_a_fixed_number_of_queries_for_enrolments(
    client, school, student, django_assert_num_queries
):
    for n in range(3):
        make_enrolment(make_training(school, "published", title=f"Kurssi {n}"), student)
    client.force_login(student)
    client.get("/fi/dashboard/")  # the footer's pages read once
    # and the jobseekers app's three: jobseeker profile, saved jobs, job alerts
    with django_assert_num_queries(9):
        client.get("/fi/dashboard/")


def test_a_school_is_not_asked_for_jobs_but_offered_trainings(client, school, school_owner):
    client.force_login(school_owner)
    page = client.get("/fi/dashboard/").content.decode()
    assert (
        f"/fi/employers/{school.slug}/jobs/new/"
        not in page.split('class="subnav"')[-1].split("</nav>", 1)[-1]
    )
    assert f"/fi/trainings/for/{school.slug}/" in page


def test_more_places_move_the_waitlist_up(training, student, outsider, jobseeker, school_owner):
    make_enrolment(training, student)
    make_enrolment(training, outsider)
    waiting = make_enrolment(training, jobseeker)
    training.capacity = 3
    training.save_edit(school_owner)
    waiting.refresh_from_db()
    assert waiting.status == "enrolled"


def test_a_new_enrolment_shows_at_once_on_the_cached_public_page(
    client, training, student, django_capture_on_commit_callbacks
):
    assert "2 paikkaa vapaana" in client.get(training.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        make_enrolment(training, student)
    assert "1 paikka vapaana" in client.get(training.get_absolute_url()).content.decode()


def test_the_enrolees_page_takes_a_fixed_number_of_queries(
    client, training, school_owner, django_assert_num_queries
):
    for n in range(4):
        make_enrolment(training, make_user(f"e{n}@example.com"))
    client.force_login(school_owner)
    client.get("/fi/")
    # session, user, training, enrolments, their placement wishes (the footer read already)
    with django_assert_num_queries(5):
        client.get(f"/fi/trainings/{training.pk}/enrolees/")


def test_a_session_in_the_past_is_refused(client, school, school_owner):
    client.force_login(school_owner)
    data = {
        "title": "Kurssi",
        "description": "x",
        "language": "fi",
        "kind": "short_course",
        "format": "online",
        "price": "0",
        "capacity": "5",
        "enrolment_closes": "2099-01-01",
        "sessions-TOTAL_FORMS": "1",
        "sessions-INITIAL_FORMS": "0",
        "sessions-0-starts_at": "2001-02-01T17:00",
        "sessions-0-ends_at": "2001-02-01T18:00",
    }
    response = client.post(f"/fi/trainings/for/{school.slug}/new/", data)
    assert response.status_code == 200
    assert not Training.objects.exists()


@pytest.mark.parametrize(
    "field, value",
    [
        ("capacity", "0"),
        ("capacity", "99999999"),
        ("price", "-5"),
        ("price", "abc"),
        ("enrolment_closes", "2001-01-01"),
        ("sessions-0-starts_at", "2099-13-45T99:99"),
        ("placement_employers", "999999"),
        ("sectors", "abc"),
        ("municipality", ""),
    ],
)
def test_bad_training_input_is_a_message_and_nothing_is_saved(
    client, school, school_owner, field, value
):
    client.force_login(school_owner)
    data = {
        "title": "Kurssi",
        "description": "x",
        "language": "fi",
        "kind": "short_course",
        "format": "on_site",
        "price": "0",
        "capacity": "5",
        "municipality": school.municipality_id,
        "enrolment_closes": "2099-01-01",
        "sessions-TOTAL_FORMS": "1",
        "sessions-INITIAL_FORMS": "0",
        "sessions-0-starts_at": "2099-02-01T17:00",
        "sessions-0-ends_at": "2099-02-01T18:00",
        field: value,
    }
    response = client.post(f"/fi/trainings/for/{school.slug}/new/", data)
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert not Training.objects.exists()
