import os

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve Styrbord on 127.0.0.1 for local use (production runs a WSGI server)."

    def add_arguments(self, parser):
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, **options):
        address = f"{options['host']}:{options['port']}"
        self.stdout.write(f"Styrbord: http://{address}/")
        call_command("runserver", address, use_reloader=False)
