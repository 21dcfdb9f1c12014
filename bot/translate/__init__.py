"""Argos package management and batched CTranslate2 decoding; the only argostranslate user."""
