"""The data folder: its schema, loading and checks, and problems put into words."""
