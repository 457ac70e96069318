"""DataFrame helpers shared by the loaders: snake_case names and a fixed column schema."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

Schema = dict[str, str]  # column -> pandas dtype ("string", "Int64", "Float64", "boolean")


def snake_case(text: str) -> str:
    """``"State/Region Pcode"`` → ``"state_region_pcode"``; ``"Urban population (%)"`` → ``"urban_population_pct"``."""
    text = str(text).replace("%", " pct ").replace("#", " num ")
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text.strip())
    text = re.sub(r"[^0-9a-zA-Z]+", "_", text).strip("_").lower()
    return text or "col"


def conform(df: pd.DataFrame, schema: Schema) -> pd.DataFrame:
    """The frame with exactly the schema's columns, in order, cast to its dtypes.

    Missing columns become nulls, so an absent optional file still yields a typed, empty table.
    """
    out = pd.DataFrame(index=df.index)
    for col, dtype in schema.items():
        values = df[col] if col in df.columns else pd.Series([None] * len(df), index=df.index, dtype="object")
        if dtype in ("Int64", "Float64"):
            values = pd.to_numeric(values, errors="coerce")
            if dtype == "Int64":
                values = values.round()
        out[col] = values.astype(dtype)
    return out.reset_index(drop=True)


def empty(schema: Schema) -> pd.DataFrame:
    return conform(pd.DataFrame(), schema)


def read_csv_or_empty(path: Path | None, schema_if_missing: Schema | None = None, **kwargs) -> pd.DataFrame | None:
    """The CSV as strings, or None when the (optional) file is absent."""
    if path is None or not Path(path).is_file():
        return None
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig", **kwargs)
    return df.astype(object).where(df.notna(), None)


def blank_to_none(s: pd.Series) -> pd.Series:
    return s.map(lambda v: None if v is None or (isinstance(v, float) and pd.isna(v)) or str(v).strip() == "" else str(v).strip())
