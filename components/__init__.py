"""Plain-Python core of the Safe Lishui dashboard: data, model, charts, text. No Streamlit here."""
