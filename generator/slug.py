"""Ids made from free text: lowercase ASCII slugs that stay inside their folder."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG_LENGTH = 80
DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
"""Names Windows reserves for devices: `con.md` cannot exist there."""
RESERVED_NAMES = DEVICE_NAMES | {"index"}
"""Names a generated slug never takes."""


def slugify(text: str, fallback: str = "item", max_length: int = MAX_SLUG_LENGTH) -> str:
    """Lowercase ASCII words joined by hyphens: "Président Biden" -> "president-biden".

    The result matches `model.ID_PATTERN`, never contains a path separator or
    dots, is at most `max_length` characters (cut at a word boundary), and
    is never a name some filesystem reserves.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug:
        slug = words[0][:max_length] if words else fallback
    return f"{slug}-1" if slug in RESERVED_NAMES else slug


def unique_slug(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever is not in `taken`; adds it to `taken`.

    The suffix replaces the end of a long base, so the result stays within
    MAX_SLUG_LENGTH. The result depends on the order of calls: give items in a
    stable order (sorted) and their slugs are stable too.
    """
    slug, n = base, 2
    while slug in taken:
        suffix = f"-{n}"
        slug = base[: MAX_SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
        n += 1
    taken.add(slug)
    return slug
