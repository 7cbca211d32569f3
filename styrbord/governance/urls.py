"""Governance pages, under /<kommune>/styring/. Each section is served by one views module."""

from django.urls import path

from styrbord.governance.views import (
    bodies,
    documents,
    feeds,
    follow_up,
    items,
    meetings,
    wheel,
)

app_name = "governance"

urlpatterns: list = []

# --- bodies, members, meetings, agenda items, decisions, action items (views/bodies.py,
#     views/meetings.py, views/items.py, views/follow_up.py) ---
urlpatterns += [
    path("", bodies.body_list, name="body_list"),
    path("organer/ny/", bodies.body_create, name="body_create"),
    path("organer/<int:pk>/", bodies.body_detail, name="body_detail"),
    path("organer/<int:pk>/rediger/", bodies.body_edit, name="body_edit"),
    path("organer/<int:pk>/afslut/", bodies.body_conclude, name="body_conclude"),
    path("organer/<int:pk>/kommissorium/", bodies.terms_document_upload, name="terms_upload"),
    path(
        "organer/<int:pk>/kommissorium/hent/",
        bodies.terms_document_download,
        name="terms_download",
    ),
    path("organer/<int:pk>/medlemmer/ny/", bodies.membership_create, name="membership_create"),
    path("medlemskaber/<int:pk>/rediger/", bodies.membership_edit, name="membership_edit"),
    path("moeder/", meetings.meeting_list, name="meeting_list"),
    path("organer/<int:body_pk>/moeder/ny/", meetings.meeting_create, name="meeting_create"),
    path("moeder/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("moeder/<int:pk>/rediger/", meetings.meeting_edit, name="meeting_edit"),
    path("moeder/<int:pk>/trin/<slug:step>/", meetings.meeting_step, name="meeting_step"),
    path("moeder/<int:pk>/fra-aarshjulet/", meetings.fill_from_wheel, name="fill_from_wheel"),
    path("moeder/<int:pk>/deltagere/ny/", meetings.participant_add, name="participant_add"),
    path(
        "deltagere/<int:pk>/fremmoede/",
        meetings.participant_attendance,
        name="participant_attendance",
    ),
    path("deltagere/<int:pk>/fjern/", meetings.participant_remove, name="participant_remove"),
    path(
        "moeder/<int:pk>/protokolbemaerkning/",
        meetings.protocol_note_add,
        name="protocol_note_add",
    ),
    path("moeder/<int:pk>/punkter/ny/", items.item_create, name="item_create"),
    path("punkter/<int:pk>/rediger/", items.item_edit, name="item_edit"),
    path("punkter/<int:pk>/slet/", items.item_delete, name="item_delete"),
    path("punkter/<int:pk>/flyt/", items.item_move, name="item_move"),
    path("punkter/<int:pk>/beslutning/", items.item_decision, name="item_decision"),
    path("punkter/<int:pk>/eskaler/", items.item_escalate, name="item_escalate"),
    path("punkter/<int:pk>/bilag/ny/", items.attachment_add, name="attachment_add"),
    path("bilag/<int:pk>/", items.attachment_download, name="attachment_download"),
    path("bilag/<int:pk>/slet/", items.attachment_delete, name="attachment_delete"),
    path("punkter/<int:pk>/links/ny/", items.link_add, name="link_add"),
    path("links/<int:pk>/slet/", items.link_delete, name="link_delete"),
    path("punkter/<int:pk>/opfoelgning/ny/", follow_up.action_create, name="action_create"),
    path("beslutninger/", follow_up.decision_log, name="decision_log"),
    path("opfoelgning/", follow_up.action_list, name="action_list"),
    path("opfoelgning/<int:pk>/", follow_up.action_edit, name="action_edit"),
]

# --- annual wheel, planning, organisation diagram (views/wheel.py) ---
urlpatterns += [
    path("aarshjul/", wheel.wheel, name="wheel"),
    path("aarshjul/<int:year>/", wheel.wheel_year, name="wheel_year"),
    path("aarshjul/<int:year>/planlaeg/", wheel.wheel_plan, name="wheel_plan"),
    path("organer/<int:body_pk>/aarshjul/ny/", wheel.cycle_item_create, name="cycle_item_create"),
    path("aarshjulspunkter/<int:pk>/rediger/", wheel.cycle_item_edit, name="cycle_item_edit"),
    path("aarshjulspunkter/<int:pk>/slet/", wheel.cycle_item_delete, name="cycle_item_delete"),
    path("organisationsdiagram/", wheel.body_diagram, name="body_diagram"),
]

# --- PDF documents and calendar feeds (views/documents.py, views/feeds.py) ---
urlpatterns += [
    path("moeder/<int:pk>/dagsorden.pdf", documents.agenda_pdf, name="agenda_pdf"),
    path("moeder/<int:pk>/referat.pdf", documents.minutes_pdf, name="minutes_pdf"),
    path("kalendere/", feeds.feed_list, name="feed_list"),
    path("kalendere/ny/", feeds.feed_create, name="feed_create"),
    path("kalendere/<int:pk>/tilbagekald/", feeds.feed_revoke, name="feed_revoke"),
]
