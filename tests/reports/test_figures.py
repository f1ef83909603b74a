"""The staff's figures: a known history counted by municipality, sector and month, small
numbers suppressed, scoped to the staff member's municipalities, exported as CSV."""

import csv
import io

import pytest
from django.urls import reverse

PERIOD = {"start": "2026-01-01", "end": "2026-02-28"}


def page(client, user, **params):
    client.force_login(user)
    return client.get(reverse("reports:figures"), {**PERIOD, **params})


def table(response, key):
    for candidate in [response.context["summary"], response.context["sectors"]] + [
        t for _f, t, _c in response.context["monthly"]
    ]:
        if candidate.key == key:
            return {heading: [c.text for c in cells] for heading, cells in candidate.rows}
    raise KeyError(key)


def test_every_figure_of_a_known_history(client, history, sysma_moderator):
    response = page(client, sysma_moderator)
    assert response.status_code == 200
    summary = table(response, "summary")
    # Columns: Sysmä, then the total (the moderator sees only Sysmä).
    assert summary == {
        "Ilmoituksia lähetetty": ["6", "6"],
        "Ilmoituksia julkaistu": ["5", "5"],
        "Ilmoituksia suljettu": ["< 5", "< 5"],
        "Päiviä lähettämisestä päätökseen (mediaani)": ["2,0", "2,0"],
        "Hakemuksia": ["6", "6"],
        "Palkattuja": ["< 5", "< 5"],
        "Aktiivisia työnantajia": ["< 5", "< 5"],
        # The trainings app's figures (tests/trainings/test_figures.py): none in this history.
        "Koulutuksia julkaistu": ["0", "0"],
        "Paikkoja koulutuksissa": ["0", "0"],
        "Koulutuksia suoritettu": ["0", "0"],
        # The jobseekers app's (tests/jobseekers/test_figures.py): none either.
        "Työnhakijaprofiileja tallennettu": ["0", "0"],
        "Uusia hakuvahdin tilaajia": ["0", "0"],
    }
    months = table(response, "jobs_submitted")
    assert months == {"tammikuu 2026": ["6", "6"], "helmikuu 2026": ["0", "0"]}
    assert table(response, "applications") == {
        "tammikuu 2026": ["0", "0"],
        "helmikuu 2026": ["6", "6"],
    }
    assert table(response, "decision_days") == {
        "tammikuu 2026": ["2,0", "2,0"],
        "helmikuu 2026": ["–", "–"],
    }
    assert table(response, "sectors") == {
        "Matkailu ja ravitsemus": ["6", "5", "< 5", "2,0", "6", "< 5", "< 5"] + ["0"] * 5
    }
    html = response.content.decode()
    assert "<svg" in html and "<script" not in html
    assert "hakija0@example.com" not in html


def test_a_superuser_sees_every_municipality(client, history, superuser, django_assert_num_queries):
    client.force_login(superuser)
    # (the trainings' figures are three of them, the jobseekers' two)
    with django_assert_num_queries(13):
        response = client.get(reverse("reports:figures"), PERIOD)
    summary = table(response, "summary")
    # Columns: Hartola, Joutsa, Pertunmaa, Sysmä, total.
    assert summary["Ilmoituksia lähetetty"] == ["< 5", "0", "0", "6", "7"]
    assert summary["Ilmoituksia julkaistu"] == ["< 5", "0", "0", "5", "6"]
    assert summary["Aktiivisia työnantajia"] == ["< 5", "0", "0", "< 5", "< 5"]


def test_another_municipalitys_moderator_sees_none_of_it(client, history, hartola_moderator):
    summary = table(page(client, hartola_moderator), "summary")
    assert summary["Ilmoituksia lähetetty"] == ["< 5", "< 5"]
    assert summary["Hakemuksia"] == ["0", "0"]


def test_csv_of_a_table_has_the_same_suppressed_figures(client, history, sysma_moderator):
    response = page(client, sysma_moderator, csv="summary")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Luku", "Sysmä", "Yhteensä"]
    assert ["Palkattuja", "< 5", "< 5"] in rows
    assert page(client, sysma_moderator, csv="nothing").status_code == 404


def test_a_wrong_period_is_explained_and_kept(client, sysma_moderator):
    response = page(client, sysma_moderator, start="2026-03-01", end="2026-02-01")
    assert response.status_code == 200
    assert "Loppu ei voi olla ennen alkua." in response.content.decode()
    assert 'value="2026-03-01"' in response.content.decode()
    assert "summary" not in response.context


@pytest.mark.parametrize("persona", ["anonymous", "jobseeker", "owner"])
def test_only_staff_see_the_figures(client, persona, request):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("reports:figures"))
    if persona == "anonymous":
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 404


def test_a_staff_member_gets_the_last_twelve_months_by_default(
    client, sysma_moderator, django_assert_num_queries
):
    client.force_login(sysma_moderator)
    with django_assert_num_queries(12):
        response = client.get(reverse("reports:figures"))
    assert response.status_code == 200
    assert len(table(response, "jobs_submitted")) in {12, 13}


def test_staff_set_up_two_factor_authentication_first(client, sysma_moderator, settings):
    settings.ADMIN_REQUIRE_MFA = True
    client.force_login(sysma_moderator)
    response = client.get(reverse("reports:figures"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_the_admin_index_links_to_the_figures(client, sysma_moderator_in_group):
    client.force_login(sysma_moderator_in_group)
    response = client.get(reverse("admin:index"))
    assert reverse("reports:figures") in response.content.decode()


@pytest.mark.parametrize(
    ("start", "end"),
    [("0001-01-01", "0001-01-02"), ("9999-12-30", "9999-12-31"), ("x", "2026-01-01"), ("", "")],
)
def test_a_period_out_of_range_is_an_error_not_a_500(client, sysma_moderator, start, end):
    response = page(client, sysma_moderator, start=start, end=end)
    assert response.status_code == 200
    assert "summary" not in response.context
