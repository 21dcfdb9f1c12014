"""Appositions in a source phrase: a role and a name set apart by commas, read as one source.

    parse_apposition(raw, plain, aliases, parse) -> Source | None

"Sekjen NATO, Mark Rutte", "Kepala BPBD Cilacap, Satria", "John Foreman, mantan atase ...":
each piece is read on its own (`parse` is bot.nlp.entities.parse.parse_source), then the
person's name joins the role and organisation of the other piece; a name beside a job title
("Jake Zim, Sony Pictures VP") is `titles.job_apposition`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.nlp.entities.lexicon import ORG_LED_ROLES, PLACES, norm
from bot.nlp.entities.titles import job_apposition
from bot.nlp.entities.values import Source


def parse_apposition(
    raw: str, plain: str, aliases: tuple[str, ...], parse: Callable[[str], Source | None]
) -> Source | None:
    """ "Sekjen NATO, Mark Rutte" or "John Foreman, mantan atase ...": a role and a name apart.

    `plain` is the phrase without its bracketed aliases; each comma-separated piece is read by `parse`.
    """
    segments = [seg.strip() for seg in plain.split(",") if seg.strip()]
    parsed = [parse(seg) for seg in segments]
    name_only = [
        i
        for i, (seg, src) in enumerate(zip(segments, parsed))
        if src is not None and src.kind == "person" and not src.role and not src.organization
    ]
    with_role = [
        i
        for i, src in enumerate(parsed)
        if src is not None
        and (src.role or src.organization)
        and src.kind not in ("medium", "reporter")
        and not (
            src.role is None
            and src.org_key is not None
            and src.org_key.startswith("org:")
            and (src.organization_id or "").lower() in PLACES
        )
    ]
    job = job_apposition(raw, segments, parsed, aliases)
    if job is not None:
        return job
    if not with_role:
        return None
    base = parsed[with_role[0]]
    assert base is not None
    if name_only and base.role and base.kind in ("role", "anonymous", "organization", "country", "person"):
        who = parsed[name_only[0]].who  # type: ignore[union-attr]
        if base.who and base.who != who and (base.org_key or "").startswith("country:"):
            base = replace(base, who=None)  # "Konsul Jenderal RI di Istanbul, Turki, X": a city, not the body
        elif base.who and base.who != who and base.organization:
            # "Kepala BPBD Cilacap, Satria": the stray word after the org is a place
            base = replace(
                base,
                organization=f"{base.organization} {base.who}",
                organization_id=f"{base.organization_id} {base.who}",
                who=None,
            )
        elif base.who and base.who != who and (base.role_id or "").lower() in ORG_LED_ROLES:
            # "pelatih Persija, Stefano Cugurra Teco": the word after the role names the organisation
            base = replace(
                base, organization=base.who, organization_id=base.who, org_key="org:" + norm(base.who), who=None
            )
        elif base.who and base.who != who:
            # "Woody Harrelson, pemeran Tasu Leech": a character, a show or a product, never the source
            base = replace(base, who=None)
        return replace(base, text=raw, who=who, kind="person", aliases=aliases or base.aliases)
    if len(with_role) == 1 and not name_only:
        return replace(base, text=raw, aliases=aliases or base.aliases)
    return replace(base, text=raw, aliases=aliases or base.aliases)
