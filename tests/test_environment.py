"""The installed environment holds what kabar runs and nothing of argostranslate's NLP stack."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

#: never imported by kabar; uv.lock drops them (pyproject's [tool.uv] override-dependencies)
HEAVY = ["torch", "onnxruntime", "spacy", "stanza", "minisbd", "thinc", "sympy"]
ENVIRONMENT_LIMIT_MB = 400


@pytest.mark.parametrize("module", HEAVY)
def test_the_nlp_stack_of_argostranslate_is_not_installed(module: str) -> None:
    assert importlib.util.find_spec(module) is None, f"{module} is installed; check uv.lock and [tool.uv]"


def test_argostranslate_package_format_still_imports() -> None:
    pass  # the one part of argostranslate kabar uses


def test_the_environment_stays_small() -> None:
    # what the install put there; bytecode caches grow with whatever has been imported since
    site = Path(sys.prefix)
    size = sum(
        p.stat().st_size for p in site.rglob("*") if p.is_file() and not p.is_symlink() and "__pycache__" not in p.parts
    )
    assert size < ENVIRONMENT_LIMIT_MB * 1024 * 1024, f"{site} holds {size / 2**20:.0f} MB"
