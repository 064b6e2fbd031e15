"""Frontline loaders: articles -> figures and events in DuckDB."""
