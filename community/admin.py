"""Community contributions in the administration: read and search; moderation itself
happens on the moderators' pages (questions, polls) and the ideas' pages, where
counters and the public view stay right. Votes are never edited."""

from django.contrib import admin

from community.models import (
    Feedback,
    Idea,
    IdeaComment,
    Poll,
    Question,
    QuestionBoard,
    Report,
)
from core.photos import clean_photo
from editions.admin import ReadOnlyMixin, StaffAdmin


@admin.register(QuestionBoard)
class QuestionBoardAdmin(StaffAdmin):
    list_display = ["session", "is_open", "premoderated", "moderated_by", "moderated_at"]
    list_filter = ["is_open", "premoderated", "session__edition"]
    search_fields = ["session__title_fr"]
    raw_id_fields = ["session"]
    readonly_fields = ["moderated_by", "moderated_at"]
    list_select_related = ["session", "moderated_by"]

    def save_model(self, request, obj, form, change):
        obj.moderated(request.user)
        super().save_model(request, obj, form, change)


@admin.register(Question)
class QuestionAdmin(ReadOnlyMixin, StaffAdmin):
    list_display = [
        "text",
        "board",
        "status",
        "votes",
        "is_pinned",
        "answered_at",
        "created_at",
        "moderated_by",
        "moderated_at",
    ]
    list_filter = ["status", "is_pinned", "board__session__edition"]
    search_fields = ["text", "author_name"]
    list_select_related = ["board__session", "moderated_by"]


@admin.register(Poll)
class PollAdmin(ReadOnlyMixin, StaffAdmin):
    list_display = ["question", "session", "kind", "status", "ballots", "moderated_by"]
    list_filter = ["status", "kind", "session__edition"]
    search_fields = ["question"]


@admin.register(Idea)
class IdeaAdmin(ReadOnlyMixin, StaffAdmin):
    list_display = [
        "title",
        "pivot",
        "arrondissement",
        "decision",
        "votes",
        "comment_count",
        "is_hidden",
        "created_at",
        "answered_by",
        "moderated_by",
    ]
    list_filter = ["decision", "is_hidden", "pivot", "arrondissement", "edition"]
    search_fields = ["title", "description"]
    list_select_related = ["pivot", "answered_by", "moderated_by"]
    pictures = {"photo": clean_photo}


@admin.register(IdeaComment)
class IdeaCommentAdmin(ReadOnlyMixin, StaffAdmin):
    list_display = ["text", "idea", "is_hidden", "created_at", "moderated_by"]
    list_filter = ["is_hidden"]
    search_fields = ["text"]


@admin.register(Feedback)
class FeedbackAdmin(ReadOnlyMixin, StaffAdmin):
    list_display = ["session", "rating", "created_at"]
    list_filter = ["rating", "session__edition", "session__pivot"]
    search_fields = ["comment"]


@admin.register(Report)
class ReportAdmin(ReadOnlyMixin, StaffAdmin):
    list_display = ["idea", "comment", "created_at"]
    list_filter = ["idea__edition"]
    list_select_related = ["idea", "comment"]
