"""Storage for files no URL may ever serve (the stored inspection evidence packs)."""

from __future__ import annotations

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder outside ``MEDIA_ROOT`` whose files have no URL: a view that checks permissions reads
    them and sends them. Asking for a URL is a programming error."""

    def url(self, name):
        raise ValueError("files in private storage have no URL")
