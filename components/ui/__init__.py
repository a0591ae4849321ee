"""Thin Streamlit render functions. Only this package and dashboard.py import streamlit."""
