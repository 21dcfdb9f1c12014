"""Who a source is: parsing Indonesian source phrases and resolving their aliases to one entity.

Modules: `lexicon` (the vocabulary as lookups), `values` (Source, Entity), `titles` (which
capitalised words are a title, a body or a name), `names` (name and organisation spans),
`gloss` (English labels), `parse` (`parse_source`), `resolve`
(`EntityResolver`, built once per question and never shared between calls).

Public API:
    parse_source(text: str) -> Source | None
    find_medium(text: str) -> str | None        # canonical outlet name ("AFP") or None
    is_medium(text: str) -> bool
    translate_org(text: str) -> str             # "Kementerian Sosial" -> "Ministry of Social Affairs"
    anonymous_group_name(affiliation: str, roles: tuple[str, ...]) -> str
    EntityResolver().resolve(source: Source, scope=None) -> Entity
    EntityResolver().learn(source: Source, scope=None) -> None
    EntityResolver().knows(name: str, scope=None) -> bool
"""

from bot.nlp.entities.gloss import anonymous_group_name, translate_org
from bot.nlp.entities.lexicon import find_medium, is_medium
from bot.nlp.entities.parse import parse_source
from bot.nlp.entities.resolve import EntityResolver
from bot.nlp.entities.values import Entity, Source

__all__ = [
    "Entity",
    "EntityResolver",
    "Source",
    "anonymous_group_name",
    "find_medium",
    "is_medium",
    "parse_source",
    "translate_org",
]
