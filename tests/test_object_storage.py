"""Uploaded files in S3-compatible object storage (S3_MEDIA_BUCKET, S3_PRIVATE_BUCKET), tried
against moto's S3 emulator in server mode: public files get a plain public address, CVs stay
private (no public grant, no URL) and come only through the checked view of a production
gunicorn configured from the environment, as every web machine would be."""

from datetime import timedelta

import boto3
import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from moto.server import ThreadedMotoServer

from applications.factories import PDF
from applications.models import Application, delete_orphan_cvs
from applications.uploads import PENDING_DIR, delete_stale_pending_cvs
from nelinvoimaa.object_storage import PrivateS3Storage
from tests.conftest import make_application, make_employer, make_job, make_user
from tests.servers import (
    collectstatic,
    create_cache_table,
    fetch,
    free_port,
    multipart,
    production_env,
    signed_in,
    start_gunicorn,
    stop,
    wait_until_up,
)
from tests.test_front_server import PNG

ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"
CREDENTIALS = {"S3_ACCESS_KEY_ID": "test-key", "S3_SECRET_ACCESS_KEY": "test-secret"}


@pytest.fixture(scope="module")
def s3():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["S3_SECRET_ACCESS_KEY"],
    )
    for bucket in ("nelinvoimaa-media", "nelinvoimaa-cvs"):
        client.create_bucket(Bucket=bucket)
    client.endpoint = endpoint
    yield client
    server.stop()


def connection(s3):
    return {
        "endpoint_url": s3.endpoint,
        "region_name": "us-east-1",
        "access_key": CREDENTIALS["S3_ACCESS_KEY_ID"],
        "secret_key": CREDENTIALS["S3_SECRET_ACCESS_KEY"],
    }


def public_grant(s3, bucket, key):
    grants = s3.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    return any(grant["Grantee"].get("URI") == ALL_USERS for grant in grants)


@pytest.mark.django_db
def test_a_logo_goes_to_the_public_bucket_with_a_plain_public_address(s3, settings):
    settings.STORAGES = settings.STORAGES | {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": connection(s3)
            | {
                "bucket_name": "nelinvoimaa-media",
                "default_acl": "public-read",
                "querystring_auth": False,
                "file_overwrite": False,
            },
        }
    }
    employer = make_employer("Rantalomat", make_user("o@example.com"), "781")
    employer.logo.save("logo.png", ContentFile(PNG))

    assert public_grant(s3, "nelinvoimaa-media", employer.logo.name)
    assert employer.logo.url.startswith(f"{s3.endpoint}/nelinvoimaa-media/")
    assert "Signature" not in employer.logo.url  # plain: cacheable, the same for everyone
    status, _headers, body = fetch(employer.logo.url)
    assert (status, body) == (200, PNG)


def test_the_private_bucket_gives_no_address_and_no_public_grant(s3):
    storage = PrivateS3Storage(**connection(s3), bucket_name="nelinvoimaa-cvs")
    name = storage.save("cvs/cv.pdf", ContentFile(PDF))
    assert storage.save("cvs/cv.pdf", ContentFile(b"other")) != name  # never overwritten
    assert not public_grant(s3, "nelinvoimaa-cvs", name)
    with pytest.raises(ValueError, match="no URL"):
        storage.url(name)
    with storage.open(name) as stored:
        assert stored.read() == PDF


@pytest.fixture
def site_on_buckets(s3, seeded_transactional_db, settings, tmp_path):
    """A production gunicorn that keeps uploads in the emulator's buckets (environment only)."""
    settings.SECRET_KEY = "object-storage-test-" + "x" * 50
    create_cache_table()
    port = free_port()
    env = production_env(
        settings,
        port=port,
        S3_ENDPOINT_URL=s3.endpoint,
        S3_REGION="us-east-1",
        S3_MEDIA_BUCKET="nelinvoimaa-media",
        S3_PRIVATE_BUCKET="nelinvoimaa-cvs",
        **CREDENTIALS,
    )
    collectstatic(env)
    web = start_gunicorn(env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/readyz")
        yield base
    finally:
        stop(web)


@pytest.mark.postgresql
def test_a_cv_sent_to_a_production_site_is_kept_private_in_its_bucket(s3, site_on_buckets):
    employer = make_employer("Rantalomat", make_user("o@example.com"), "781", verified=True)
    job = make_job(employer, status="published")
    applicant = make_user("hakija@example.com")
    body, content_type = multipart(
        {"cover_letter": "Hei!", "phone": "040 123 4567", "consent": "on"},
        [("cv_file", "cv.pdf", PDF)],
    )
    status, _headers, _body = fetch(
        f"{site_on_buckets}/fi/jobs/{job.pk}/apply/",
        cookie=signed_in(applicant),
        data=body,
        headers={"Content-Type": content_type},
    )
    assert status == 302

    application = Application.objects.get(job=job, applicant=applicant)
    stored = s3.get_object(Bucket="nelinvoimaa-cvs", Key=application.cv.name)["Body"].read()
    assert stored == PDF
    assert not public_grant(s3, "nelinvoimaa-cvs", application.cv.name)
    public = s3.list_objects_v2(Bucket="nelinvoimaa-media", Prefix="cvs/")
    assert "Contents" not in public  # nothing of it in the public bucket

    cv_url = f"{site_on_buckets}/fi/jobs/applications/{application.pk}/cv/"
    status, headers, body = fetch(cv_url, cookie=signed_in(applicant))
    assert (status, body) == (200, PDF)  # streamed by the checked view
    assert "attachment" in headers["Content-Disposition"]
    assert fetch(cv_url, cookie=signed_in(make_user("vieras@example.com")))[0] == 404


@pytest.mark.django_db
def test_the_sweeps_find_the_files_of_the_private_bucket(s3, settings):
    settings.STORAGES = settings.STORAGES | {
        "private": {
            "BACKEND": "nelinvoimaa.object_storage.PrivateS3Storage",
            "OPTIONS": connection(s3) | {"bucket_name": "nelinvoimaa-cvs"},
        }
    }
    employer = make_employer("Rantalomat", make_user("o@example.com"), "781")
    application = make_application(
        make_job(employer, status="published"), make_user("h@example.com")
    )
    for key in ("cvs/kept.pdf", "cvs/orphan.pdf", f"{PENDING_DIR}/old.pdf"):
        s3.put_object(Bucket="nelinvoimaa-cvs", Key=key, Body=PDF)
    Application.objects.filter(pk=application.pk).update(cv="cvs/kept.pdf")
    later = timezone.now() + timedelta(days=3)

    assert delete_orphan_cvs(now=later) == 1
    assert delete_stale_pending_cvs(now=later) == 1
    left = s3.list_objects_v2(Bucket="nelinvoimaa-cvs", Prefix="")["Contents"]
    assert "cvs/kept.pdf" in {item["Key"] for item in left}
    assert not {"cvs/orphan.pdf", f"{PENDING_DIR}/old.pdf"} & {item["Key"] for item in left}
