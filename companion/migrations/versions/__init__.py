"""Revisions, oldest first; each file is one explicit schema change."""
