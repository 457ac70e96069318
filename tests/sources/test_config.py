import pytest

from ingestion.sources.config import ConfigError, FolderSource, JsonSource, RssSource, load_config


def write(tmp_path, text):
    p = tmp_path / "conf" / "sources.yaml"
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)
    return p


def test_loads_all_types_and_resolves_relative_folders(tmp_path):
    p = write(tmp_path, """
sources:
  - {name: inbox, type: folder, path: reports, outlet: Demo Wire}
  - {name: feed, type: rss, url: "https://example.org/feed.xml", outlet: Example, max_items: 5}
  - {name: api, type: json, url: "https://example.org/api", enabled: false}
reference:
  - {name: gazetteer, url: "https://example.org/g.csv", sha256: abc}
""")
    config = load_config(p)
    inbox, feed, api = config.sources
    assert isinstance(inbox, FolderSource) and inbox.path == (tmp_path / "conf" / "reports").resolve()
    assert isinstance(feed, RssSource) and feed.max_items == 5 and feed.fetch_articles
    assert isinstance(api, JsonSource) and not api.enabled
    assert [s.name for s in config.enabled] == ["inbox", "feed"]
    assert config.reference == [{"name": "gazetteer", "url": "https://example.org/g.csv", "sha256": "abc"}]


def test_path_from_environment(tmp_path, monkeypatch):
    p = write(tmp_path, "sources:\n  - {name: a, type: folder, path: /abs/x}\n")
    monkeypatch.setenv("FRONTLINE_SOURCES", str(p))
    assert load_config().sources[0].path.as_posix() == "/abs/x"


def test_empty_file_is_no_sources(tmp_path):
    assert load_config(write(tmp_path, "")).sources == []


@pytest.mark.parametrize("text, reason", [
    ("sources:\n  - {name: a, type: ftp, url: x}\n", "ftp"),
    ("sources:\n  - {name: a, type: rss}\n", "url"),
    ("sources:\n  - {name: a, type: folder, path: x}\n  - {name: a, type: folder, path: y}\n", "duplicate"),
    ("sources:\n  - {name: a, type: rss, url: x, ulr: y}\n", "ulr"),
    ("sources: [oops\n", "invalid YAML"),
    ("- just a list\n", "mapping"),
])
def test_invalid_files_say_why(tmp_path, text, reason):
    with pytest.raises(ConfigError, match=reason):
        load_config(write(tmp_path, text))


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "nope.yaml")


def test_repository_default_enables_only_the_demo_inbox():
    config = load_config()  # FRONTLINE_SOURCES unset in tests → repo's sources.yaml
    assert [(s.name, s.type) for s in config.enabled] == [("demo-inbox", "folder")]
    assert config.enabled[0].path.parts[-3:] == ("data", "demo", "reports")
