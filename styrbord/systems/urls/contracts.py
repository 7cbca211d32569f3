"""Contract pages under ``/<kommune>/systemer/kontrakter/``."""

from django.urls import path

from styrbord.systems.views import contracts

urlpatterns = [
    path("kontrakter/", contracts.contract_list, name="contracts"),
    path("kontrakter/udloeber/", contracts.expiring, name="expiring"),
    path("kontrakter/ny/", contracts.contract_create, name="contract_create"),
    path("kontrakter/<int:pk>/", contracts.contract_detail, name="contract_detail"),
    path("kontrakter/<int:pk>/rediger/", contracts.contract_edit, name="contract_edit"),
    path("kontrakter/<int:pk>/slet/", contracts.contract_delete, name="contract_delete"),
    path("kontrakter/<int:pk>/anvendelser/", contracts.contract_usages, name="contract_usages"),
    path("kontrakter/<int:pk>/omkostning/ny/", contracts.cost_create, name="cost_create"),
    path("kontrakter/omkostning/<int:pk>/slet/", contracts.cost_delete, name="cost_delete"),
]
