"""The extractor: deterministic, explainable rules that turn a report into facts.

    from ingestion.extract import extract_report, default_gazetteer, EXTRACTOR_VERSION

Every fact carries the sentence it comes from (``evidence``, a substring of the report
text), the rule that produced it and the extractor version.
"""
from ingestion.extract.extractor import EXTRACTOR_VERSION, default_gazetteer, extract_report

__all__ = ["EXTRACTOR_VERSION", "default_gazetteer", "extract_report"]
