"""The values a source phrase becomes: `Source` (the phrase taken apart) and `Entity` (canonical)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """A source phrase taken apart. Indonesian spans are kept next to their English."""

    text: str  # the Indonesian phrase as found
    kind: str  # person | organization | anonymous | country | medium | reporter | pronoun | document
    who: str | None = None  # a person's name without rank or title ("Mark Rutte")
    role: str | None = None  # English ("Secretary General")
    role_id: str | None = None  # Indonesian span ("Sekjen")
    organization: str | None = None  # English ("NATO")
    organization_id: str | None = None  # Indonesian span ("Pakta Pertahanan Atlantik Utara (NATO)")
    org_key: str | None = None  # canonical key of the organisation, when known
    affiliation: str | None = None  # English adjective for anonymous sources ("Western")
    speaks_for_org: bool = False
    former: bool = False
    aliases: tuple[str, ...] = ()  # acronyms defined in parentheses


@dataclass(frozen=True)
class Entity:
    """A canonical source: everything said by its aliases is grouped under `key`."""

    key: str
    name: str  # English display name ("Mark Rutte, NATO Secretary General")
    kind: str
    who: str | None = None
    role: str | None = None
    organization: str | None = None


def same_speaker(inner: Source | None, outer: Source) -> bool:
    """Can `outer` speak for `inner`? No subject or a pronoun, the same person, or the same body."""
    if inner is None or inner.kind == "pronoun":
        return True
    if inner.org_key and inner.org_key == outer.org_key:
        return True
    if inner.who and outer.who:
        a, b = set(inner.who.lower().split()), set(outer.who.lower().split())
        # "Budi" and "Budi Setiabudiawan", "Rutte" and "Mark Rutte": one name within the other
        return a <= b or b <= a or inner.who.split()[-1].lower() == outer.who.split()[-1].lower()
    return False
