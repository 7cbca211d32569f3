from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "styrbord.strategy"
    label = "strategy"
    verbose_name = _("Strategy")

    def ready(self) -> None:
        from styrbord.core.views.history import HISTORY_MODELS

        HISTORY_MODELS.update(
            {
                "strategy": "strategy.Strategy",
                "strategy-addendum": "strategy.StrategyAddendum",
                "focus-area": "strategy.FocusArea",
                "principle": "strategy.Principle",
            }
        )
