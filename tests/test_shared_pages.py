"""The job page and the job list are rendered once per change for everyone, signed-in users
included (nelinvoimaa/personal.py): each signed-in request renders only its personal parts.
What one person sees of those parts never reaches another."""

import re

import pytest
from django.http import HttpResponse
from django.template import engines
from django.test import Client, RequestFactory

from nelinvoimaa.page_cache import cache_public_page
from tests.conftest import make_application, make_employer, make_job, make_staff, make_user

pytestmark = pytest.mark.usefixtures("seeded_transactional_db")

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def owner(seeded_transactional_db):
    return make_user("omistaja@rantalomat.example.com", full_name="Olli Omistaja")


@pytest.fixture
def job(owner):
    employer = make_employer("Päijänteen Rantalomat Oy", owner, "781", verified=True)
    return make_job(employer, status="published", title="Kokki kesäksi")


def signed_in(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_each_person_gets_their_own_buttons_and_token_on_the_same_page(job):
    saver, applicant = make_user("saver@example.com"), make_user("applicant@example.com")
    make_application(job, applicant)
    saver_client, applicant_client = signed_in(saver), signed_in(applicant)
    url = job.get_absolute_url()
    html(saver_client, url)  # the shared render is made here, for whoever comes first
    save = html(saver_client, url)
    assert "Tallenna työpaikka" in save and "Hait tätä paikkaa" not in save
    applied = html(applicant_client, url)
    assert "Hait tätä paikkaa" in applied and "Hae tätä paikkaa" not in applied
    # The saver's form works with the token of their own page, not with the other's.
    other_token = TOKEN.search(applied)[1]
    response = saver_client.post(f"/fi/saved/{job.pk}/save/", {"csrfmiddlewaretoken": other_token})
    assert response.status_code == 403
    own_token = TOKEN.search(save)[1]
    response = saver_client.post(f"/fi/saved/{job.pk}/save/", {"csrfmiddlewaretoken": own_token})
    assert response.status_code == 302
    assert "Poista tallennetuista" in html(saver_client, url)
    assert "Poista tallennetuista" not in html(applicant_client, url)
    assert "Poista tallennetuista" not in html(Client(), url)


def test_the_menu_and_messages_are_the_persons_own(job, owner):
    owner_client, other = signed_in(owner), signed_in(make_user("muu@example.com"))
    url = job.get_absolute_url()
    page = html(owner_client, url)
    assert "Kirjaudu ulos" in page and "Hallinnoi ilmoitusta" in page
    assert "Hallinnoi ilmoitusta" not in html(other, url)
    token = TOKEN.search(html(other, url))[1]
    other.post(f"/fi/saved/{job.pk}/save/", {"csrfmiddlewaretoken": token, "next": url})
    page = html(other, url)
    assert page.count('class="message success"') == 1
    assert 'class="message' not in html(other, url)  # shown once
    assert 'class="message' not in html(owner_client, url)
    visitor = html(Client(), url)
    assert "Kirjaudu sisään" in visitor and "Kirjaudu ulos" not in visitor


def test_the_list_marks_the_persons_own_saved_jobs(job, employer):
    saver = make_user("saver@example.com")
    saver.saved_jobs.create(job=job)
    second = make_job(employer, status="published", title="Siivooja")
    saver.saved_jobs.create(job=second)
    page = html(signed_in(saver), "/fi/jobs/")
    assert page.count("Poista tallennetuista") == 2 and "Tallenna työpaikka" not in page
    other = html(signed_in(make_user("muu@example.com")), "/fi/jobs/")
    assert "Tallenna työpaikka" in other and "Poista tallennetuista" not in other


def test_a_signed_in_request_renders_only_its_personal_parts(job, django_assert_num_queries):
    client = signed_in(make_user("hakija@example.com"))
    for _asked in range(2):  # the second asking renders the page to share (test below)
        html(client, job.get_absolute_url())
        html(client, "/fi/jobs/")
    # The session (the tests' cache does not keep it), then the user and what they have to
    # do with the job (member, saved, applied) in one query.
    with django_assert_num_queries(2):
        assert "Kokki kesäksi" in html(client, job.get_absolute_url())
    # The session, then the user and the jobs they saved in one query.
    with django_assert_num_queries(2):
        assert "Kokki kesäksi" in html(client, "/fi/jobs/")


def test_a_page_asked_once_is_made_for_its_person_and_shared_when_asked_again(job, employer):
    """Most searches are typed once: the first asking of a page in a version is rendered for
    its person alone, which costs less than rendering it to share and filling it in; the
    second renders it to share. Either way each person gets their own menu and buttons."""
    from django.core.cache import caches

    pages = caches["pages"]

    def shared():
        return [k for k in pages._cache if ":shared:" in k and not k.endswith(":asked")]

    first, second = make_user("eka@example.com"), make_user("toka@example.com")
    first.saved_jobs.create(job=job)
    page = html(signed_in(first), "/fi/jobs/?q=kokki")
    assert not shared()
    assert page.count("Poista tallennetuista") == 1
    page = html(signed_in(second), "/fi/jobs/?q=kokki")
    assert len(shared()) == 1
    assert page.count("Poista tallennetuista") == 0 and page.count("Tallenna työpaikka") == 1
    page = html(signed_in(first), "/fi/jobs/?q=kokki")  # from the shared render
    assert page.count("Poista tallennetuista") == 1 and page.count("Tallenna työpaikka") == 0


def test_a_change_shows_on_the_next_signed_in_request(job, owner):
    client = signed_in(make_user("hakija@example.com"))
    html(client, job.get_absolute_url())
    job.title = "Keittiöapulainen"
    job.save_edit(owner)
    assert "Keittiöapulainen" in html(client, job.get_absolute_url())
    assert "Keittiöapulainen" in html(client, "/fi/jobs/")


def test_a_page_with_a_token_outside_its_personal_parts_is_not_shared(owner):
    """A CSRF token outside a {% personal %} block would be one person's, shown to all: such a
    page is rendered for each person instead."""
    template = engines["django"].from_string(
        "{% load portal %}<form>{% csrf_token %}</form>"
        "{% personal %}{{ user.email }}{% endpersonal %}"
    )
    view = cache_public_page(
        lambda request: HttpResponse(template.render(request=request)), signed_in=True
    )
    others = make_user("toinen@example.com")
    pages = []
    for user in (owner, others, owner):
        request = RequestFactory().get("/fi/shared-test/")
        request.COOKIES["sessionid"] = "x"
        request.user = user
        request.session = Client().session
        pages.append(view(request).content.decode())
    assert owner.email in pages[0] and others.email in pages[1]
    assert TOKEN.search(pages[0])[1] != TOKEN.search(pages[1])[1]


def test_a_session_from_before_a_password_change_gets_nothing_read_for_its_user(job):
    """The job page reads its user and what they have to do with the job in one query
    (nelinvoimaa.auth.load_user_along); Django still checks the session against the user,
    so a session from before the password changed is signed out and shown nothing of theirs."""
    applicant = make_user("applicant@example.com")
    make_application(job, applicant)
    client = signed_in(applicant)
    url = job.get_absolute_url()
    assert "Hait tätä paikkaa" in html(client, url)
    applicant.set_password("uusi-salasana-2026")
    applicant.save()
    page = html(client, url)
    assert "Hait tätä paikkaa" not in page and "Kirjaudu sisään" in page
    assert "Kirjaudu ulos" not in page


def test_the_state_read_with_the_user_is_the_jobs_own(job, owner):
    """One person's state for one job is never another job's: a member of the job's
    employer sees "Manage this job" on its page and not on another employer's job."""
    others = make_employer("Hartolan Huolto Oy", make_user("toinen@example.com"), "081")
    other_job = make_job(others, status="published", title="Huoltomies")
    client = signed_in(owner)
    assert "Hallinnoi ilmoitusta" in html(client, job.get_absolute_url())
    assert "Hallinnoi ilmoitusta" not in html(client, other_job.get_absolute_url())
    assert "Hallinnoi ilmoitusta" in html(client, job.get_absolute_url())


def test_the_shared_list_keeps_of_its_jobs_only_what_their_buttons_read(job, employer):
    """The shared render of a list keeps each job as the few values its personal parts read
    (personal.Kept), not as a model instance: it pickles in a third of the time, and a
    signed-in view makes each job again of them."""
    from django.core.cache import caches
    from django.db.models import Model

    from nelinvoimaa.personal import Kept

    second = make_job(employer, status="published", title="Siivooja")
    saver = make_user("saver@example.com")
    saver.saved_jobs.create(job=second)
    client = signed_in(saver)
    html(client, "/fi/jobs/")
    html(client, "/fi/jobs/")
    pages = caches["pages"]
    # The cache's own keys are ":1:" (its version) and the page's.
    shared = [
        key.removeprefix(":1:")
        for key in pages._cache
        if ":shared:" in key and not key.endswith(":asked")
    ]
    assert len(shared) == 1
    _chunks, slots, _content_type = pages.get(shared[0])

    def walk(value):
        yield value
        if isinstance(value, tuple | list):
            for item in value:
                yield from walk(item)

    kept = [value for value in walk(slots) if isinstance(value, Kept)]
    assert not [value for value in walk(slots) if isinstance(value, Model)]
    assert {value.parts[0][0] for value in kept} == {job.pk, second.pk}
    # Made again for the next view: the saved one is marked, the other offered to be saved.
    page = html(client, "/fi/jobs/")
    assert page.count("Poista tallennetuista") == 1 and page.count("Tallenna työpaikka") == 1


@pytest.mark.parametrize(
    ("language", "sign_out", "save", "alert"),
    [
        ("fi", "Kirjaudu ulos", "Tallenna työpaikka", "Tallenna hakuvahti"),
        ("sv", "Logga ut", "Spara jobbet", "Spara jobbevakningen"),
        ("en", "Sign out", "Save job", "Save job alert"),
    ],
)
def test_the_menu_buttons_and_alert_form_speak_the_pages_language(
    job, language, sign_out, save, alert
):
    """Their words and addresses are made once per language in each worker: each language's
    page, asked one after another, gets its own."""
    client = signed_in(make_user("hakija@example.com"))
    for other in ("fi", "sv", "en"):
        html(client, f"/{other}/jobs/")  # every language's parts made in this worker first
    page = html(client, f"/{language}/jobs/")
    assert sign_out in page and save in page and alert in page
    assert f'action="/{language}/accounts/logout/"' in page
    assert f'action="/{language}/saved/{job.pk}/save/"' in page
    assert f'action="/{language}/alerts/new/"' in page
    assert TOKEN.search(page)  # each form with the person's own token (checked above)


def test_only_staff_get_the_administration_link_in_their_menu(job):
    staff = signed_in(make_staff("virkailija@sysma.fi", "781"))
    assert 'href="/admin/"' in html(staff, "/fi/jobs/")
    assert 'href="/admin/"' not in html(signed_in(make_user("hakija@example.com")), "/fi/jobs/")
    assert 'href="/admin/"' in html(staff, job.get_absolute_url())
