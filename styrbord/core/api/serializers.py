from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from styrbord.core.models import OrgUnit, Person


class ScopedPrimaryKeyField(serializers.PrimaryKeyRelatedField):
    """A reference to a row of the request's municipality (the scoped manager sees no others)."""

    def get_queryset(self):
        return self.queryset.model.objects.all()


class VersionedSerializer(serializers.ModelSerializer):
    """Updates must send the ``version`` they read; a stale one is answered with 409."""

    version = serializers.IntegerField(
        required=False,
        help_text=_("The version read before editing. Required on update."),
    )

    def validate(self, attrs):
        if self.instance is not None and "version" not in attrs:
            raise serializers.ValidationError(
                {"version": _("Send the version you read; it protects against lost updates.")}
            )
        return attrs


class OrgUnitSerializer(VersionedSerializer):
    parent = ScopedPrimaryKeyField(queryset=OrgUnit.objects, allow_null=True, required=False)

    class Meta:
        model = OrgUnit
        fields = [
            "id",
            "name",
            "kind",
            "parent",
            "short_name",
            "email",
            "closed_on",
            "external_uuid",
            "version",
            "updated_at",
        ]
        read_only_fields = ["closed_on", "updated_at"]


class PersonSerializer(VersionedSerializer):
    org_unit = ScopedPrimaryKeyField(queryset=OrgUnit.objects, allow_null=True, required=False)

    class Meta:
        model = Person
        fields = [
            "id",
            "name",
            "title",
            "email",
            "phone",
            "org_unit",
            "is_manager",
            "is_active",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
