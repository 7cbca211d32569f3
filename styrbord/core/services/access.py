"""The access log: reads of pages that show personal data."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest
from django.utils import timezone

from styrbord.core.models import AccessLogEntry


def record_access(request: HttpRequest, obj: models.Model | None = None) -> AccessLogEntry:
    return AccessLogEntry._base_manager.create(
        municipality=request.municipality,
        # An API request authenticates inside DRF, which sets the user on this request too.
        user=request.user if request.user.is_authenticated else None,
        path=request.get_full_path()[:500],
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
    )


def purge_access_log(now: datetime.datetime | None = None) -> int:
    """Delete entries older than the retention period; returns how many went."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS)
    deleted, _ = AccessLogEntry._base_manager.filter(time__lt=cutoff).delete()
    return deleted
