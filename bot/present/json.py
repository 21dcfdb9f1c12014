"""JSON rendering of answers and domain objects (the `--json` contract).

Answer JSON (documented in README.md):
    {"command", "query", "items": [{"text", "text_en", "citations": [{"article",
     "sentence", "text", "text_en", "provenance", "flags"}], ...item fields}],
     "notes", ...meta}
Command-specific item fields (who-confirmed: who, role, organization, stance, scope, event, cue,
figure) are flattened into the item.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bot.models import Answer, plain_data


def answer_json(answer: Answer) -> dict[str, Any]:
    """The answer as the JSON contract shows it: its own plain form (`Answer.to_dict`)."""
    return answer.to_dict()


def plain(value: Any) -> Any:
    """Turn dataclasses, tuples, paths and sets into JSON-ready values."""
    return plain_data(value)


#: characters kept as \\uXXXX escapes: DEL, C1 controls and bidirectional overrides would act on a
#: terminal showing the JSON (JSON itself already escapes the C0 controls); lone surrogates
#: (bytes that were not UTF-8) cannot be written as UTF-8 at all
_TERMINAL_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def dumps(value: Any) -> str:
    """Pretty JSON text for the terminal (UTF-8 characters kept as they are, controls escaped)."""
    text = json.dumps(plain(value), ensure_ascii=False, indent=2)
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
