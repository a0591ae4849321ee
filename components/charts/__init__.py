"""Plotly figures: one module per chart kind, and the registry that data/charts.toml names."""
