# The two commands a new machine needs: `make run` and `make test`.
# Both set up ./.venv on first use (scripts/bootstrap).

.PHONY: run test setup bench

setup:
	@scripts/bootstrap

run: setup
	@.venv/bin/kabar

test: setup
	.venv/bin/python -m pytest -q

bench: setup
	.venv/bin/python bench/index.py
	.venv/bin/python bench/summary_eval.py
	.venv/bin/python bench/translate.py
