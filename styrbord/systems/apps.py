from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SystemsConfig(AppConfig):
    name = "styrbord.systems"
    label = "systems"
    verbose_name = _("IT systems")
