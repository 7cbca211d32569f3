from django.core.management.base import BaseCommand

from styrbord.core.services.access import purge_access_log


class Command(BaseCommand):
    help = "Delete access-log entries older than ACCESS_LOG_RETENTION_DAYS (run daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"Deleted {purge_access_log()} access-log entries.")
