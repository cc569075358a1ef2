"""``manage.py academy_backup <dir>``: PostgreSQL (pg_dump) and the media storage, with a manifest."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump custom format) and every media file, with their SHA-256, into an empty folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options):
        try:
            manifest = backup(directory)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        except Exception as exc:  # pg_dump missing or failing: say so, in one line
            raise CommandError(f"backup failed: {exc} {getattr(exc, 'stderr', b'') or ''}") from exc
        self.stdout.write(
            f"Backed up the database ({manifest['database']['size']} bytes) and "
            f"{len(manifest['media'])} media files into {directory}"
        )
