from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from styrbord.core.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load the demo municipalities (Norddjurs and Rebild) with demo logins. Idempotent."

    def handle(self, *args, **options):
        if settings.PRODUCTION or not settings.DEMO_MODE:
            raise CommandError(
                "Demo data is loaded only with STYRBORD_DEMO=1, never in production."
            )
        logins = []
        # Each app with a ``demo`` module adds its part, in INSTALLED_APPS order.
        for config in apps.get_app_configs():
            if not config.name.startswith("styrbord."):
                continue
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError:
                continue
            logins.extend(module.load() or [])
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo logins (password: {DEMO_PASSWORD}):")
        for username, description in logins:
            self.stdout.write(f"  {username:22} {description}")
