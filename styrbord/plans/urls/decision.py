"""URL patterns; see the module of the same name in ``views``, and ``views.exports``."""

from django.urls import path

from styrbord.plans.views import decision, exports

urlpatterns = [
    path("<int:year>/v<int:number>/indsend/", decision.submit, name="submit"),
    path("<int:year>/sammenlign/", decision.compare, name="compare"),
    path("<int:year>/v<int:number>/indsatsplan.pdf", exports.version_pdf, name="version_pdf"),
    path("<int:year>/v<int:number>/indsatsplan.xlsx", exports.version_xlsx, name="version_xlsx"),
]
