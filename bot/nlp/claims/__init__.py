"""Claims about one figure, grouped by who stands behind them (the /who-confirmed answer as data).

Modules: `grouping` (`find_claims`, the report and its groups), `match` (one attributed
sentence and its `--explain` spans), `items` (the report as answer items).

Public API:
    find_claims(articles, figure) -> ClaimReport
    claim_items(report) -> tuple[AnswerItem, ...]
    explain(match) -> dict; explain_line(match) -> str

Pure and synchronous; no I/O.
"""

from bot.nlp.claims.grouping import ClaimReport, SourceGroup, find_claims
from bot.nlp.claims.items import claim_items
from bot.nlp.claims.match import ClaimMatch, explain, explain_line

__all__ = ["ClaimMatch", "ClaimReport", "SourceGroup", "claim_items", "explain", "explain_line", "find_claims"]
