"""The baseline: the simplest Streamlit page of the dashboard's kind (one multiselect, one small
Plotly bar chart, one line of text). Benchmarks report the dashboard as a ratio to this page."""

import plotly.graph_objects as go
import streamlit as st

DOMAINS = ["public_order", "road_traffic", "fire", "work_safety", "anti_gang", "disputes", "sense_of_security"]

chosen = st.multiselect("Domains", DOMAINS, default=DOMAINS, key="domain")
st.plotly_chart(go.Figure(go.Bar(x=chosen, y=[1] * len(chosen))))
st.write(f"{len(chosen)} domains selected")
