"""A backup of everything the portal holds, and its restore: the database (pg_dump's custom
format, or SQLite's online backup), the public media (logos, photos) and the private media
(CVs), with a manifest of every table's row count and every file's size and SHA-256, which
the restore checks.

The database is dumped first, with the manifest's row counts made in the same snapshot, then
the files are archived and hashed from the very bytes archived: a file written after the dump
belongs to a row the dump does not have (delete_expired_applications sweeps such CVs), and a
row in the dump has its file unless the file was deleted in between (retention). The backup's
folder and files are readable by their owner only, and never inside the media folders.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from psycopg import IsolationLevel

MANIFEST = "manifest.json"
ROOTS = {"media": "media.tar.gz", "private-media": "private-media.tar.gz"}


class BackupError(Exception):
    """The backup or restore cannot be done, or does not match its manifest; says why."""


def _pg_env(database):
    return os.environ | {
        "PGHOST": database["HOST"] or "",
        "PGPORT": str(database["PORT"] or ""),
        "PGUSER": database["USER"] or "",
        "PGPASSWORD": database["PASSWORD"] or "",
        "PGDATABASE": database["NAME"],
    }


def database_of_url(url):
    """A DATABASES-like dict of postgres://… or sqlite:///… (the restore's target)."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = unquote(parts.path)
        return {"ENGINE": "sqlite3", "NAME": path[1:] if path.startswith("//") else path}
    if parts.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
        }
    raise BackupError(f"Not a database URL: {parts.scheme or url!r}.")


def _is_postgresql(database):
    return "postgresql" in database["ENGINE"]


def _sqlite(name):
    """A connection to a SQLite file, or to a shared in-memory database (file:…?mode=memory)."""
    return sqlite3.connect(name, uri=str(name).startswith("file:"))


def _connect(env):
    import psycopg

    return psycopg.connect(
        host=env["PGHOST"] or None,
        port=env["PGPORT"] or None,
        user=env["PGUSER"] or None,
        password=env["PGPASSWORD"] or None,
        dbname=env["PGDATABASE"],
    )


def _table_count(env):
    with _connect(env) as connection:
        query = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        return connection.execute(query).fetchone()[0]


def _counts(connection, tables):
    """{table: rows} through an open connection (psycopg or sqlite3: both have execute())."""
    return {
        table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
        for table in tables  # names from the models
    }


def row_counts(database, tables):
    """{table: rows} of `tables` in `database` (a restored copy, or a SQLite backup file)."""
    if _is_postgresql(database):
        with _connect(_pg_env(database)) as connection:
            return _counts(connection, tables)
    with _sqlite(database["NAME"]) as connection:
        return _counts(connection, tables)


def _files(root):
    """(relative path, path, bytes) of every file under `root`, in order."""
    root = Path(root)
    if root.exists():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            yield str(path.relative_to(root)), path, path.read_bytes()


def file_list(root):
    """{relative path: [size, sha256]} of every file under `root`."""
    return {name: [len(data), hashlib.sha256(data).hexdigest()] for name, _p, data in _files(root)}


def _inside(path, folder):
    path, folder = Path(path).resolve(), Path(folder).resolve()
    return path == folder or folder in path.parents


def _archive(root, archive):
    """Archive the files under `root` and return {relative path: [size, sha256]} of exactly
    the bytes archived (a file may change while the backup runs)."""
    found = {}
    with tarfile.open(archive, "w:gz") as tar:
        for name, path, data in _files(root):
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), int(path.stat().st_mtime), 0o600
            tar.addfile(info, io.BytesIO(data))
            found[name] = [len(data), hashlib.sha256(data).hexdigest()]
    return found


def backup(target, database, tables, roots):
    """Write a backup of `database` (a DATABASES entry) and the folders `roots` ({"media":
    path, "private-media": path}) into the new folder `target`, readable by its owner only;
    returns the manifest."""
    target = Path(target)
    for root in roots.values():
        if _inside(target, root):
            raise BackupError(f"{target} is inside {root}: put backups outside the media.")
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} is not empty: a backup goes into a new folder.")
    old_umask = os.umask(0o077)  # the dump and the CVs are personal data
    try:
        target.mkdir(parents=True, exist_ok=True)
        if _is_postgresql(database):
            counts = _dump_postgresql(database, tables, target / "database.dump")
        else:
            copy_path = target / "database.sqlite3"
            with _sqlite(database["NAME"]) as source, sqlite3.connect(copy_path) as copy:
                source.backup(copy)
            counts = row_counts({"ENGINE": "sqlite3", "NAME": copy_path}, tables)
        files = {name: _archive(roots[name], target / archive) for name, archive in ROOTS.items()}
        manifest = {
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": "postgresql" if _is_postgresql(database) else "sqlite",
            "rows": counts,
            "files": files,
        }
        (target / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    finally:
        os.umask(old_umask)
    return manifest


def _dump_postgresql(database, tables, dump):
    """pg_dump of one snapshot, and the row counts of that same snapshot: a transaction
    exports it, pg_dump reads it, and the counts are made in it while it stays open."""
    env = _pg_env(database)
    with _connect(env) as connection:
        connection.isolation_level = IsolationLevel.REPEATABLE_READ
        connection.read_only = True
        snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
        subprocess.run(  # noqa: S603 - a fixed program and our own arguments
            [  # noqa: S607
                "pg_dump",
                "--format=custom",
                "--no-owner",
                f"--snapshot={snapshot}",
                f"--file={dump}",
            ],
            env=env,
            check=True,
        )
        return _counts(connection, tables)


def restore(source, database, roots):
    """Restore the backup in `source` into the empty `database` and folders; checks every
    table's rows and every file against the manifest and returns it."""
    source = Path(source)
    manifest = json.loads((source / MANIFEST).read_text())
    if manifest["database"] != ("postgresql" if _is_postgresql(database) else "sqlite"):
        raise BackupError(f"This backup is of {manifest['database']}; restore it into the same.")
    for name in ROOTS:
        root = Path(roots[name])
        if root.exists() and any(root.iterdir()):
            raise BackupError(f"{root} is not empty: a restore goes into an empty folder.")
    if manifest["database"] == "postgresql":
        env = _pg_env(database)
        if _table_count(env):
            raise BackupError(f"{database['NAME']} is not empty: restore into a new database.")
        subprocess.run(  # noqa: S603
            [  # noqa: S607
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                f"--dbname={database['NAME']}",
                str(source / "database.dump"),
            ],
            env=env,
            check=True,
        )
    else:
        target = Path(database["NAME"])
        if target.exists() and target.stat().st_size:
            raise BackupError(f"{target} exists: restore into a new file.")
        shutil.copyfile(source / "database.sqlite3", target)
    for name, archive in ROOTS.items():
        root = Path(roots[name])
        root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(source / archive, "r:gz") as tar:
            tar.extractall(root, filter="data")  # no absolute paths, links out, devices
    problems = []
    restored = row_counts(database, manifest["rows"])
    problems += [
        f"{table}: {restored[table]} rows, the backup had {rows}"
        for table, rows in manifest["rows"].items()
        if restored[table] != rows
    ]
    for name in ROOTS:
        if file_list(roots[name]) != manifest["files"][name]:
            problems.append(f"the {name} files differ from the backup's")
    if problems:
        raise BackupError("The restore does not match the backup: " + "; ".join(problems))
    return manifest
