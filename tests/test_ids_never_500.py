"""No id, slug or id-like query value a visitor can type turns a page into a server error.

Every URL pattern with a parameter (found by walking the resolver, so a new one is covered
without anyone listing it) gets each value in each of its parameters, the others filled in
with real objects so the lookup behind them is reached; and each query parameter the pages
read gets the same values. Each request runs as a visitor, a jobseeker, an employer and a
superuser, by GET and by POST, in a savepoint rolled back after it.
"""

import re
from urllib.parse import quote, urlencode

import pytest
from allauth.account.utils import user_pk_to_url_str
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

# The project models used; applications move from jobs/ to applications/.
from employers.models import Invitation
from jobs.models import Job
from nelinvoimaa.models import Page
from tests.conftest import make_application, make_job

VALUES = {
    "superscript-two": "²",
    "arabic-indic-three": "٣",
    "forty-digits": "1" * 40,
    "minus-one": "-1",
    "zero": "0",
    "eleven-digits": "99999999999",
}
PERSONAS = ["visitor", "jobseeker", "owner", "superuser"]
VENDOR = connection.vendor

# Cases that answer 500 on a database: {case id: (databases, reason)}, each a strict xfail, so
# its entry has to go when the bug is fixed. None today: bulk_status reads ids with is_id, and
# the admin's date hierarchy turns an overflowing year into its "incorrect lookup" page.
KNOWN_500 = {}


def walk(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + regex_or_route(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, route)
        else:
            yield route


def regex_or_route(pattern):
    text = str(pattern)
    if isinstance(pattern, RegexPattern):
        # A regex pattern's named groups become <name>, like a route's parameters.
        text = re.sub(r"\(\?P<(\w+)>[^()]*\)", r"<\1>", text.lstrip("^").rstrip("$"))
    return text


PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")
ROUTES = sorted({route for route in walk(get_resolver().url_patterns) if PARAMETER.search(route)})


def marked(case_id, *values):
    """The case as a pytest param, xfail where KNOWN_500 lists it for this database."""
    marks = []
    if case_id in KNOWN_500:
        databases, reason = KNOWN_500[case_id]
        if VENDOR in databases:
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
    return pytest.param(*values, id=case_id, marks=marks)


PATH_CASES = [
    marked(f"/{route}[{name}={label}]", route, name, value)
    for route in ROUTES
    for name in PARAMETER.findall(route)
    for label, value in VALUES.items()
]


@pytest.fixture
def world(employer, owner, jobseeker, superuser, settings):
    settings.ADMIN_REQUIRE_MFA = False
    job = make_job(employer, status="published", title="Kokki")
    application = make_application(job, jobseeker, cv=True)
    invitation = Invitation.objects.create(
        employer=employer, email="kollega@example.com", invited_by=owner
    )
    return {
        "job": job,
        "employer": employer,
        "application": application,
        "people": {"visitor": None, "jobseeker": jobseeker, "owner": owner, "superuser": superuser},
        "real": {
            "job_id": job.pk,
            "application_id": application.pk,
            "membership_id": owner.memberships.get().pk,
            "invitation_id": invitation.pk,
            "token": invitation.token,
            "content_type_id": ContentType.objects.get_for_model(Job).pk,
            "object_id": job.pk,
            "id": jobseeker.pk,
            "uidb36": user_pk_to_url_str(jobseeker),
        },
    }


def real_value(world, route, name):
    if name == "slug":
        if route.startswith("fi/pages/"):
            return Page.objects.first().slug
        if route.startswith("fi/employers/"):
            return world["employer"].slug
        return world["job"].slug
    return world["real"].get(name, "1")


class _RolledBack(Exception):
    pass


def answer(client, method, url, data=None):
    """The response to one request, in a savepoint rolled back afterwards: nothing it did
    stays, and a database error it caused does not break the test's transaction."""
    try:
        with transaction.atomic():
            response = getattr(client, method)(url, data or {})
            raise _RolledBack
    except _RolledBack:
        pass
    return response


def server_errors(world, url, methods=("get", "post"), data=None):
    errors = []
    for persona in PERSONAS:
        client = Client(raise_request_exception=False)
        if world["people"][persona]:
            client.force_login(world["people"][persona])
        for method in methods:
            response = answer(client, method, url, data)
            if response.status_code >= 500:
                exc = getattr(response, "exc_info", None)
                detail = f"{exc[0].__name__}: {exc[1]}" if exc else ""
                errors.append(
                    f"{method.upper()} {url} as {persona}: {response.status_code} {detail}"
                )
    return errors


@pytest.mark.parametrize(("route", "name", "value"), PATH_CASES)
def test_a_url_parameter_never_gives_a_server_error(world, route, name, value):
    def fill(match):
        parameter = match.group(1)
        filled = value if parameter == name else str(real_value(world, route, parameter))
        return quote(filled, safe="")

    url = "/" + PARAMETER.sub(fill, route)
    assert server_errors(world, url) == []


# Query parameters: (path, parameter, methods, other data); {job} is the employer's job.
QUERY_PARAMETERS = [
    *(
        (path, name, ("get",), {})
        for path in ("/fi/jobs/", "/fi/jobs/feed/")
        for name in (
            "municipality",
            "sector",
            "month",
            "page",
            "employment_type",
            "posted",
            "sort",
            "q",
            "remote",
            "housing",
        )
    ),
    *(
        ("/fi/employers/", name, ("get",), {})
        for name in ("municipality", "sector", "page", "open_jobs")
    ),
    ("/sitemap.xml", "p", ("get",), {}),
    ("/fi/jobs/{job}/applicants/", "status", ("get",), {}),
    ("/fi/jobs/{job}/applicants/status/", "application", ("post",), {"status": "rejected"}),
    ("/fi/jobs/{job}/applicants/status/", "status", ("post",), {"application": "{application}"}),
    ("/fi/jobs/{job}/applicants/{application}/status/", "status", ("post",), {}),
    *(
        ("/admin/jobs/job/", name, ("get",), {})
        for name in (
            "p",
            "o",
            "q",
            "status__exact",
            "employer__id__exact",
            "municipality__id__exact",
            "employment_type__exact",
            "is_remote__exact",
            "created_at__year",
            "created_at__month",
            "created_at__day",
        )
    ),
    *(
        ("/admin/employers/employer/", name, ("get",), {})
        for name in ("p", "municipality__id__exact", "verified", "kind__exact")
    ),
    ("/admin/nelinvoimaa/user/", "municipalities__id__exact", ("get",), {}),
    ("/admin/nelinvoimaa/auditentry/", "created_at__year", ("get",), {}),
    (
        "/admin/autocomplete/",
        "page",
        ("get",),
        {"app_label": "jobs", "model_name": "job", "field_name": "employer", "term": ""},
    ),
]
QUERY_CASES = [
    marked(f"{path}?{name}={label}", path, name, methods, data, value)
    for path, name, methods, data in QUERY_PARAMETERS
    for label, value in VALUES.items()
]


@pytest.mark.parametrize(("path", "name", "methods", "data", "value"), QUERY_CASES)
def test_a_query_parameter_never_gives_a_server_error(world, path, name, methods, data, value):
    ids = {"job": world["job"].pk, "application": world["application"].pk}
    url = path.format(**ids)
    data = {key: str(item).format(**ids) for key, item in data.items()}
    if methods == ("get",):
        url += "?" + urlencode({name: value} | data)
        assert server_errors(world, url, methods) == []
    else:
        assert server_errors(world, url, methods, data | {name: value}) == []


def test_the_walk_finds_the_pages_with_ids():
    """A guard on the walk itself: if it stopped finding patterns, nothing above would run."""
    assert "fi/jobs/<id:job_id>/applicants/<id:application_id>/" in ROUTES
    assert "fi/employers/<slug:slug>/members/<id:membership_id>/role/" in ROUTES
    assert "fi/accounts/password/reset/key/<uidb36>-<key>/" in ROUTES
    assert any(route.startswith("admin/jobs/job/") for route in ROUTES)


def test_the_real_values_filled_in_reach_the_pages(client, world):
    """A guard on the filling: with every parameter real the owner gets the page, so a bad
    value in one parameter is looked up behind real ones."""
    client.force_login(world["people"]["owner"])
    for route in (
        "fi/jobs/<int:job_id>/applicants/<int:application_id>/",
        "fi/employers/<slug:slug>/members/",
        "fi/jobs/<int:job_id>/<slug:slug>/",
    ):
        url = "/" + PARAMETER.sub(lambda m, r=route: str(real_value(world, r, m.group(1))), route)
        assert client.get(url).status_code == 200, url


def test_a_forty_digit_id_is_a_404_for_the_owner(client, world):
    """The sharpest case of the walk above, spelled out."""
    client.force_login(world["people"]["owner"])
    job = world["job"]
    for url in (
        f"/fi/jobs/{'1' * 40}/manage/",
        f"/fi/jobs/{job.pk}/applicants/{'1' * 40}/",
        f"/fi/jobs/applications/{'1' * 40}/cv/",
    ):
        assert answer(client, "get", url).status_code == 404, url


def test_a_large_id_still_has_an_address(client, db):
    """Primary keys are 64-bit: an id past a billion reverses and resolves (a 404 for a job
    that does not exist), while 19 digits and more are no page at all."""
    from django.urls import reverse

    assert reverse("jobs:manage", args=[10**12]) == f"/fi/jobs/{10**12}/manage/"
    assert client.get(f"/fi/jobs/{10**17}/x/").status_code == 404
    assert client.get(f"/fi/jobs/{'9' * 19}/x/").status_code == 404
