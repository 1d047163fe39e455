from django.urls import path

from community.views import exports, feedback, ideas, moderation
from community.views import questions as qa

app_name = "community"

SESSION = "programme/sessions/<int:session_id>/"

urlpatterns = [
    path(f"{SESSION}questions/", qa.question_list, name="questions"),
    path(f"{SESSION}questions/live/", qa.question_list_live, name="questions_live"),
    path(f"{SESSION}questions/<int:question_id>/vote/", qa.upvote, name="upvote"),
    path(f"{SESSION}questions/screen/", qa.screen, name="screen"),
    path(f"{SESSION}questions/screen/live/", qa.screen_live, name="screen_live"),
    path(f"{SESSION}questions/moderate/", moderation.moderate, name="moderate"),
    path(f"{SESSION}questions/moderate/live/", moderation.moderate_live, name="moderate_live"),
    path(
        f"{SESSION}questions/moderate/settings/", moderation.board_settings, name="board_settings"
    ),
    path(
        f"{SESSION}questions/<int:question_id>/moderate/",
        moderation.moderate_question,
        name="moderate_question",
    ),
    path(f"{SESSION}polls/new/", moderation.new_poll, name="new_poll"),
    path(f"{SESSION}polls/<int:poll_id>/status/", moderation.poll_status, name="poll_status"),
    path(f"{SESSION}polls/<int:poll_id>/vote/", qa.poll_vote, name="poll_vote"),
    path(f"{SESSION}feedback/", feedback.give, name="feedback"),
    path("community/feedback/", feedback.results, name="feedback_results"),
    path("ideas/", ideas.idea_list, name="ideas"),
    path("ideas/new/", ideas.propose, name="propose"),
    path("ideas/moderate/", ideas.moderation, name="ideas_moderation"),
    path("ideas/ideas.json", exports.as_json, name="ideas_json"),
    path("ideas/<str:table>.csv", exports.as_csv, name="ideas_csv"),
    path("ideas/<int:idea_id>/", ideas.idea_detail, name="idea"),
    path("ideas/<int:idea_id>/vote/", ideas.support, name="support"),
    path("ideas/<int:idea_id>/comment/", ideas.comment, name="comment"),
    path("ideas/<int:idea_id>/report/", ideas.report, name="report"),
    path("ideas/<int:idea_id>/decide/", ideas.decide, name="decide"),
    path("ideas/<int:idea_id>/moderate/", ideas.moderate, name="moderate_idea"),
    path(
        "ideas/comments/<int:comment_id>/moderate/", ideas.moderate_comment, name="moderate_comment"
    ),
]
