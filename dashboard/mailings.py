"""Mailings: compose one per language, queue one delivery per recipient in the
database, and send the queue.

Exactly once: each delivery is claimed in its own transaction with SELECT … FOR
UPDATE SKIP LOCKED, sent, and marked sent before the transaction commits. A sender
stopped between two deliveries (a signal, a limit, a crash of the machine between
them) leaves every delivery either sent and marked, or queued and unsent; starting
it again sends the rest. Two senders at once never take the same delivery. Only a
crash inside one SMTP conversation can repeat that one message; its Message-ID is
stable, so mail servers and clients recognise the repeat.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, make_msgid
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import RuleError
from dashboard.models import Delivery, Mailing, Unsubscribe
from dashboard.segments import Recipient, recipients
from registration.models import Consent

UNSUBSCRIBE_SALT = "jemaa.mailings.unsubscribe"


class MailingError(RuleError):
    """A mailing cannot be queued; `message` is translated."""


def unsubscribe_url(email: str, language: str) -> str:
    token = signing.dumps(email, salt=UNSUBSCRIBE_SALT)
    with translation.override(language):
        path = reverse("mailings:unsubscribe", args=[token])
    return settings.SITE_URL.rstrip("/") + path


def unsubscribed_email(token: str) -> str | None:
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


def version(mailing: Mailing, language: str) -> tuple[str, str]:
    """The subject and text in `language`, French where that version is empty."""
    subject = getattr(mailing, f"subject_{language}", "") or mailing.subject_fr
    body = getattr(mailing, f"body_{language}", "") or mailing.body_fr
    return subject, body


def compose(mailing: Mailing, recipient: Recipient, *, message_id: str) -> EmailMultiAlternatives:
    subject, body = version(mailing, recipient.language)
    link = unsubscribe_url(recipient.email, recipient.language)
    with translation.override(recipient.language):
        footer = _(
            "You receive this e-mail about %(edition)s. To receive no more of them: %(link)s"
        ) % {"edition": mailing.edition.name, "link": link}
    return EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=f"{body}\n\n-- \n{footer}\n",
        to=[recipient.email],
        headers={
            "Content-Language": recipient.language,
            "Message-ID": message_id,
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def sample(mailing: Mailing, *, to: str, language: str) -> EmailMultiAlternatives:
    """The mailing as one recipient would get it, footer and unsubscribe link included."""
    return compose(mailing, Recipient(to, "", language), message_id=make_msgid("test"))


def send_test(mailing: Mailing, *, to: str, language: str) -> None:
    """The mailing as one recipient would get it, to the staff member only."""
    sample(mailing, to=to, language=language).send()


def queue(mailing: Mailing, *, by) -> int:
    """One delivery per recipient; refused when the segment selects nobody or it is queued."""
    chosen = recipients(mailing)
    if not chosen:
        raise MailingError(
            _("This segment selects nobody: there is no one to send it to."), "nobody"
        )
    with transaction.atomic():
        locked = Mailing.objects.select_for_update().get(pk=mailing.pk)
        if locked.status != Mailing.Status.DRAFT:
            raise MailingError(_("This mailing is already queued."), "already_queued")
        Delivery.objects.bulk_create(
            [
                Delivery(mailing=mailing, email=r.email, name=r.name, language=r.language)
                for r in chosen
            ]
        )
        locked.status, locked.queued_at, locked.queued_by = (
            Mailing.Status.QUEUED,
            timezone.now(),
            by,
        )
        locked.save(update_fields=["status", "queued_at", "queued_by"])
    return len(chosen)


def _message_id(delivery: Delivery) -> str:
    domain = settings.SITE_URL.split("//")[-1].split("/")[0].split(":")[0] or "jemaa.local"
    return f"<mailing-{delivery.mailing_id}-delivery-{delivery.pk}@{domain}>"


def send_next() -> Delivery | None:
    """Claim, send and mark one queued delivery; None when the queue is empty."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True)
            .select_related("mailing__edition")
            .filter(status=Delivery.Status.QUEUED)
            .order_by("id")
            .first()
        )
        if delivery is None:
            return None
        if Unsubscribe.objects.filter(email=delivery.email).exists():
            delivery.status = Delivery.Status.UNSUBSCRIBED
            delivery.save(update_fields=["status"])
            return delivery
        delivery.attempts += 1
        try:
            compose(
                delivery.mailing,
                Recipient(delivery.email, delivery.name, delivery.language),
                message_id=_message_id(delivery),
            ).send()
        except Exception:  # noqa: BLE001 - a refused address must not stop the queue
            delivery.status = Delivery.Status.FAILED if delivery.attempts >= 3 else delivery.status
        else:
            delivery.status, delivery.sent_at = Delivery.Status.SENT, timezone.now()
        delivery.save(update_fields=["status", "sent_at", "attempts"])
    return delivery


def send_queued(*, limit: int | None = None, should_stop=lambda: False) -> int:
    """Send up to `limit` deliveries; stop between two when `should_stop()` says so."""
    sent = 0
    while (limit is None or sent < limit) and not should_stop():
        delivery = send_next()
        if delivery is None:
            break
        sent += delivery.status == Delivery.Status.SENT
    return sent


@transaction.atomic
def unsubscribe_address(email: str) -> None:
    """No more mailings to `email`; its consent to news, if any, is withdrawn too, so
    the person's account says the same."""
    Unsubscribe.objects.get_or_create(email=email)
    Consent.objects.filter(
        purpose=Consent.Purpose.NEWS, registration__email__iexact=email, withdrawn_at__isnull=True
    ).update(withdrawn_at=timezone.now())


def resubscribe(sender, *, email: str, **kwargs) -> None:
    """Asking for the news again from one's account undoes an earlier "stop the
    mailings" from an e-mail's link (accounts.privacy.news_wanted)."""
    Unsubscribe.objects.filter(email__iexact=email).delete()
