"""URL converters shared by the apps' addresses."""


class SecretConverter:
    """The secret of a private link (secrets.token_urlsafe): letters, digits, - and _.
    Anything else is not a link we gave out, so it is a 404 before any query (a NUL
    byte would otherwise reach PostgreSQL, which refuses it with an error)."""

    regex = r"[A-Za-z0-9_-]{1,128}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
