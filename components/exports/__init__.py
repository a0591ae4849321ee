"""The meeting pack: its content and a registry of file formats built from it."""
