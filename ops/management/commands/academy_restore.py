"""``manage.py academy_restore <dir>``: a backup into an empty database and media storage."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by academy_backup into an EMPTY database and the media storage (hashes checked first)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options):
        try:
            manifest = restore(directory)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        except Exception as exc:
            raise CommandError(f"restore failed: {exc} {getattr(exc, 'stderr', b'') or ''}") from exc
        self.stdout.write(f"Restored the database and {len(manifest['media'])} media files from {directory}")
