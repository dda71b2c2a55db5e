"""Plumbing shared by every room: YAML documents with locations, atomic writes, built-in data
paths and calendar arithmetic. Nothing here is public API."""

__all__: list[str] = []
