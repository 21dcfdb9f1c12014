"""Judged data sets that measure kabar's answers; used by `bench/` and the tests, never shipped with the bot."""
