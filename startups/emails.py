"""The applicant's e-mail when their application is sent to the jury, in the
application's language, with the link to its status page. (Decision e-mails are
written by startups/decisions.py.)"""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from core.mail import Story, compose, send_logged
from startups.models import Application

logger = logging.getLogger(__name__)


def application_language(application: Application) -> str:
    codes = dict(settings.LANGUAGES)
    return application.language if application.language in codes else settings.LANGUAGE_CODE


def status_url(application: Application, *, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse("startups:application", args=[application.pk])


def submitted_story(application: Application) -> Story:
    """What the e-mail says, in the active language."""
    call, edition = application.call, application.call.edition
    names = {"name": application.name, "call": call.title, "edition": edition.name}
    closes = formats.date_format(timezone.localtime(call.closes_at, edition.tz), "DATE_FORMAT")
    return Story(
        subject=_("We have received the application of %(name)s") % names,
        paragraphs=[
            _(
                "Thank you: the application of %(name)s to the %(call)s of %(edition)s has "
                "reached the jury."
            )
            % names,
            _(
                "Applications close on %(date)s; the jury then reviews each of them, and we "
                "e-mail you its decision."
            )
            % {"date": closes},
            _(
                "Your status page shows where your application stands. You can withdraw it "
                "there until the decision."
            ),
        ],
        greeting_name=application.contact_name or application.applicant.first_name,
        link_label=_("See my application"),
        link_url=status_url(application, language=translation.get_language()),
        signature=[edition.name, f"{edition.venue}, {edition.city}".strip(", ")],
    )


def notify_submitted(application_id: int) -> bool:
    application = Application.objects.select_related("call__edition", "applicant").get(
        pk=application_id
    )
    address = application.applicant.email
    if not address:
        logger.warning("No e-mail address for application %s", application_id)
        return False
    language = application_language(application)
    with translation.override(language):
        message = compose(submitted_story(application), to=address, language=language)
    return send_logged(message, application_id=application_id, what="submitted")
