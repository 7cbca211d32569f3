"""Writes to users, memberships and API tokens."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from styrbord.core.models import ApiToken, Membership, Municipality, Role, User
from styrbord.core.models.users import hash_token
from styrbord.core.services import changes


@transaction.atomic
def create_user(
    *,
    actor: User | None,
    username: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    user.set_password(password)
    user.full_clean()
    return changes.create(user, actor=actor)


def _admins_left(municipality: Municipality, without: Membership) -> int:
    return (
        Membership.objects.filter(municipality=municipality, role=Role.ADMIN)
        .exclude(pk=without.pk)
        .count()
    )


def add_membership(
    *, municipality: Municipality, actor: User | None, user: User, role: str
) -> Membership:
    if Membership.objects.filter(municipality=municipality, user=user).exists():
        raise ValidationError({"username": _("This user already has a role in the municipality.")})
    return changes.create(Membership(municipality=municipality, user=user, role=role), actor=actor)


@transaction.atomic
def add_user(
    *,
    municipality: Municipality,
    actor: User | None,
    username: str,
    role: str,
    password: str = "",
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> Membership:
    """Give an existing login a role here, or create the login first when it is new."""
    user = User.objects.filter(username=username).first()
    if user is None:
        if not password:
            raise ValidationError({"password": _("A new login needs an initial password.")})
        user = create_user(
            actor=actor,
            username=username,
            password=password,
            first_name=first_name,
            last_name=last_name,
            email=email,
        )
    return add_membership(municipality=municipality, actor=actor, user=user, role=role)


def change_role(
    membership: Membership, *, actor: User | None, expected_version: int, role: str
) -> Membership:
    if (
        membership.role == Role.ADMIN
        and role != Role.ADMIN
        and not _admins_left(membership.municipality, membership)
    ):
        raise ValidationError(
            {"role": _("The municipality must keep at least one local administrator.")}
        )
    return changes.update(
        membership, actor=actor, expected_version=expected_version, changes={"role": role}
    )


def remove_membership(membership: Membership, *, actor: User | None) -> None:
    if membership.role == Role.ADMIN and not _admins_left(membership.municipality, membership):
        raise ValidationError(
            {"role": _("The municipality must keep at least one local administrator.")}
        )
    changes.delete(membership, actor=actor)


@transaction.atomic
def create_api_token(
    *,
    user: User,
    municipality: Municipality,
    name: str,
    can_write: bool = False,
    expires_at=None,
) -> tuple[ApiToken, str]:
    """Create a token and return it with its key. The key is shown once and never stored."""
    key = ApiToken.generate_key()
    token = ApiToken(
        user=user,
        municipality=municipality,
        name=name,
        prefix=key[:8],
        key_hash=hash_token(key),
        can_write=can_write,
        expires_at=expires_at,
    )
    token.full_clean()
    token.save()
    changes.record(token, actor=user, action="create", before=None, after=changes.snapshot(token))
    return token, key


def revoke_api_token(token: ApiToken, *, actor: User) -> ApiToken:
    if token.revoked_at is None:
        before = changes.snapshot(token)
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        changes.record(
            token, actor=actor, action="update", before=before, after=changes.snapshot(token)
        )
    return token
