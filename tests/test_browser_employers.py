"""From registering an employer to a moderator approving its first job, in a real browser."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import expect

from jobs.models import Job
from tests.accessibility import assert_accessible
from tests.conftest import (
    PASSWORD,
    PDF,
    browser_sign_in,
    make_employer,
    make_job,
    make_staff,
    make_user,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded_transactional_db")]


def sign_out(page):
    page.get_by_role("button", name="Kirjaudu ulos").click()


@override_settings(ADMIN_REQUIRE_MFA=False)
def test_register_post_and_get_approved(live_server, page, csp_violations, staff_group):
    make_user("yrittaja@example.com")
    moderator = make_staff("tarkastaja@sysma.example.com", "781")
    moderator.groups.add(staff_group)
    browser_sign_in(page, live_server, "yrittaja@example.com")

    page.goto(f"{live_server.url}/fi/employers/new/")
    assert_accessible(page)
    page.get_by_label("Yritys").check()
    page.get_by_label("Nimi").fill("Sysmän Kesäkahvila Oy")
    page.get_by_label("Y-tunnus").fill("0112038-8")  # a typo in the check digit
    page.get_by_label("Sysmä").check()
    page.get_by_label("Kuvaus").fill("Kesäkahvila satamassa.")
    page.get_by_role("button", name="Rekisteröi").click()
    expect(page.get_by_role("alert")).to_contain_text("tarkistusmerkki ei täsmää")
    expect(page.get_by_label("Nimi")).to_have_value("Sysmän Kesäkahvila Oy")
    assert_accessible(page)
    page.get_by_label("Y-tunnus").fill("0112038-9")
    page.get_by_role("button", name="Rekisteröi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Oma sivu")
    assert_accessible(page)

    page.get_by_role("link", name="Uusi työpaikkailmoitus").first.click()
    assert_accessible(page)
    page.get_by_label("Otsikko").fill("Kahvilatyöntekijä kesäksi")
    page.get_by_label("Kuvaus").fill("Asiakaspalvelua ja leivontaa.")
    page.get_by_label("Toimiala").select_option(label="Matkailu ja ravitsemus")
    page.get_by_label("Kesätyö").check()
    page.get_by_role("group", name="Sijainti").get_by_label("Sysmä").check()
    start = timezone.localdate() + timedelta(days=150)
    page.get_by_label("Alkamispäivä").fill(str(start))
    page.get_by_label("Hakuaika päättyy").fill(str(timezone.localdate() + timedelta(days=30)))
    page.get_by_role("button", name="Tallenna ja esikatsele").click()
    # The summer job has no end date yet: the form says so and keeps the rest.
    expect(page.get_by_role("alert")).to_contain_text("päättymispäivä")
    expect(page.get_by_label("Otsikko")).to_have_value("Kahvilatyöntekijä kesäksi")
    page.get_by_label("Päättymispäivä").fill(str(start + timedelta(days=60)))
    page.get_by_role("button", name="Tallenna ja esikatsele").click()
    expect(page.get_by_role("heading", name="Esikatselu")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Lähetä tarkastukseen").click()
    expect(page.get_by_role("status").first).to_contain_text("lähetetty tarkastukseen")
    job = Job.objects.get()
    assert job.status == "submitted"
    sign_out(page)

    browser_sign_in(page, live_server, "tarkastaja@sysma.example.com")
    page.goto(f"{live_server.url}/admin/")
    expect(page.locator("#moderation-queue")).to_contain_text("1 työpaikkailmoitus")
    page.get_by_role("link", name="Avaa tarkastusjono").click()
    page.locator(f'input[name="_selected_action"][value="{job.pk}"]').check()
    page.locator('select[name="action"]').select_option("approve")
    page.locator('button[name="index"]').click()
    expect(page.locator(".messagelist")).to_contain_text("hyväksytty ja julkaistu")
    job.refresh_from_db()
    assert job.status == "published"

    page.goto(f"{live_server.url}{job.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kahvilatyöntekijä kesäksi")
    assert_accessible(page)
    assert csp_violations == []


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_employer_directory_employer_and_job_pages_pass_axe(live_server, page, language):
    owner = make_user("o@example.com")
    employer = make_employer(
        "Lomakylä Vuorenmäki", owner, "081", verified=True, why_work_here="Asunto järjestyy."
    )
    job = make_job(
        employer,
        status="published",
        housing_offered=True,
        pay_min=14,
        pay_unit="hour",
        driving_licence=True,
    )
    for path in [
        "/",
        "/jobs/",
        "/jobs/?q=ty%C3%B6&month=7&housing=on",
        "/employers/",
        "/employers/?open_jobs=on",
        employer.get_absolute_url()[3:],
        job.get_absolute_url()[3:],
    ]:
        page.goto(f"{live_server.url}/{language}{path}")
        assert page.locator("h1").count() == 1
        assert_accessible(page)


def test_search_filter_and_open_a_job(live_server, page, csp_violations):
    owner = make_user("o@example.com")
    employer = make_employer("Lomakylä Vuorenmäki", owner, "081", verified=True)
    make_job(employer, status="published", title="Kokki kesäksi", housing_offered=True)
    make_job(employer, status="published", title="Siivooja")
    page.goto(f"{live_server.url}/fi/")
    page.get_by_label("Millaista työtä?").fill("kokki")
    page.get_by_label("Missä?").select_option(label="Hartola")
    page.get_by_role("button", name="Hae työpaikkoja").click()
    expect(page.get_by_role("heading", level=2, name="1 avoin työpaikka")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Asunto järjestyy").check()
    page.get_by_role("button", name="Näytä työpaikat").click()
    expect(page.locator(".chip")).to_have_count(3)
    page.get_by_role("link", name="Kokki kesäksi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kokki kesäksi")
    assert_accessible(page)
    page.go_back()
    page.locator(".chip", has_text="kokki").click()
    expect(page.get_by_role("heading", level=2, name="1 avoin työpaikka")).to_be_visible()
    assert csp_violations == []


def test_apply_with_a_cv_then_the_employer_invites_to_interview(
    live_server, page, csp_violations, tmp_path
):
    owner = make_user("omistaja@example.com")
    employer = make_employer("Lomakylä Vuorenmäki", owner, "081", verified=True)
    job = make_job(employer, status="published", title="Kokki kesäksi")
    make_user("hakija@example.com", full_name="Hanna Hakija")
    cv = tmp_path / "Hannan CV.pdf"
    cv.write_bytes(PDF)

    page.goto(f"{live_server.url}{job.get_absolute_url()}")
    page.get_by_role("link", name="Hae tätä paikkaa", exact=True).click()
    page.get_by_label("Sähköposti").fill("hakija@example.com")  # signing in first ...
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hae: Kokki kesäksi")  # ... back
    assert_accessible(page)
    page.get_by_label("Hakemuskirje").fill("Olen tehnyt kesät ravintoloissa.")
    page.get_by_label("Puhelin").fill("040 123 4567")
    page.get_by_role("button", name="Lähetä hakemus").click()
    expect(page.get_by_role("alert")).to_contain_text("tietosuojaseloste")  # consent missing
    expect(page.get_by_label("Hakemuskirje")).to_have_value("Olen tehnyt kesät ravintoloissa.")
    assert_accessible(page)
    page.get_by_label("Ansioluettelo (CV)").set_input_files(str(cv))
    page.get_by_label("Olen lukenut tietosuojaselosteen", exact=False).check()
    page.get_by_role("button", name="Lähetä hakemus").click()
    expect(page.get_by_role("cell", name="Vastaanotettu")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    browser_sign_in(page, live_server, "omistaja@example.com")
    page.goto(f"{live_server.url}/fi/jobs/{job.pk}/manage/")
    page.get_by_role("link", name="1 hakemus").click()
    assert_accessible(page)
    page.get_by_role("link", name="Hanna Hakija").click()
    expect(page.get_by_role("link", name="Hannan CV.pdf")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Tila").select_option(label="Haastattelu")
    page.get_by_role("button", name="Vaihda tila").click()
    expect(page.get_by_role("status").first).to_contain_text("Tila on vaihdettu")
    sign_out(page)

    browser_sign_in(page, live_server, "hakija@example.com")
    page.goto(f"{live_server.url}/fi/dashboard/")
    expect(page.get_by_role("cell", name="Haastattelu")).to_be_visible()
    assert_accessible(page)
    assert csp_violations == []
