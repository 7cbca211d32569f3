from django.db import migrations

from styrbord.systems import role_catalogue


def load(apps, schema_editor):
    """The catalogue's roles, from Rebild's roles and responsibilities and KITOS's names."""
    Municipality = apps.get_model("core", "Municipality")
    Role = apps.get_model("systems", "Role")
    catalogue = Municipality._base_manager.get(is_catalogue=True)
    for spec in role_catalogue.ROLES:
        Role._base_manager.update_or_create(
            municipality=catalogue,
            key=spec.key,
            defaults={
                "name": spec.name,
                "responsibilities": "\n".join(spec.responsibilities),
                "tasks": "\n".join(spec.tasks),
                "applies_to": list(spec.applies_to),
                "kitos_names": list(spec.kitos_names),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("systems", "0001_initial"), ("core", "0002_reference_data")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
