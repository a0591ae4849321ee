"""The baseline: the simplest Streamlit page of the dashboard's kind, exactly one multiselect in the
sidebar, one small Plotly bar chart and one st.markdown line. Benchmarks report the dashboard as a
ratio to this page."""

import plotly.graph_objects as go
import streamlit as st

DOMAINS = ["public_order", "road_traffic", "fire", "work_safety", "anti_gang", "disputes", "sense_of_security"]

chosen = st.sidebar.multiselect("Domains", DOMAINS, default=DOMAINS, key="domain")
st.plotly_chart(go.Figure(go.Bar(x=chosen, y=[1] * len(chosen)), layout=dict(height=300)))
st.markdown(f"{len(chosen)} domains selected")
