"""``styrbord kitos-sync --municipality 0707 [--dry-run] [--full]``: one KITOS synchronisation."""

from django.core.management.base import BaseCommand, CommandError

from styrbord.core.models import Municipality
from styrbord.integrations.kitos.importer import (
    KINDS,
    client_from_settings,
    is_configured,
    synchronise,
)
from styrbord.systems.models import RunStatus


class Command(BaseCommand):
    help = (
        "Synchronise a municipality's IT systems, usages, contracts, data-processing "
        "registrations and roles from KITOS (changes since the last run unless --full)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="kommunekode, e.g. 0707")
        parser.add_argument(
            "--dry-run", action="store_true", help="show the changes without writing them"
        )
        parser.add_argument(
            "--full", action="store_true", help="read everything, not only what changed"
        )

    def handle(self, *args, **options):
        try:
            municipality = Municipality.objects.get(
                code=options["municipality"], is_catalogue=False
            )
        except Municipality.DoesNotExist:
            raise CommandError(f"No municipality has the code {options['municipality']}.") from None
        if not is_configured():
            raise CommandError("Set KITOS_URL, KITOS_EMAIL and KITOS_PASSWORD first.")
        run = synchronise(
            municipality, client_from_settings(), dry_run=options["dry_run"], full=options["full"]
        )
        heading = "Dry run" if run.dry_run else "Synchronisation"
        since = run.changed_since.isoformat() if run.changed_since else "everything"
        self.stdout.write(f"{heading} of {municipality} from KITOS ({since}): {run.status}")
        kinds = [*KINDS, *(kind for kind in run.counts if kind not in KINDS)]
        for kind in kinds:
            counts = run.counts.get(kind)
            if counts:
                line = ", ".join(f"{action} {number}" for action, number in sorted(counts.items()))
                self.stdout.write(f"  {kind}: {line}")
        for problem in run.problems:
            self.stdout.write(
                f"  skipped {problem['kind']} {problem['uuid'] or '?'} "
                f"{problem['name']}: {problem['message']}"
            )
        if run.status == RunStatus.FAILED:
            raise CommandError(run.error or "The synchronisation failed.")
