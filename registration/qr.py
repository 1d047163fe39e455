"""QR codes of tickets. They carry the ticket secret and nothing else."""

import functools
import io
import re

import segno

SVG_SIZE = re.compile(r'<svg ([^>]*?)width="(\d+)" height="(\d+)"')


@functools.lru_cache(maxsize=512)
def _code(secret: str):
    # Error correction "M" keeps a printed or cracked-screen code readable. The
    # mask search (most of the cost) is kept: it makes codes easier to scan at the
    # door; the cache spares it when the same ticket is shown again.
    return segno.make_qr(secret, error="m")


def qr_svg(secret: str, *, scale: int = 4) -> str:
    """An inline SVG (no XML declaration), for pages and badges."""
    buffer = io.BytesIO()
    _code(secret).save(
        buffer, kind="svg", scale=scale, border=2, xmldecl=False, svgns=True, title="QR", nl=False
    )
    return buffer.getvalue().decode()


def scalable(svg: str) -> str:
    """segno's SVG has a fixed size: give it a viewBox so CSS can size it."""
    return SVG_SIZE.sub(r'<svg \1viewBox="0 0 \2 \3" width="\2" height="\3"', svg, count=1)


def qr_png(secret: str, *, scale: int = 8) -> bytes:
    """A PNG, for e-mail attachments."""
    buffer = io.BytesIO()
    _code(secret).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
