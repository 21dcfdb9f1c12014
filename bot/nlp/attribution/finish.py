"""A source phrase made a Source: documents point to their owner, outlets and reporters become `via`.

    finish_phrase(np, span, via) -> (Source | None, span | None, via)

"Laporan Bloomberg menyebutkan": the outlet's own report is the outlet; "data BPS": the body
that owns the data; "data Statistik Peternakan Tahun 2016": a named publication kept as
written. A medium alone is only a `via`, a reporter no source at all.
"""

from __future__ import annotations

from bot.nlp.attribution.clean import document_origin
from bot.nlp.entities.lexicon import OUTLETS, find_medium, is_medium, norm
from bot.nlp.entities.parse import parse_source
from bot.nlp.entities.values import Source


def finish_phrase(
    np: str, span: tuple[int, int], via: tuple[str, ...]
) -> tuple[Source | None, tuple[int, int] | None, tuple[str, ...]]:
    """The source `np` (found at `span`) names, with the media `via`; (None, None, via) for none."""
    src = parse_source(np)
    if src is None:
        return None, None, via
    if src.kind == "document":
        origin, media = document_origin(np)
        via = tuple(dict.fromkeys(via + media))
        if origin and is_medium(origin):
            outlet = str(find_medium(origin))  # "Laporan Bloomberg menyebutkan": the outlet's own report
            shown = outlet if norm(origin) in OUTLETS[outlet] else origin  # "Litbang Kompas" as written
            return _body(np, "organization", shown, origin, "outlet:" + outlet.lower()), span, via
        if origin:
            origin_src = parse_source(origin)
            if origin_src is not None and (
                origin_src.kind in ("organization", "country", "anonymous")
                or (origin_src.kind == "person" and origin_src.role)
            ):
                return origin_src, span, via
            if origin_src is not None and origin_src.kind == "person" and len(origin.split()) <= 2:
                # "data Billboard", "data IDC": whoever owns data is an organisation
                return _body(origin, "organization", origin, origin, "org:" + origin.lower()), span, via
            if origin[:1].isupper() and len(origin.split()) >= 2:
                # "data Statistik Peternakan Tahun 2016": a named publication is a source, kept as written
                return _body(np, "document", origin, origin, "document:" + origin.lower()), span, via
        return src, span, via
    if src.kind == "medium":
        return None, None, tuple(dict.fromkeys(via + ((src.organization,) if src.organization else ())))
    if src.kind == "reporter":
        return None, None, via
    return src, span, via


def _body(text: str, kind: str, shown: str, written: str, key: str) -> Source:
    """A source that is a body or a document: shown as `shown`, written `written`, grouped by `key`."""
    return Source(text=text, kind=kind, organization=shown, organization_id=written, org_key=key)
