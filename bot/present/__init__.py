"""Formatting answers: Answer -> terminal text, JSON, Discord messages and embeds."""
