"""Where uploaded files live: outside the web root, served only through views that check
who may see them (agenda attachments, terms of reference)."""

from django.core.files.storage import Storage, storages


def private_storage() -> Storage:
    return storages["private"]
