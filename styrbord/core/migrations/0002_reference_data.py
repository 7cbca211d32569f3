from django.db import migrations

from styrbord.core import reference


def load(apps, schema_editor):
    Municipality = apps.get_model("core", "Municipality")
    for row in reference.municipalities():
        Municipality.objects.update_or_create(
            code=row["code"],
            defaults={"name": row["name"], "region": row["region"], "slug": row["slug"]},
        )
    Municipality.objects.get_or_create(
        is_catalogue=True,
        defaults={"name": reference.CATALOGUE["name"], "slug": reference.CATALOGUE["slug"]},
    )
    SiteText = apps.get_model("core", "SiteText")
    SiteText.objects.get_or_create(
        key="accessibility-statement",
        defaults={
            "title": reference.ACCESSIBILITY_STATEMENT_TITLE,
            "body": reference.ACCESSIBILITY_STATEMENT_BODY,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
