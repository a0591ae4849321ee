"""The baseline page (benchmarks/baseline_page.py) with more on it, to price what a click redraws:
$BENCH_VARIANT "elements" adds 30 containers of unchanging text, "charts" adds 2 charts that change
with the filter as the baseline's own chart does. Used by benchmarks/element_cost.py."""

import os

import plotly.graph_objects as go
import streamlit as st

DOMAINS = [f"domain {number}" for number in range(1, 8)]  # as many as the baseline page offers
EXTRA_ELEMENTS = 30
EXTRA_CHARTS = 2

chosen = st.sidebar.multiselect("Domains", DOMAINS, default=DOMAINS, key="domain")
st.plotly_chart(go.Figure(go.Bar(x=chosen, y=[1] * len(chosen)), layout=dict(height=300)))
st.markdown(f"{len(chosen)} domains selected")
if os.environ.get("BENCH_VARIANT") == "elements":
    for number in range(EXTRA_ELEMENTS):
        with st.container(key=f"text-{number}"):
            st.html(f"<p>{number}: " + "平安丽水 " * 40 + "</p>")
elif os.environ.get("BENCH_VARIANT") == "charts":
    for number in range(EXTRA_CHARTS):
        bars = go.Bar(y=chosen, x=list(range(1, len(chosen) + 1)), orientation="h")
        st.plotly_chart(go.Figure(bars, layout=dict(height=300)), key=f"chart-{number}")
