"""Resolving parsed sources to canonical entities, one resolver per question.

`EntityResolver` turns parsed sources into canonical `Entity` values, so that
"Departemen Pertahanan Amerika Serikat (Pentagon)", "Pentagon" and "Departemen Pertahanan
AS" are one entity, a spokesperson or an unnamed official counts for their organisation,
and a bare "Rutte" resolves to the "Sekjen NATO, Mark Rutte" seen earlier.
"""

from __future__ import annotations

from dataclasses import replace

from bot.nlp.entities.gloss import anon_name, person_role_label
from bot.nlp.entities.lexicon import KNOWN_ENTITIES, canonical_person, norm
from bot.nlp.entities.values import Entity, Source


class EntityResolver:
    """Turns parsed sources into canonical entities; remembers names seen with a role.

    Make one per question: what it learns ("Rutte" is NATO's Secretary General) holds for
    the articles of that question only.
    """

    def __init__(self) -> None:
        self._people: dict[str, Entity | None] = {}  # lower-case full name -> entity (None: ambiguous)
        # (scope, name part) -> entity: a bare "Joko" is the Joko of the same article
        self._parts: dict[tuple[str | None, str], Entity | None] = {}
        # a surname ("Rutte") or several parts ("Sri Mulyani") also hold across articles
        self._surnames: dict[str, Entity | None] = {}
        self._any_part: dict[str, Entity | None] = {}
        self._acronyms: dict[str, str] = {}  # acronym defined in parentheses -> org key

    def learn(self, source: Source, scope: str | None = None) -> None:
        """Remember a person seen with a role, and acronyms defined in parentheses.

        `scope` (an article id) limits what a bare first name resolves to: "Joko" in one
        article is not the "Joko Widodo" of another, while a surname ("Rutte") and a
        name of several parts ("Sri Mulyani") resolve across articles.
        """
        source = _canonical(source)
        if source.org_key:
            for alias in source.aliases:
                self._acronyms.setdefault(alias.lower(), source.org_key)
        if source.kind != "person" or not source.who:
            return
        if not (source.role or source.organization):
            return
        entity = self._person_entity(source)
        full = source.who.lower()
        self._people[full] = entity
        parts = full.split()
        if len(parts) >= 2:
            for i, part in enumerate(parts):
                if len(part) < 3 or part == full:
                    continue
                _remember(self._parts, (scope, part), entity)
                _remember(self._any_part, part, entity)
                if i == len(parts) - 1:
                    _remember(self._surnames, part, entity)

    def knows(self, name: str, scope: str | None = None) -> bool:
        """True when `name` (or each of its parts) resolves to one remembered person."""
        probe = Source(text=name, kind="person", who=name)
        return self.resolve(probe, scope).key != "person:" + name.lower() or name.lower() in self._people

    def _known_person(self, who: str, scope: str | None) -> Entity | None:
        name = who.lower()
        known = self._people.get(name)
        if known is not None:
            return known
        words = [p for p in name.split() if len(p) >= 3]
        if not words:
            return None
        local = [self._parts.get((scope, p)) for p in words]
        if all(e is not None and e.key == local[0].key for e in local):  # type: ignore[union-attr]
            return local[0]
        if scope is None:
            return None
        # across articles: a surname alone, or every part of a longer name
        found = [self._surnames.get(words[0])] if len(words) == 1 else [self._any_part.get(p) for p in words]
        if all(e is not None and e.key == found[0].key for e in found):  # type: ignore[union-attr]
            return found[0]
        return None

    def _seen(self, who: str) -> bool:
        """Was any part of `who` met with a person already (even one left ambiguous)?"""
        parts = [p for p in who.lower().split() if len(p) >= 3]
        return any(p in self._any_part or p in self._people for p in parts)

    def _person_entity(self, source: Source) -> Entity:
        if source.speaks_for_org and source.org_key and not source.org_key.startswith("country:"):
            return self._org_entity(source)
        label = person_role_label(source)
        name = f"{source.who}, {label}" if label else str(source.who)
        # a country is a person's nationality, not their body: "Herry Sudradjat, Indonesian Consul General"
        country = (source.org_key or "").startswith("country:")
        return Entity(
            key="person:" + str(source.who).lower(),
            name=name,
            kind="person",
            who=source.who,
            role=("former " + source.role) if source.former and source.role else source.role,
            organization=None if country else source.organization,
        )

    def resolve(self, source: Source, scope: str | None = None) -> Entity:
        """The canonical entity a source stands for (`scope`: the article it was found in)."""
        if source.kind == "person" and source.who:
            if source.speaks_for_org and source.org_key and not source.org_key.startswith("country:"):
                return self._org_entity(source)
            # "Sri Mulyani" after "Sri Mulyani Indrawati": every part points to one person
            known = self._known_person(source.who, scope)
            if known is None and not self._seen(source.who):
                # nobody of that name was met here: a well-known form ("Jokowi") is its full name
                source = _canonical(source)
                known = self._known_person(source.who, scope)  # type: ignore[arg-type]
            if known is not None and not (
                source.role and known.role and source.role != known.role and source.organization != known.organization
            ):
                return known
            if source.speaks_for_org and source.org_key:
                return self._org_entity(source)
            return self._person_entity(source)
        if source.kind == "anonymous":
            if source.org_key and not source.org_key.startswith("country:") and source.speaks_for_org:
                return self._org_entity(source)
            affiliation = source.affiliation or source.organization or "unidentified"
            return Entity(
                key="anon:" + affiliation.lower(),
                name=anon_name(affiliation, (source.role or "source",)),
                kind="anonymous",
                role=source.role,
                organization=source.organization,
            )
        if source.kind in ("organization", "country"):
            if source.role and not source.speaks_for_org:
                # "Menteri Kesehatan Malaysia": the office, not the country
                label = person_role_label(source) or source.role
                return Entity(
                    key=f"role:{source.role.lower()}:{source.org_key}",
                    name=label,
                    kind="role",
                    role=source.role,
                    organization=source.organization,
                )
            return self._org_entity(source)
        if source.kind == "role":
            return Entity(
                key="role:" + str(source.role).lower(), name=f"a {source.role}", kind="role", role=source.role
            )
        label = source.organization or source.text
        return Entity(key=f"{source.kind}:" + norm(label), name=label, kind=source.kind)

    def _org_entity(self, source: Source) -> Entity:
        key = source.org_key or "org:" + norm(source.organization or source.text)
        key = self._acronyms.get(key.removeprefix("org:"), key)
        if key in KNOWN_ENTITIES:
            name = KNOWN_ENTITIES[key][0]
        elif key.startswith("country:"):
            name = key.removeprefix("country:")
        else:
            name = source.organization or source.text
        return Entity(key=key, name=name, kind="organization", organization=name)


def _canonical(source: Source) -> Source:
    """A well-known person under the full name of the shared alias file ("Jokowi" -> "Joko Widodo")."""
    if source.kind == "person" and source.who:
        full = canonical_person(source.who)
        if full and full != source.who:
            return replace(source, who=full)
    return source


def _remember(table: dict, key: object, entity: Entity) -> None:
    """Store `entity` under `key`; a key seen with two different entities becomes ambiguous (None)."""
    seen = table.get(key, entity)
    table[key] = entity if seen is not None and seen.key == entity.key else None
