"""Owed e-mails name their task by a registered name (core.outbox.register), no longer
by the function's dotted path: rows written before, still unsent, keep their mail."""

from django.db import migrations

# The dotted paths rows held, and the names the apps now register for them.
RENAMED = {
    "registration.emails.notify": "registration.status",
    "activities.emails.notify": "activities.booking_status",
    "startups.emails.notify_submitted": "startups.application_received",
    "startups.emails.notify_decision": "startups.decision",
    "matchmaking.notifications.notify": "matchmaking.request_status",
}


def rename(apps, renames):
    OutboxEmail = apps.get_model("core", "OutboxEmail")
    for old, new in renames.items():
        OutboxEmail.objects.filter(task=old).update(task=new)


def forwards(apps, schema_editor):
    rename(apps, RENAMED)


def backwards(apps, schema_editor):
    rename(apps, {new: old for old, new in RENAMED.items()})
    # The code before this one has no task for the others (the lounge's meeting mails
    # left without the outbox) and would stop at each of them: they cannot be sent.
    OutboxEmail = apps.get_model("core", "OutboxEmail")
    OutboxEmail.objects.filter(sent_at__isnull=True).exclude(task__in=RENAMED).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_outbox"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
