"""How a DuckDB table becomes a PostgreSQL table: types, the CSV rendering of each column
for ``COPY``, keys, indexes and comments (from the dbt docs). Pure functions, no I/O but
reading the dbt manifest.

Types: scalars map one to one (``VARCHAR`` → ``text COLLATE "C"``, so PostgreSQL sorts
strings as DuckDB does, by code point, whatever the server's locale); a list of scalars
becomes an array; a struct, a map, a list of structs or lists become ``jsonb``.

Keys come from the dbt tests: a column tested ``unique`` and ``not_null`` (alone or in a
model's ``column_values`` test) is the primary key; a ``unique_combination`` of not-null
columns is one when no single column is; every column with a ``relationships`` test (a
foreign key BI tools join on) and every other unique column gets an index.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

_SCALARS = {
    "VARCHAR": 'text COLLATE "C"', "BOOLEAN": "boolean",
    "TINYINT": "smallint", "SMALLINT": "smallint", "INTEGER": "integer", "BIGINT": "bigint",
    "UTINYINT": "smallint", "USMALLINT": "integer", "UINTEGER": "bigint", "UBIGINT": "numeric",
    "HUGEINT": "numeric", "UHUGEINT": "numeric", "FLOAT": "real", "DOUBLE": "double precision",
    "DATE": "date", "TIME": "time", "TIMESTAMP": "timestamp", "TIMESTAMP_S": "timestamp",
    "TIMESTAMP_MS": "timestamp", "TIMESTAMP_NS": "timestamp", "TIMESTAMP WITH TIME ZONE": "timestamptz",
    "INTERVAL": "interval", "UUID": "uuid", "BLOB": "bytea", "JSON": "jsonb",
}
_DECIMAL = re.compile(r"^DECIMAL\((\d+),\s*(\d+)\)$")


def quote_ident(name: str) -> str:
    """A double-quoted SQL identifier (both engines)."""
    return '"' + name.replace('"', '""') + '"'


def check_ident(name: str) -> str:
    """``name`` when it is a plain identifier (schemas and roles we create), else ValueError."""
    if not _IDENT.match(name):
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    return name


def _scalar(duck_type: str) -> str | None:
    t = duck_type.upper()
    if t in _SCALARS:
        return _SCALARS[t]
    m = _DECIMAL.match(t)
    if m:
        return f"numeric({m.group(1)},{m.group(2)})"
    if t.startswith("ENUM("):
        return 'text COLLATE "C"'
    return None


@dataclass(frozen=True)
class Column:
    """One column: its name, its DuckDB type, and what it becomes in PostgreSQL."""

    name: str
    duck_type: str

    @property
    def kind(self) -> str:
        """``scalar``, ``array`` (a list of scalars) or ``json`` (anything nested)."""
        if _scalar(self.duck_type):
            return "scalar"
        if self.duck_type.endswith("[]") and _scalar(self.duck_type[:-2]):
            return "array"
        return "json"

    @property
    def pg_base_type(self) -> str:
        """``pg_type`` without its collation (for casts)."""
        return self.pg_type.replace(' COLLATE "C"', "")

    @property
    def pg_type(self) -> str:
        if self.kind == "scalar":
            return _scalar(self.duck_type)  # type: ignore[return-value]
        if self.kind == "array":
            return Column("", self.duck_type[:-2]).pg_base_type + "[]"
        return "jsonb"

    def csv_expr(self) -> str:
        """The DuckDB expression whose CSV text PostgreSQL's ``COPY ... (FORMAT csv)`` reads
        back as this column's value (NULL stays an unquoted empty field)."""
        col = quote_ident(self.name)
        upper = self.duck_type.upper()
        if self.kind == "scalar":
            if upper == "BLOB":
                return f"CASE WHEN {col} IS NULL THEN NULL ELSE '\\x' || hex({col}) END"
            return col
        if self.kind == "array":  # a PostgreSQL array literal: {"a","b",NULL}
            element = ("CASE WHEN x IS NULL THEN 'NULL' ELSE '\"' || replace(replace(CAST(x AS VARCHAR), "
                       "'\\', '\\\\'), '\"', '\\\"') || '\"' END")
            return (f"CASE WHEN {col} IS NULL THEN NULL ELSE "
                    f"'{{' || array_to_string(list_transform({col}, lambda x: {element}), ',') || '}}' END")
        if upper == "JSON":
            return f"CAST({col} AS VARCHAR)"
        return f"CAST(to_json({col}) AS VARCHAR)"


@dataclass
class TableDoc:
    """What the dbt docs say about a table: descriptions, keys and the columns to index."""

    description: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    primary_key: tuple[str, ...] = ()
    indexes: list[tuple[str, ...]] = field(default_factory=list)


# Tables that dbt does not build: documented here.
EXTRA_DOCS = {
    "meta.runs": TableDoc(
        description="One row per run of the nightly job (published or failed): its partitions, checks "
                    "and rows in/out/quarantined per asset (JSON).",
        columns={"run_id": "Dagster run id.", "status": "published | failed.",
                 "failed_checks": "JSON list of the blocking checks that failed.",
                 "rows_json": "JSON {asset: {in, out, quarantined}}.",
                 "details_json": "JSON: checks passed and warned, failed steps and their errors, the PostgreSQL publish."},
        primary_key=("run_id",)),
    "quarantine.reports": TableDoc(description="Reports set aside by the gates, with the rule, the reason and the run."),
    "quarantine.facts": TableDoc(description="Facts set aside by the gates, with the rule, the reason and the run."),
}


def docs_from_manifest(manifest: dict) -> dict[str, TableDoc]:
    """``{model name: TableDoc}`` for every dbt model of a parsed ``manifest.json``."""
    docs: dict[str, TableDoc] = {}
    unique: dict[str, list[tuple[str, ...]]] = {}
    not_null: dict[str, set[str]] = {}
    related: dict[str, list[str]] = {}
    nodes = manifest.get("nodes", {})
    by_id = {uid: n for uid, n in nodes.items() if n.get("resource_type") == "model"}
    for node in by_id.values():
        docs[node["name"]] = TableDoc(
            description=(node.get("description") or "").strip(),
            columns={c: (v.get("description") or "").strip() for c, v in (node.get("columns") or {}).items()})
    for node in nodes.values():
        meta = node.get("test_metadata") if node.get("resource_type") == "test" else None
        model = by_id.get(node.get("attached_node") or "")
        if not meta or model is None:
            continue
        name, column = meta.get("name"), node.get("column_name")
        target = model["name"]
        if name == "unique" and column:
            unique.setdefault(target, []).append((column,))
        elif name == "unique_combination":
            cols = tuple((meta.get("kwargs") or {}).get("columns") or ())
            if cols:
                unique.setdefault(target, []).append(cols)
        elif name == "not_null" and column:
            not_null.setdefault(target, set()).add(column)
        elif name == "column_values":  # a model's checks in one test (tests/generic/column_values.sql)
            kwargs = meta.get("kwargs") or {}
            not_null.setdefault(target, set()).update(kwargs.get("not_null") or ())
            unique.setdefault(target, []).extend((c,) for c in kwargs.get("unique") or ())
            related.setdefault(target, []).extend(kwargs.get("relationships") or {})
        elif name in ("relationships", "relationships_where") and column:
            related.setdefault(target, []).append(column)
    for table, doc in docs.items():
        order = list(doc.columns)
        candidates = sorted(unique.get(table, []), key=lambda cols: (
            len(cols), order.index(cols[0]) if cols[0] in order else len(order)))
        nn = not_null.get(table, set())
        pk = next((c for c in candidates if all(x in nn for x in c)), ())
        doc.primary_key = pk
        indexes = [c for c in candidates if c != pk]
        # in the order of the model's columns (not of the tests), so index names stay put
        keyed = sorted(dict.fromkeys(related.get(table, [])), key=lambda c: order.index(c) if c in order else len(order))
        indexes += [(c,) for c in keyed if (c,) not in indexes and (c,) != pk]
        doc.indexes = indexes
    return docs


def load_docs(manifest_path: str | Path | None) -> dict[str, TableDoc]:
    """The docs of every dbt model plus ``EXTRA_DOCS`` (keys ``table`` and ``schema.table``);
    only ``EXTRA_DOCS`` when the manifest is missing."""
    docs: dict[str, TableDoc] = {}
    if manifest_path and Path(manifest_path).is_file():
        docs.update(docs_from_manifest(json.loads(Path(manifest_path).read_text(encoding="utf-8"))))
    docs.update(EXTRA_DOCS)
    return docs


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_table_sql(schema: str, table: str, columns: list[Column]) -> str:
    cols = ",\n    ".join(f"{quote_ident(c.name)} {c.pg_type}" for c in columns)
    return f"CREATE TABLE {quote_ident(schema)}.{quote_ident(table)} (\n    {cols}\n)"


def copy_sql(schema: str, table: str, columns: list[Column]) -> str:
    names = ", ".join(quote_ident(c.name) for c in columns)
    return f"COPY {quote_ident(schema)}.{quote_ident(table)} ({names}) FROM STDIN (FORMAT csv)"


def select_for_csv(duck_schema: str, table: str, columns: list[Column]) -> str:
    exprs = ", ".join(c.csv_expr() for c in columns)
    return f"SELECT {exprs} FROM {quote_ident(duck_schema)}.{quote_ident(table)}"


def keys_and_comments_sql(schema: str, table: str, columns: list[Column], doc: TableDoc | None) -> list[str]:
    """Primary key, indexes and comments of a loaded table (statements to run in order)."""
    if doc is None:
        return []
    present = {c.name for c in columns}
    qualified = f"{quote_ident(schema)}.{quote_ident(table)}"
    out: list[str] = []
    if doc.primary_key and all(c in present for c in doc.primary_key):
        cols = ", ".join(quote_ident(c) for c in doc.primary_key)
        out.append(f"ALTER TABLE {qualified} ADD PRIMARY KEY ({cols})")
    for n, cols in enumerate(doc.indexes):
        if all(c in present for c in cols):
            name = quote_ident(f"{table[:40]}_ix{n}")
            out.append(f"CREATE INDEX {name} ON {qualified} ({', '.join(quote_ident(c) for c in cols)})")
    if doc.description:
        out.append(f"COMMENT ON TABLE {qualified} IS {literal(doc.description)}")
    for c in columns:
        if doc.columns.get(c.name):
            out.append(f"COMMENT ON COLUMN {qualified}.{quote_ident(c.name)} IS {literal(doc.columns[c.name])}")
    return out


def control_as_of_sql(schema: str, periods: list[Column]) -> list[str]:
    """``control_as_of(date)``: the periods valid on that date plus ``as_of_date``, as the
    DuckDB table macro returns them. The SQL-standard body is bound at creation, so the
    function follows its table through the schema rename. Its text columns are of a domain
    with the "C" collation (a function's result columns cannot carry a collation
    themselves), so they sort as the table's columns and DuckDB do."""
    s = quote_ident(schema)

    def out_type(c: Column) -> str:
        return f"{s}.text_c" if c.pg_type == 'text COLLATE "C"' else c.pg_type

    out_cols = ", ".join(f"{quote_ident(c.name)} {out_type(c)}" for c in periods)
    select = ", ".join(f"p.{quote_ident(c.name)}" for c in periods)
    return [
        f'CREATE DOMAIN {s}.text_c AS text COLLATE "C"',
        f"CREATE FUNCTION {s}.control_as_of(as_of date)\n"
        f"RETURNS TABLE ({out_cols}, as_of_date date)\n"
        f"LANGUAGE sql STABLE\n"
        f"BEGIN ATOMIC\n"
        f"  SELECT {select}, as_of\n"
        f"  FROM {s}.fct_control_periods AS p\n"
        f"  WHERE p.valid_from <= as_of AND (p.valid_to IS NULL OR p.valid_to > as_of);\n"
        f"END",
        f"COMMENT ON FUNCTION {s}.control_as_of(date) IS "
        f"'Who held what on a date: the control periods valid then (as the DuckDB table macro).'",
    ]
