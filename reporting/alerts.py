"""Announcing a night that failed: a Slack-compatible JSON message posted to a webhook.

``FRONTLINE_ALERT_WEBHOOK``: the URL (a Slack incoming webhook, or anything that accepts
``{"text": ...}``); unset means no alert is posted. Plain Python: the Dagster sensor
(``orchestration.sensors.run_failure_alert``) only calls ``alert_payload`` and ``post_alert``.
"""
from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

import requests


def webhook_url() -> str | None:
    """The configured webhook, or None."""
    value = os.environ.get("FRONTLINE_ALERT_WEBHOOK", "").strip()
    return value or None


def alert_payload(job: str, run_id: str, *, partitions: str | None, failed_steps: Sequence[str],
                  failed_checks: Sequence[str], failed_sources: Sequence[str] = (),
                  error: str | None = None) -> dict[str, Any]:
    """A Slack-compatible message naming what failed (the checks first: they say why)."""
    what = (f"check {', '.join(failed_checks)}" if failed_checks else
            f"step {', '.join(failed_steps)}" if failed_steps else "the run")
    lines = [f":rotating_light: Frontline {job} failed{f' for {partitions}' if partitions else ''}: "
             f"{what}. Nothing was published; BI users still see the last good warehouse.",
             f"run {run_id}"]
    if failed_steps and failed_checks:
        lines.append(f"failed steps: {', '.join(failed_steps)}")
    if failed_sources:
        lines.append(f"failed sources: {'; '.join(failed_sources)}")
    if error:
        lines.append(f"error: {error[:500]}")
    return {"text": "\n".join(lines), "frontline": {
        "job": job, "run_id": run_id, "partitions": partitions, "failed_steps": list(failed_steps),
        "failed_checks": list(failed_checks), "failed_sources": list(failed_sources)}}


def post_alert(url: str, payload: Mapping[str, Any], *, timeout: float = 10.0) -> int:
    """POST the message as JSON; returns the HTTP status (raises on network errors)."""
    response = requests.post(url, json=dict(payload), timeout=timeout)
    return response.status_code
