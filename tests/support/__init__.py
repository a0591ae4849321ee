"""What the tests share besides fixtures (those stay in tests/conftest.py)."""
