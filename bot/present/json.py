"""JSON rendering of answers and domain objects (the `--json` contract).

Answer JSON (documented in README.md):
    {"command", "query", "items": [{"text", "text_en", "citations": [{"article",
     "sentence", "text", "text_en", "provenance", "flags"}], ...item fields}],
     "notes", ...meta}
Command-specific item fields (who-confirmed: who, role, organization, stance, scope, event, cue,
figure) are flattened into the item.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

from bot.models import Answer, AnswerItem, Citation


def citation_json(citation: Citation) -> dict[str, Any]:
    return {
        "article": citation.article,
        "sentence": citation.sentence,
        "text": citation.text,
        "text_en": citation.text_en,
        "provenance": citation.provenance,
        "flags": list(citation.flags),
    }


def item_json(item: AnswerItem) -> dict[str, Any]:
    data: dict[str, Any] = {"text": item.text, "text_en": item.text_en}
    data.update({key: plain(value) for key, value in item.fields.items()})
    data["citations"] = [citation_json(c) for c in item.citations]
    return data


def answer_json(answer: Answer) -> dict[str, Any]:
    data: dict[str, Any] = {
        "command": answer.command,
        "query": answer.query,
        "items": [item_json(item) for item in answer.items],
        "notes": list(answer.notes),
    }
    for key, value in answer.meta.items():
        data.setdefault(key, plain(value))
    return data


ITEM_KEYS = ("text", "text_en", "citations")
ANSWER_KEYS = ("command", "query", "items", "notes")


def citation_from_json(data: dict[str, Any]) -> Citation:
    return Citation(
        article=str(data["article"]),
        sentence=int(data["sentence"]),
        text=data["text"],
        text_en=data.get("text_en"),
        provenance=data.get("provenance"),
        flags=tuple(data.get("flags") or ()),
    )


def answer_from_json(data: dict[str, Any]) -> Answer:
    """The inverse of `answer_json` (item fields and answer extras come back as plain data)."""
    items = tuple(
        AnswerItem(
            text=item["text"],
            text_en=item.get("text_en"),
            citations=tuple(citation_from_json(c) for c in item.get("citations", ())),
            fields={k: v for k, v in item.items() if k not in ITEM_KEYS},
        )
        for item in data.get("items", ())
    )
    return Answer(
        command=data["command"],
        query=data["query"],
        items=items,
        notes=tuple(data.get("notes", ())),
        meta={k: v for k, v in data.items() if k not in ANSWER_KEYS},
    )


def plain(value: Any) -> Any:
    """Turn dataclasses, tuples, paths and sets into JSON-ready values."""
    if isinstance(value, Answer):
        return answer_json(value)
    if isinstance(value, AnswerItem):
        return item_json(value)
    if isinstance(value, Citation):
        return citation_json(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


#: characters kept as \\uXXXX escapes: DEL, C1 controls and bidirectional overrides would act on a
#: terminal showing the JSON (JSON itself already escapes the C0 controls); lone surrogates
#: (bytes that were not UTF-8) cannot be written as UTF-8 at all
_TERMINAL_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def dumps(value: Any) -> str:
    """Pretty JSON text for the terminal (UTF-8 characters kept as they are, controls escaped)."""
    text = json.dumps(plain(value), ensure_ascii=False, indent=2)
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
