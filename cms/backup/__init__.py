"""Backups that restore: the database and the media files in one dated archive.

This package knows no app's models: it works on the database (through the
engine's own tools) and the media storage as a whole, so it stays right when
apps change. `cms.management.commands.backup` and `restore` are its entry points.
"""
