"""The source phrase after its cue: a passive's agent after "oleh", the speaker after "kata" or "menurut".

    source_from_right(after, start, stop_at_comma=...) -> (Source | None, span | None, via)

The first piece is cut before a verb, a "yang" clause or "di" + place that follows a name;
appositives after it are joined ("Sekjen NATO, Mark Rutte, Senin (28/10)") while they add
a name to a role or a role to a name; media named on the way become `via`.
"""

from __future__ import annotations

import re

from bot.nlp.attribution.clean import (
    CUT_RE,
    MONTHS,
    NICKNAME_RE,
    RIGHT_VERB_RE,
    STATEMENT_RE,
    clean_np,
    split_segments,
    strip_medium,
)
from bot.nlp.attribution.finish import finish_phrase
from bot.nlp.entities.parse import parse_source
from bot.nlp.entities.titles import word_kind
from bot.nlp.entities.values import Source

_AT_PLACE_RE = re.compile(r"\s+di\s+(?=[A-Z])")


_RELATIVE_RE = re.compile(r"\s+yang(?:\s|$)")


def source_from_right(
    after: str, start: int, *, stop_at_comma: bool
) -> tuple[Source | None, tuple[int, int] | None, tuple[str, ...]]:
    """The source phrase at the start of `after` (which begins at `start` in the sentence).

    With `stop_at_comma`, the last piece after a comma is taken only when it opens with a rank
    ("Kapolda X, Irjen Gatot Eddy Pramono"); otherwise the clause begins there ("menurut X, ...").
    """
    body = re.split(r"[.;:!?](?:\s|$)|[“\"]", after, maxsplit=1)[0]
    segments = split_segments(body, start)
    via: list[str] = []
    run: list[tuple[str, int]] = []
    for i, (seg, off) in enumerate(segments):
        cleaned, media = strip_medium(seg)
        via.extend(media)
        if re.match(r"(?i)yang\b", seg):
            if any(
                marker in seg.lower() for marker in ("tidak disebutkan", "tak disebutkan", "enggan disebut", "anonim")
            ):
                run.append((seg, off))
            break
        if not cleaned:
            continue
        nickname = NICKNAME_RE.search(cleaned) if i == 0 else None
        np = nickname.group(1) if nickname else clean_np(cleaned)  # "pria yang akrab disapa Kang Emil itu"
        if i == 0:
            np = STATEMENT_RE.sub("", np)  # "keterangan Kapolda X": the statement is the Kapolda's
            verb = RIGHT_VERB_RE.search(np)
            if verb and verb.start() > 0:
                np = np[: verb.start()]  # "kata Ilham menuturkan"
            rel = _RELATIVE_RE.search(np)
            if rel and not any(marker in np.lower() for marker in ("disebut", "anonim")):
                np = np[: rel.start()]  # "kata Yayan yang juga ...": the relative clause is not the source
            place = _AT_PLACE_RE.search(np)
            if place:
                named = parse_source(np[: place.start()])
                if named is not None and named.who and np[: place.start()].rstrip().endswith(named.who.split()[-1]):
                    np = np[: place.start()]  # "kata Kepala Dinas X Eddy Santoso di Timika": where, not who
        if not np:
            break
        src = parse_source(np)
        if i == 0:
            if src is None:
                break
            run.append((np, off + max(0, seg.find(np))))
            # the first piece ended at a cut word: what follows it is no longer the source
            if CUT_RE.search(" " + cleaned + " ") and len(np) < len(cleaned) - 1:
                rest = cleaned[len(np) :]
                _, more = strip_medium(rest)
                via.extend(more)
                break
            continue
        # later pieces: an appositive name or role ("Sekjen NATO, Mark Rutte, Senin (28/10)")
        named = re.match(r"(?:[A-Z][\w.'’-]*\s+){1,5}(?=[a-z])", np + " ")
        last = i == len(segments) - 1
        if named and stop_at_comma and last and word_kind(np.split()[0]) == "rank":
            np = named.group(0).strip()  # "Menurut keterangan Kapolda X, Irjen Gatot Eddy Pramono granat ini ..."
        elif stop_at_comma and last:
            break  # "Menurut pemandu wisata, Bulguksa memiliki ...": after "menurut X," the clause begins
        words = np.split()
        if src is not None and src.kind == "person" and not src.role and not words[0][:1].isupper():
            break  # "oleh WHO, kontras dengan HIV ...": a lower-case clause, not an appositive name
        if src is None or len(words) > 12 or words[0].lower() in MONTHS or RIGHT_VERB_RE.search(" " + np):
            break  # a clause, not an appositive ("kata Argo, salah satu pelaku kembali melakukan ...")
        so_far = parse_source(", ".join(piece for piece, _ in run))
        if so_far is None or so_far.kind in ("document", "medium", "reporter", "pronoun"):
            break
        has_role = so_far is not None and (so_far.role is not None or so_far.kind in ("organization", "anonymous"))
        has_name = so_far is not None and so_far.who is not None
        name_piece = src.kind == "person" and not src.role and not src.organization
        single_word_name = has_name and so_far is not None and len(str(so_far.who).split()) == 1
        if name_piece and has_role and has_name and not single_word_name:
            # "Direktur Utama PT Sinar Harapan Makmur, Budi Santoso": read whole, the words before the
            # comma end the company's name and the appositive is the person
            joint = parse_source(", ".join([*(piece for piece, _ in run), np]))
            has_name = not (joint is not None and src.who is not None and joint.who == src.who)
        if not ((name_piece and has_role and (not has_name or single_word_name)) or (src.role and not has_role)):
            break
        run.append((np, off + max(0, seg.find(np))))
    if not run:
        return None, None, tuple(dict.fromkeys(via))
    np = ", ".join(piece for piece, _ in run)
    span = (run[0][1], run[-1][1] + len(run[-1][0]))
    return finish_phrase(np, span, tuple(dict.fromkeys(via)))
