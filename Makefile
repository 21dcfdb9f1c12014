# The two commands a new machine needs: `make run` and `make test`.
# Both set up ./.venv from uv.lock on first use (scripts/bootstrap).

.PHONY: run test check setup bench lock upgrade

setup:
	@scripts/bootstrap

run: setup
	@.venv/bin/kabar

test: setup
	.venv/bin/python -m pytest -q

# Lint, format and type checks (ruff and mypy, pinned in scripts/check); CI runs them first.
check: setup
	@scripts/check

bench: setup
	.venv/bin/python bench/index.py
	.venv/bin/python bench/summary_eval.py
	.venv/bin/python bench/translate.py

# After editing dependencies in pyproject.toml: record them in uv.lock (other pins kept).
lock:
	@scripts/bootstrap lock

# Move every dependency to the newest version pyproject.toml allows, in uv.lock.
upgrade:
	@scripts/bootstrap lock --upgrade
