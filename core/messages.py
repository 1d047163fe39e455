"""Flash messages ("Your question is sent") kept in a cookie, as Django does, under a
`__Host-` name in production like every other cookie of the site: secure, for this
host only, never set by a sibling subdomain."""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.messages.storage.session import SessionStorage


class HostCookieStorage(CookieStorage):
    cookie_name = "__Host-messages" if settings.HTTPS else "messages"


class MessageStorage(FallbackStorage):
    storage_classes = (HostCookieStorage, SessionStorage)
