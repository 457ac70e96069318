"""Helpers shared by the quality tests (imported as ``qc_helpers``)."""
from __future__ import annotations

import datetime as dt

from ingestion.models import Report

TODAY = dt.date(2025, 3, 10)
TEXT = ("The Kachin Independence Army (KIA) captured the junta's Infantry Battalion (IB) 236 base "
        "on the northern edge of Bhamo on Sunday, a KIA spokesperson said.\n\nFighting continued "
        "in the town on Monday.")


def report(rid: str = "r1", published: str = "2025-03-03", text: str = TEXT, **kw) -> Report:
    return Report(id=rid, published=published, text=text, source=kw.pop("source", "inbox"), **kw)


def fact(report_id: str = "r1", kind: str = "control_change", **kw) -> dict:
    row = {"fact_id": f"f-{report_id}-{len(kw)}", "report_id": report_id, "kind": kind,
           "published_date": "2025-03-03", "evidence": "captured the junta's Infantry Battalion (IB) 236 base",
           "date": "2025-03-02", "date_end": None, "date_precision": "day",
           "change": "captured" if kind == "control_change" else None,
           "place": "IB 236 base" if kind == "control_change" else None,
           "place_kind": "military_base" if kind == "control_change" else None,
           "unit_type": None, "unit_key": None, "actor_to": None, "actor_from": None,
           "claimant": "Kachin Independence Army" if kind == "claim" else None,
           "metric": "killed" if kind == "claim" else None}
    row.update(kw)
    return row
