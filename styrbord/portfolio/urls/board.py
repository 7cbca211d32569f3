"""The Project Board view (pk = a body of kind project_board)."""

from django.urls import path

from styrbord.portfolio.views import board

urlpatterns = [
    path("projektboard/", board.board_list, name="board_list"),
    path("projektboard/<int:pk>/", board.board, name="board"),
    path("projektboard/<int:pk>/dagsorden/", board.board_agenda, name="board_agenda"),
]
