"""A backup restores into an empty database and empty folders with every row and file."""

import json

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from applications.models import Application
from tests.conftest import PDF, make_application, make_employer, make_job, make_user

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


@pytest.fixture
def portal(seeded_transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    employer = make_employer("Rantalomat", make_user("omistaja@example.com"), "781")
    employer.logo.save("logo.png", ContentFile(PNG))
    job = make_job(employer, status="published", title="Kokki")
    return make_application(job, make_user("hakija@example.com"), cv=True)


@pytest.mark.postgresql
def test_a_postgresql_backup_restores_every_row_and_file(portal, settings, tmp_path):
    import psycopg

    backup = tmp_path / "backup"
    call_command("backup", str(backup))
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["rows"]["jobs_application"] == 1 and manifest["rows"]["jobs_job"] == 1
    assert portal.cv.name in manifest["files"]["private-media"]
    target = "nelinvoimaa_restore_test"
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{target}"')
        admin.execute(f'CREATE DATABASE "{target}"')
    try:
        database = connection.settings_dict
        url = (
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{target}"
        )
        call_command(
            "restore",
            str(backup),
            database_url=url,
            media_root=str(tmp_path / "media2"),
            private_media_root=str(tmp_path / "private2"),
        )
        with psycopg.connect(url.replace("postgres://", "postgresql://")) as restored:
            letter = restored.execute("SELECT cover_letter FROM jobs_application").fetchone()[0]
        assert letter == Application.objects.get().cover_letter
        assert (tmp_path / "private2" / portal.cv.name).read_bytes() == PDF
        assert (tmp_path / "media2" / portal.job.employer.logo.name).read_bytes() == PNG
        with pytest.raises(CommandError, match="not empty"):  # never over live data
            call_command("restore", str(backup), database_url=url)
    finally:
        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
        ) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')


def test_a_sqlite_backup_restores_every_row_and_file(portal, settings, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backup (make test without DATABASE_URL)")
    backup = tmp_path / "backup"
    call_command("backup", str(backup))
    call_command(
        "restore",
        str(backup),
        database_url=f"sqlite:///{tmp_path / 'restored.sqlite3'}",
        media_root=str(tmp_path / "media2"),
        private_media_root=str(tmp_path / "private2"),
    )
    assert (tmp_path / "private2" / portal.cv.name).read_bytes() == PDF
    import sqlite3

    with sqlite3.connect(tmp_path / "restored.sqlite3") as restored:
        assert restored.execute("SELECT count(*) FROM jobs_application").fetchone() == (1,)


def test_a_backup_goes_into_a_new_folder(portal, tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "something").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path / "used"))


def test_a_backup_is_its_owners_only_and_never_in_the_media(portal, settings, tmp_path):
    with pytest.raises(CommandError, match="inside"):
        call_command("backup", str(settings.MEDIA_ROOT / "backups"))
    call_command("backup", str(tmp_path / "backup"))
    for path in (tmp_path / "backup").iterdir():
        assert path.stat().st_mode & 0o077 == 0, path


def test_a_backup_restores_only_into_the_same_kind_of_database(portal, tmp_path):
    call_command("backup", str(tmp_path / "backup"))
    other = (
        f"sqlite:///{tmp_path / 'x.sqlite3'}"
        if connection.vendor == "postgresql"
        else "postgres://postgres@127.0.0.1:5432/nowhere"
    )
    with pytest.raises(CommandError, match="restore it into the same"):
        call_command("restore", str(tmp_path / "backup"), database_url=other)
