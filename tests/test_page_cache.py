"""Public pages are cached for visitors, and a change shows on the very next request after it
is committed, however the change was made."""

import threading

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client

from jobs.models import Job
from nelinvoimaa.models import Sector
from nelinvoimaa.page_cache import generation
from tests.conftest import make_employer, make_job, make_user

# Invalidation happens on commit, so these tests commit as the site does.
pytestmark = pytest.mark.usefixtures("seeded_transactional_db")


@pytest.fixture
def owner(seeded_transactional_db):
    return make_user("omistaja@rantalomat.example.com")


@pytest.fixture
def employer(owner):
    return make_employer("Päijänteen Rantalomat Oy", owner, "781")


def html(client, url):
    return client.get(url).content.decode()


def test_a_published_job_shows_on_the_next_request(client, employer):
    assert "Uusi kokki" not in html(client, "/fi/jobs/")
    job = make_job(employer, status="submitted", title="Uusi kokki")
    assert "Uusi kokki" not in html(client, "/fi/jobs/")
    job.approve(None)
    assert "Uusi kokki" in html(client, "/fi/jobs/")
    assert "Uusi kokki" in html(client, "/fi/")


def test_an_edited_or_closed_job_shows_so_at_once(client, employer, owner):
    employer.verify(None)
    job = make_job(employer, status="published", title="Kokki")
    assert "Kokki" in html(client, job.get_absolute_url())
    job.title = "Keittiöapulainen"
    job.save_edit(owner)
    assert "Keittiöapulainen" in html(client, job.get_absolute_url())
    job.close(owner)
    assert "suljettu" in html(client, job.get_absolute_url())
    assert "Keittiöapulainen" not in html(client, "/fi/jobs/")


def test_a_job_listed_before_shows_its_edit_in_any_list_at_once(client, employer, owner):
    """Each job's entry in a list is kept once it is listed, for any list that shows it,
    until the next change."""
    employer.verify(None)  # its edits are published at once
    job = make_job(employer, status="published", title="Kokki")
    reader = make_user("lukija@example.com")
    signed_in = Client()
    signed_in.force_login(reader)
    assert "Kokki" in html(client, "/fi/jobs/") and "Kokki" in html(signed_in, "/fi/jobs/")
    job.title = "Kokki ja tarjoilija"
    job.save_edit(owner)
    for reader_client in (client, signed_in):
        page = html(reader_client, "/fi/jobs/?q=kokki")  # a list not asked before
        assert "Kokki ja tarjoilija" in page
    # The signed-in reader's own part of the entry (the save button) names the new title.
    assert 'class="visually-hidden">: Kokki ja tarjoilija</span>' in html(signed_in, "/fi/jobs/")


def test_a_renamed_employer_shows_at_once(client, employer):
    make_job(employer, status="published")
    assert "Päijänteen Rantalomat Oy" in html(client, "/fi/employers/")
    employer.name = "Järvihelmi Oy"
    employer.save()
    page = html(client, "/fi/employers/")
    assert "Järvihelmi Oy" in page and "Päijänteen Rantalomat Oy" not in page


def test_a_change_that_rolls_back_keeps_the_cached_pages(client, employer):
    make_job(employer, status="published", title="Kokki")
    html(client, "/fi/jobs/")
    before = generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        Job.objects.update(title="Ei koskaan")
        assert generation() == before  # not before the commit
        raise RuntimeError
    assert generation() == before


def test_a_change_invalidates_when_it_commits(employer):
    before = generation()
    with transaction.atomic():
        Job.objects.update(title="Metsuri")
        assert generation() == before
    assert generation() != before


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda: Job.objects.update(title="Metsuri"), id="update"),
        pytest.param(lambda: Job.objects.filter(title="Kokki").delete(), id="delete"),
        pytest.param(
            lambda: Sector.objects.filter(slug="tourism").update(name_fi="Matkailu ja elämykset"),
            id="update-of-a-sector",
        ),
    ],
)
def test_bulk_changes_invalidate_by_themselves(client, employer, change):
    make_job(employer, status="published", title="Kokki")
    before = html(client, "/fi/jobs/")
    assert "Kokki" in before
    change()
    assert html(client, "/fi/jobs/") != before


def test_bulk_created_jobs_show_at_once(client, employer):
    job = make_job(employer, status="published", title="Kokki")
    assert "Metsuri" not in html(client, "/fi/jobs/")
    copy = Job.objects.get(pk=job.pk)
    copy.pk, copy.title = None, "Metsuri"
    Job.objects.bulk_create([copy])
    assert "Metsuri" in html(client, "/fi/jobs/")


@pytest.mark.postgresql
def test_a_reader_between_the_save_and_the_commit_does_not_keep_the_old_page(client, employer):
    """A visitor whose request arrives while a change is saved but not yet committed sees the
    old rows; the page they cache must not outlive the commit."""
    make_job(employer, status="published", title="Kokki")
    url = "/fi/jobs/"
    html(client, url)
    seen = []

    def visitor():
        try:
            seen.append(html(Client(), url))
        finally:
            connection.close()

    with transaction.atomic():
        Job.objects.filter(title="Kokki").update(title="Keittiömestari")
        thread = threading.Thread(target=visitor)
        thread.start()
        thread.join()
    assert "Kokki" in seen[0]  # the reader saw the committed, old row
    assert "Keittiömestari" in html(client, url)


@pytest.mark.postgresql
def test_renaming_a_sector_or_municipality_refreshes_its_jobs_search_words(client, employer):
    make_job(
        employer, status="published", title="Yöapulainen", sector=Sector.objects.get(slug="care")
    )
    assert "Yöapulainen" not in html(client, "/fi/jobs/?q=vanhustyö")
    care = Sector.objects.get(slug="care")
    care.name_fi = "Vanhustyö"
    care.save()
    assert "Yöapulainen" in html(client, "/fi/jobs/?q=vanhustyö")
    sysma = employer.municipality
    sysma.name_fi = "Sysmä-Päijänne"
    sysma.save()
    assert "Yöapulainen" in html(client, "/fi/jobs/?q=päijänne")


def test_visitors_get_the_cached_page_without_queries(client, employer, django_assert_num_queries):
    make_job(employer, status="published")
    client.get("/fi/jobs/")
    with django_assert_num_queries(0):
        assert client.get("/fi/jobs/").status_code == 200


def test_signed_in_users_always_get_a_fresh_page(client, owner, employer):
    client.force_login(owner)
    client.get("/fi/jobs/")
    assert "Kirjaudu ulos" in html(client, "/fi/jobs/")
    client.logout()
    assert "Kirjaudu ulos" not in html(client, "/fi/jobs/")


def test_each_language_and_query_is_its_own_page(client, employer):
    make_job(employer, status="published")
    assert '<html lang="sv">' in html(client, "/sv/jobs/")
    assert '<html lang="fi">' in html(client, "/fi/jobs/")
    assert "0 avointa" in html(client, "/fi/jobs/?q=astronautti")


def test_error_responses_are_not_cached(client):
    client.get("/fi/jobs/999/x/")
    assert not [key for key in caches["pages"]._cache if ":page:" in key]


def test_what_signed_in_pages_share_is_read_once_and_changes_with_the_next_change(owner):
    """Signed-in pages are never cached whole, but the parts everyone sees the same (here the
    footer's site pages) are read once per change in each worker: the next page after a
    change shows it."""
    from nelinvoimaa.models import Page

    signed_in = Client()
    signed_in.force_login(owner)
    page = Page.objects.filter(in_footer=True).first()
    assert page.title_fi in html(signed_in, "/fi/dashboard/")
    page.title_fi = "Tietoa palvelusta uudelleen"
    page.save()
    assert "Tietoa palvelusta uudelleen" in html(signed_in, "/fi/dashboard/")
    assert "Tietoa palvelusta uudelleen" in html(Client(), "/fi/")


def test_a_signed_in_job_page_shows_the_employers_new_job_on_the_next_request(owner, employer):
    job = make_job(employer, status="published", title="Kokki kesäksi")
    signed_in = Client()
    signed_in.force_login(make_user("hakija@example.com"))
    assert "Tarjoilija" not in html(signed_in, job.get_absolute_url())
    other = make_job(employer, status="submitted", title="Tarjoilija")
    assert "Tarjoilija" not in html(signed_in, job.get_absolute_url())
    other.approve(None)
    assert "Tarjoilija" in html(signed_in, job.get_absolute_url())
    other.close(owner)
    assert "Tarjoilija" not in html(signed_in, job.get_absolute_url())


def test_a_signed_in_job_page_shows_an_edit_on_the_next_request(owner, employer):
    """The job's text is rendered once per change for everyone (a public_fragment); an edit
    shows at once, in each language."""
    job = make_job(employer, status="published", description="Keittiötyötä kesällä.")
    signed_in = Client()
    signed_in.force_login(make_user("hakija@example.com"))
    for language in ("fi", "sv"):
        url = f"/{language}{job.get_absolute_url()[3:]}"
        assert "Keittiötyötä kesällä." in html(signed_in, url)
    Job.objects.filter(pk=job.pk).update(description="Keittiötyötä koko vuoden.")
    for language in ("fi", "sv"):
        url = f"/{language}{job.get_absolute_url()[3:]}"
        page = html(signed_in, url)
        assert "Keittiötyötä koko vuoden." in page and "kesällä" not in page
