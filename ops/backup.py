"""Backup and restore of the two places the Academy keeps state: PostgreSQL and the media storage.

A backup is a folder: ``database.dump`` (``pg_dump`` custom format), ``media/`` (every file of the
default storage, local or S3, under its storage name), ``storages/<alias>/`` (every file of each
other storage in ``STORAGES`` but static files: the private ones, such as the stored evidence packs,
which no URL reaches) and ``manifest.json`` (each file's size and SHA-256). A restore checks every hash first, then loads the dump into an EMPTY database and writes
the files back into the (empty) storage under the same names, so every ``FileField`` still points
at its file. Redis holds nothing that must survive (cache, rate limits, the broker's queue: tasks
still owed are found again by the sweepers).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage, storages
from django.db import connection

MANIFEST = "manifest.json"
DUMP = "database.dump"
MEDIA = "media"
STORAGES_FOLDER = "storages"
FORMAT = 2
#: Formats ``verify`` and ``restore`` read (1: the default storage only).
READABLE_FORMATS = (1, 2)


class BackupError(Exception):
    pass


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _tool(name: str) -> str:
    """The full path of a PostgreSQL client program (Debian: postgresql-client), matching the server."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (Debian package postgresql-client)")
    return path


def _pg_environment() -> tuple[list[str], dict]:
    """Connection options for pg_dump/pg_restore from the Django settings (password by environment)."""
    db = settings.DATABASES["default"]
    options = ["--host", db.get("HOST") or "127.0.0.1", "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        options += ["--username", db["USER"]]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    sslmode = (db.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return options, env


def _storage_files(folder: str = "", storage=None):
    """Every file name in a storage (the default one unless given), walked folder by folder (local or
    S3 alike). A local storage whose folder does not exist yet holds nothing."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from _storage_files(f"{folder}/{sub}" if folder else sub, storage)


def other_storages() -> list[str]:
    """The aliases of every configured storage but the default and static files."""
    return [alias for alias in settings.STORAGES if alias not in ("default", "staticfiles")]


def _copy_out(storage, name: str, path: Path) -> dict:
    path.parent.mkdir(parents=True, exist_ok=True)
    with storage.open(name, "rb") as source, open(path, "wb") as copy:
        shutil.copyfileobj(source, copy)
    return {"name": name, "size": path.stat().st_size, "sha256": _sha256(path)}


def backup(target: Path) -> dict:
    """Write a backup into ``target`` (created; must be empty). Returns the manifest.

    Everything is readable by its owner only (folders 0700, files 0600, pg_dump's too): the backup
    holds the whole database, password hashes and two-step secrets included, and every upload."""
    previous = os.umask(0o077)
    try:
        return _backup(target)
    finally:
        os.umask(previous)


def _backup(target: Path) -> dict:
    target.mkdir(parents=True, exist_ok=True)
    if any(target.iterdir()):
        raise BackupError(f"{target} is not empty")
    target.chmod(0o700)
    options, env = _pg_environment()
    dump = target / DUMP
    subprocess.run(  # noqa: S603
        [
            _tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            *options,
            "--file",
            str(dump),
            settings.DATABASES["default"]["NAME"],
        ],  # fmt: skip
        env=env,
        check=True,
        capture_output=True,
    )
    media = [_copy_out(default_storage, name, target / MEDIA / name) for name in _storage_files()]
    others = {
        alias: [
            _copy_out(storages[alias], name, target / STORAGES_FOLDER / alias / name)
            for name in _storage_files(storage=storages[alias])
        ]
        for alias in other_storages()
    }
    manifest = {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": {"file": DUMP, "size": dump.stat().st_size, "sha256": _sha256(dump)},
        "media": media,
        "storages": others,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest


def verify(source: Path) -> dict:
    """The manifest, once every file in it is present with its size and hash."""
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"no readable {MANIFEST} in {source}: {exc}") from exc
    if manifest.get("format") not in READABLE_FORMATS:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    unknown = set(manifest.get("storages", {})) - set(settings.STORAGES)
    if unknown:
        raise BackupError(f"the backup holds storages this configuration does not have: {', '.join(sorted(unknown))}")
    entries = [(source / DUMP, manifest["database"])] + [(source / MEDIA / m["name"], m) for m in manifest["media"]]
    for alias, files in manifest.get("storages", {}).items():
        entries += [(source / STORAGES_FOLDER / alias / m["name"], m) for m in files]
    for path, entry in entries:
        if not path.is_file() or path.stat().st_size != entry["size"] or _sha256(path) != entry["sha256"]:
            raise BackupError(f"{path} is missing or does not match the manifest")
    return manifest


def restore(source: Path) -> dict:
    """Restore ``source`` into the configured database (which must have no tables) and storage."""
    manifest = verify(source)
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(f"the database {settings.DATABASES['default']['NAME']} is not empty ({len(tables)} tables)")
    connection.close()
    options, env = _pg_environment()
    subprocess.run(  # noqa: S603
        [
            _tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            *options,
            "--dbname",
            settings.DATABASES["default"]["NAME"],
            str(source / DUMP),
        ],  # fmt: skip
        env=env,
        check=True,
        capture_output=True,
    )
    for entry in manifest["media"]:
        _copy_in(default_storage, entry["name"], source / MEDIA / entry["name"])
    for alias, files in manifest.get("storages", {}).items():
        for entry in files:
            _copy_in(storages[alias], entry["name"], source / STORAGES_FOLDER / alias / entry["name"])
    return manifest


def _copy_in(storage, name: str, path: Path) -> None:
    if storage.exists(name):
        storage.delete(name)  # a probe or a file of an earlier, interrupted restore
    with open(path, "rb") as handle:
        saved = storage.save(name, File(handle, name=os.path.basename(name)))
    if saved != name:
        raise BackupError(f"the storage saved {name} as {saved}")
