"""Where uploaded files live: outside the web root, served only through views that check
who may see them (agenda attachments, terms of reference)."""

from django.core.files.storage import Storage, storages


class _PrivateStorage(Storage):
    """Stands for ``storages["private"]`` on every use.

    A FileField resolves its storage once, when the models load; delegating each call
    lets a change of ``STORAGES`` (another location in production, a temporary one in a
    test) take effect without reloading the models.
    """

    def __getattribute__(self, name: str):
        if name.startswith("__"):
            return object.__getattribute__(self, name)
        return getattr(storages["private"], name)


_private = _PrivateStorage()


def private_storage() -> Storage:
    return _private
