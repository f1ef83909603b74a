"""Every public page and the employer's own pages are valid HTML (the Nu Html Checker)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import make_employer, make_job, make_user

ROOT = Path(__file__).resolve().parent.parent
VNU = Path(os.environ.get("VNU_JAR", ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"))

pytestmark = pytest.mark.skipif(
    not (VNU.exists() and shutil.which("java")),
    reason="the Nu Html Checker is not installed (npm install vnu-jar; needs Java)",
)


def validate(pages, tmp_path):
    for n, html in enumerate(pages):
        (tmp_path / f"{n}.html").write_bytes(html)
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]  # the checker reports on stderr
    return [f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]


@pytest.mark.django_db
def test_public_and_employer_pages_are_valid_html(client, tmp_path):
    owner = make_user("o@example.com")
    employer = make_employer("Lomakylä Vuorenmäki", owner, "081", verified=True)
    job = make_job(
        employer,
        status="published",
        housing_offered=True,
        pay_min=14,
        pay_unit="hour",
        address="Rantatie 1",
    )
    paths = [
        "",
        "jobs/",
        "jobs/?q=kokki&month=7&housing=on",
        job.get_absolute_url()[4:],
        "employers/",
        employer.get_absolute_url()[4:],
        "pages/about/",
        "pages/accessibility/",
        "accounts/login/",
        "accounts/signup/",
        "no-such-page/",
    ]
    pages = [
        client.get(f"/{language}/{path}").content
        for language in ("fi", "sv", "en")
        for path in paths
    ]
    client.force_login(owner)
    pages += [
        client.get(path).content
        for path in [
            "/fi/dashboard/",
            "/fi/dashboard/profile/",
            "/fi/dashboard/my-data/",
            f"/fi/jobs/{job.pk}/applicants/",
            f"/fi/jobs/{job.pk}/apply/",
            f"/fi/employers/{employer.slug}/edit/",
            f"/fi/employers/{employer.slug}/members/",
            f"/fi/employers/{employer.slug}/jobs/new/",
            f"/fi/jobs/{job.pk}/manage/",
            f"/fi/jobs/{job.pk}/edit/",
        ]
    ]
    pages.append(
        client.post(
            f"/fi/employers/{employer.slug}/jobs/new/", {"title": "", "location": "x"}
        ).content
    )
    assert validate(pages, tmp_path) == []


def test_the_checker_reports_invalid_html(tmp_path):
    errors = validate(
        [b"<!DOCTYPE html><html lang=fi><title>x</title><p><li>no list</p>"], tmp_path
    )
    assert errors and "li" in errors[0]
