"""QR codes printed on the handouts and the whole book, opening their page online. segno draws them at build time
as inline SVG, so a page or PDF asks no other host for them; a QR code needs the site's public address
(`site_url`), and a build without one prints none."""

from dataclasses import dataclass

import segno
from markupsafe import Markup

from handbook.urls import published


@dataclass(frozen=True)
class Code:
    """A QR code: the address it encodes, and its drawing (sized by the stylesheet)."""

    address: str
    svg: Markup


def code(address: str) -> Code:
    """The QR code of an address (error correction M: a printed code still reads with a fold or a smudge)."""
    drawing = segno.make(address, error="m", micro=False).svg_inline(omitsize=True, svgclass="hb-qr__code", lineclass=None)
    return Code(address, Markup(drawing))  # segno's own SVG: no text of ours in it


def online(site_url: str | None, path: str) -> Code | None:
    """The QR code of a page's address on the published site, or None when the site's address is not set."""
    return code(published(site_url, path)) if site_url else None
