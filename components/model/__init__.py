"""Derived values and view selection: what the validated tables say for one view."""
