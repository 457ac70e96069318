"""DuckDB's memory bound on every warehouse connection, and the window read in batches."""
import datetime as dt
from pathlib import Path

import duckdb
import pytest

from ingestion import duck, raw_store
from ingestion.models import Report
from orchestration.resources import WarehouseResource


def _limit(con) -> str:
    return con.execute("select current_setting('memory_limit')").fetchall()[0][0]


def _threads(con) -> int:
    return int(con.execute("select current_setting('threads')").fetchall()[0][0])


def test_the_setting_and_its_default(monkeypatch):
    monkeypatch.delenv(duck.MEMORY_LIMIT_ENV, raising=False)
    monkeypatch.delenv(duck.THREADS_ENV, raising=False)
    assert duck.memory_limit() == duck.DEFAULT_MEMORY_LIMIT
    assert duck.threads() is None
    monkeypatch.setenv(duck.MEMORY_LIMIT_ENV, "300MB")
    monkeypatch.setenv(duck.THREADS_ENV, "1")
    assert (duck.memory_limit(), duck.threads()) == ("300MB", 1)
    for bad in ("lots", "12", "1GB; DROP TABLE x"):
        monkeypatch.setenv(duck.MEMORY_LIMIT_ENV, bad)
        with pytest.raises(ValueError, match=duck.MEMORY_LIMIT_ENV):
            duck.memory_limit()
    monkeypatch.setenv(duck.THREADS_ENV, "0")
    with pytest.raises(ValueError, match=duck.THREADS_ENV):
        duck.threads()


def test_a_connection_gets_the_limit_from_the_setting(tmp_path, monkeypatch):
    monkeypatch.setenv(duck.MEMORY_LIMIT_ENV, "300MB")
    monkeypatch.setenv(duck.THREADS_ENV, "1")
    con = duck.connect(tmp_path / "w.duckdb")
    try:
        assert _limit(con).startswith("286.1 MiB")  # DuckDB reports 300 MB in MiB
        assert _threads(con) == 1
    finally:
        con.close()
    monkeypatch.setenv(duck.MEMORY_LIMIT_ENV, "200MB")
    monkeypatch.delenv(duck.THREADS_ENV)
    ro = duck.connect(tmp_path / "w.duckdb", read_only=True)  # read-only connections too
    try:
        assert _limit(ro).startswith("190.7 MiB")
    finally:
        ro.close()


def test_the_warehouse_resource_and_the_raw_store_are_bounded(tmp_path, monkeypatch):
    monkeypatch.setenv(duck.MEMORY_LIMIT_ENV, "250MB")
    resource = WarehouseResource(path=str(tmp_path / "wh" / "build.duckdb"))
    with resource.connect() as con:
        assert _limit(con).startswith("238.4 MiB")
    con = raw_store.connect(tmp_path / "wh" / "build.duckdb", read_only=True)
    try:
        assert _limit(con).startswith("238.4 MiB")
    finally:
        con.close()


def test_an_unbounded_connection_open_in_the_process_does_not_conflict(tmp_path, monkeypatch):
    """``SET`` after opening, not a connect-time config: DuckDB refuses a second connection
    to an open file with another configuration, a SET never conflicts."""
    monkeypatch.setenv(duck.MEMORY_LIMIT_ENV, "250MB")
    path = tmp_path / "w.duckdb"
    plain = duckdb.connect(str(path))
    try:
        bounded = duck.connect(path)
        try:
            assert _limit(bounded).startswith("238.4 MiB")
            assert _limit(plain) == _limit(bounded)  # one database instance, one setting
        finally:
            bounded.close()
    finally:
        plain.close()


def test_dbt_profile_reads_the_same_variable_with_the_same_default():
    profile = (Path(__file__).resolve().parents[1] / "dbt_project" / "profiles.yml").read_text()
    assert f"memory_limit: \"{{{{ env_var('{duck.MEMORY_LIMIT_ENV}', '{duck.DEFAULT_MEMORY_LIMIT}') }}}}\"" in profile


def test_no_module_opens_duckdb_around_the_helper():
    """Every ``duckdb.connect`` of the pipeline's code goes through ``ingestion.duck``."""
    root = Path(__file__).resolve().parents[1]
    offenders = [str(p.relative_to(root)) for folder in ("ingestion", "orchestration", "quality", "publishing",
                                                         "reporting", "runlog")
                 for p in (root / folder).rglob("*.py")
                 if p.name != "duck.py" and "duckdb.connect(" in p.read_text(encoding="utf-8")
                 and "cli.py" not in p.name]  # cli.py prints an example command for the user
    assert offenders == []


# ---------------------------------------------------------------- the window read in batches


def _rep(rid: str, day: str, text: str = "KIA captured Bhamo.") -> Report:
    return Report(id=rid, published=day, text=text, source="inbox", outlet="Wire",
                  fetched_at="2025-09-08T01:02:03+00:00")


_ONE_QUERY = """
SELECT id, published_iso, text FROM (
    SELECT * FROM raw.reports QUALIFY row_number() OVER (PARTITION BY id ORDER BY version DESC) = 1)
WHERE (?::DATE IS NULL OR published_date >= ?::DATE) AND (?::DATE IS NULL OR published_date < ?::DATE)
ORDER BY published_date, id"""


@pytest.fixture
def store(tmp_path):
    con = raw_store.connect(tmp_path / "build.duckdb")
    raw_store.ensure_schema(con)
    first = dt.date(2025, 9, 1)
    reports = [_rep(f"r{i:03d}", (first + dt.timedelta(days=i % 9)).isoformat()) for i in range(60)]
    raw_store.store_reports(con, reports, "run1")
    # new versions: one moves to another day (out of the window below), one stays, one moves in
    raw_store.store_reports(con, [_rep("r000", "2025-09-20", "moved out"), _rep("r001", "2025-09-02", "edited"),
                                  _rep("r002", "2025-09-04", "moved in")], "run2")
    yield con
    con.close()


@pytest.mark.parametrize("max_rows", [1, 3, 7, 1000])
@pytest.mark.parametrize("window", [(None, None), ("2025-09-01", "2025-09-05"), ("2025-09-03", "2025-09-04"),
                                    ("2025-09-20", "2025-09-21"), ("2025-10-01", "2025-10-02")])
def test_the_batched_read_yields_the_reports_of_the_one_query(store, max_rows, window):
    start, end = window
    want = store.execute(_ONE_QUERY, [start, start, end, end]).fetchall()
    got = [(r.id, r.published, r.text) for r in raw_store.latest_reports(store, start, end, max_rows=max_rows,
                                                                        batch_size=2)]
    assert got == want
    assert got or window[0] == "2025-10-01"


def test_day_batches_bound_the_rows_and_keep_a_big_day_whole():
    d = [dt.date(2025, 9, i) for i in range(1, 6)]
    counts = list(zip(d, [2, 2, 9, 1, 1]))
    assert list(raw_store.day_batches(counts, 4)) == [(d[0], d[2]), (d[2], d[3]), (d[3], d[4] + dt.timedelta(1))]
    assert list(raw_store.day_batches(counts, 100)) == [(d[0], d[4] + dt.timedelta(1))]
    assert list(raw_store.day_batches([], 4)) == []
    # a gap in the days stays inside a range: nothing is published on the missing day
    assert list(raw_store.day_batches([(d[0], 1), (d[4], 1)], 5)) == [(d[0], d[4] + dt.timedelta(1))]


def test_the_read_sees_one_snapshot_while_the_connection_writes(store):
    """A report stored through the same connection during the read is not in it (the read's
    own transaction): the window is what was committed when the read began."""
    seen = []
    for report in raw_store.latest_reports(store, "2025-09-01", "2025-09-10", max_rows=5):
        if not seen:
            raw_store.store_reports(store, [_rep("zzz-new", "2025-09-09")], "run3")
        seen.append(report.id)
    assert "zzz-new" not in seen
    assert len(seen) == 59  # 60 stored, r000's latest version moved to the 20th


def test_memory_limited_lowers_and_restores(tmp_path):
    from ingestion import duck

    con = duck.connect(tmp_path / "m.duckdb")
    try:
        def current():
            return con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]

        before = current()
        with duck.memory_limited(con, "64MB"):
            assert current() == "61.0 MiB"
        assert current() == before
        with pytest.raises(RuntimeError), duck.memory_limited(con, "64MB"):
            raise RuntimeError("restored on the way out too")
        assert current() == before
        for _ in range(3):  # restored to the configured limit, not to its rounded display
            with duck.memory_limited(con):
                pass
        assert current() == before
        with duck.memory_limited(con, "64GB"):  # never raised
            assert current() == before
    finally:
        con.close()


def test_release_memory_can_collect_cycles_first():
    """``collect=True`` frees what only a reference cycle holds before trimming; the default
    (every connection's open and close) does not pay for a pass over the heap."""
    import gc
    import weakref

    class Node:
        pass

    def cycle():
        node = Node()
        node.me = node
        return weakref.ref(node)

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        held = cycle()
        duck.release_memory()
        assert held() is not None  # no collection: the cycle is still there
        duck.release_memory(collect=True)
        assert held() is None
    finally:
        if was_enabled:
            gc.enable()
