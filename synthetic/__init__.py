"""Synthetic reports for benchmarks and tests (``synthetic.reports``); never published."""
