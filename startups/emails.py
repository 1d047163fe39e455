"""The applicant's e-mails — when the application reaches the jury, and the jury's
decision — in the application's language, with the link to its status page."""

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


def _story(application: Application, *, subject: str, paragraphs: list[str]) -> Story:
    edition = application.call.edition
    return Story(
        subject=subject,
        paragraphs=[paragraph for paragraph in paragraphs if paragraph],
        greeting_name=application.contact_name or application.applicant.first_name,
        link_label=_("See my application"),
        link_url=status_url(application, language=translation.get_language()),
        signature=[edition.name, f"{edition.venue}, {edition.city}".strip(", ")],
    )


def _send(application_id: int, make_story, *, what: str, when=None) -> bool | None:
    """E-mail the applicant in the application's language; `when(application)` says
    whether this e-mail applies to it (a decision taken back sends nothing). False when
    the mail server refused; None when there is nothing to send (nothing to retry)."""
    application = Application.objects.select_related("call__edition", "applicant").get(
        pk=application_id
    )
    address = application.applicant.email
    if not address or (when is not None and not when(application)):
        logger.warning("No %s e-mail for application %s", what, application_id)
        return None
    language = application_language(application)
    with translation.override(language):
        message = compose(make_story(application), to=address, language=language)
    return send_logged(message, application_id=application_id, what=what)


def submitted_story(application: Application) -> Story:
    """What the e-mail says, in the active language."""
    call, edition = application.call, application.call.edition
    names = {"name": application.name, "call": call.title, "edition": edition.name}
    closes = formats.date_format(timezone.localtime(call.closes_at, edition.tz), "DATE_FORMAT")
    return _story(
        application,
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
    )


def notify_submitted(application_id: int) -> bool | None:
    return _send(application_id, submitted_story, what="submitted")


def decision_story(application: Application) -> Story:
    """The e-mail telling the applicant the jury's decision (active language)."""
    edition = application.call.edition
    names = {"name": application.name, "call": application.call.title, "edition": edition.name}
    if application.status == Application.Status.SELECTED:
        subject = _("%(name)s is selected for the %(call)s") % names
        first = (
            _("Good news: the jury of the %(call)s of %(edition)s has selected %(name)s.") % names
        )
        last = _("Your status page will show your booth once it is assigned.")
    else:
        subject = _("Your application to the %(call)s") % names
        first = (
            _("We are sorry: %(name)s has not been selected for the %(call)s of %(edition)s.")
            % names
        )
        last = _("Thank you for applying, and for what you do for the city.")
    return _story(
        application, subject=subject, paragraphs=[first, application.decision_message, last]
    )


def notify_decision(application_id: int) -> bool | None:
    """E-mail the decision to the applicant, in the application's language."""
    decided = (Application.Status.SELECTED, Application.Status.REJECTED)
    return _send(
        application_id, decision_story, what="decision", when=lambda a: a.status in decided
    )
