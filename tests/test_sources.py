"""Every input format and manifest rule of loaders.sources, on real files."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from loaders import sources
from loaders.errors import LoadError
from loaders.model import Document

from conftest import ARTICLE, FIXTURES, SAMPLES, write


def read_all(*paths, manifest=None) -> tuple[list[Document], list[LoadError]]:
    items = list(sources.read([Path(p) for p in paths], manifest=manifest))
    return ([i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, LoadError)])


@pytest.mark.parametrize("name, fmt", [("a.txt", "txt"), ("b.md", "md")])
def test_plain_text_files_become_documents_named_by_file_stem(tmp_path, name, fmt):
    docs, errors = read_all(write(tmp_path, name, ARTICLE))
    assert errors == []
    assert [(d.doc_id, d.fmt, d.text) for d in docs] == [(Path(name).stem, fmt, ARTICLE)]
    assert docs[0].original is None  # text is the original


@pytest.mark.parametrize("text, encoding", [
    ("\u0412\u0456\u0439\u0441\u044c\u043a\u0430 \u0432\u0456\u0434\u0431\u0438\u043b\u0438 "
     "\u0430\u0442\u0430\u043a\u0443 \u043f\u0456\u0434 \u0411\u0430\u0445\u043c\u0443\u0442\u043e\u043c. "
     "\u0414\u0432\u043e\u0454 \u043b\u044e\u0434\u0435\u0439 \u043f\u043e\u0440\u0430\u043d\u0435\u043d\u0456, "
     "\u043f\u043e\u0432\u0456\u0434\u043e\u043c\u0438\u0432 \u0433\u0443\u0431\u0435\u0440\u043d\u0430\u0442\u043e\u0440.\n", "cp1251"),
    ("Les forces russes ont bombard\u00e9 la ville, a d\u00e9clar\u00e9 le gouverneur \u00e0 "
     "Kharkiv. Deux bless\u00e9s, selon les autorit\u00e9s r\u00e9gionales.\n", "latin-1"),
    (ARTICLE, "utf-16"),
])
def test_legacy_encodings_are_detected_and_decoded(tmp_path, text, encoding):
    docs, errors = read_all(write(tmp_path, "legacy.txt", text.encode(encoding)))
    assert errors == []
    assert docs[0].text.strip() == text.strip()


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"  \n\n \t\n", "empty"),
    (bytes(range(256)) * 20, "not text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10", "not text"),
])
def test_empty_and_binary_files_are_load_errors_not_documents(tmp_path, content, reason):
    docs, errors = read_all(write(tmp_path, "bad.txt", content))
    assert docs == []
    assert len(errors) == 1 and reason in errors[0].reason
    assert errors[0].path.endswith("bad.txt") and errors[0].fix


def test_html_gives_main_text_and_metadata_without_navigation_scripts_or_boilerplate():
    docs, errors = read_all(FIXTURES / "kupiansk.html")
    assert errors == []
    (doc,) = docs
    assert doc.fmt == "html" and doc.doc_id == "kupiansk"
    assert "repelled 14 Russian attacks near Kupiansk" in doc.text
    assert "about 200 people had been evacuated" in doc.text
    for junk in ("dataLayer", "color: red", "Home", "Sport", "cookies", "Markets slide",
                 "All rights reserved", "morning briefing"):
        assert junk not in doc.text, junk
    assert doc.title == "Russian shelling wounds two in Kupiansk"
    assert doc.outlet == "Example News"
    assert doc.url == "https://news.example.org/2024/05/14/kupiansk-shelling"
    assert doc.published == dt.date(2024, 5, 14)
    assert doc.original.startswith("<!DOCTYPE html>")


def test_html_without_any_text_is_a_load_error(tmp_path):
    docs, errors = read_all(write(tmp_path, "shell.html", "<html><body><script>app()</script></body></html>"))
    assert docs == [] and "no article text" in errors[0].reason


RECORD = {"id": "rec-1", "title": "Shelling in Kupiansk", "source": "Example News",
          "url": "https://example.org/1", "published": "2024-05-14", "text": ARTICLE}


def test_json_file_with_one_record_uses_its_id_and_metadata(tmp_path):
    docs, errors = read_all(write(tmp_path, "one.json", RECORD))
    assert errors == []
    (d,) = docs
    assert (d.doc_id, d.title, d.outlet, d.url, d.published, d.text, d.fmt) == (
        "rec-1", "Shelling in Kupiansk", "Example News", "https://example.org/1",
        dt.date(2024, 5, 14), ARTICLE, "json")
    assert json.loads(d.original) == RECORD


def test_json_file_with_a_list_of_records_yields_each_and_reports_a_bad_one(tmp_path):
    records = [RECORD, {**RECORD, "id": "rec-2"}, {"id": "rec-3", "title": "no body"}, {**RECORD, "id": None}]
    docs, errors = read_all(write(tmp_path, "list.json", records))
    assert [d.doc_id for d in docs] == ["rec-1", "rec-2", "list-4"]  # no id: file stem + position
    assert len(errors) == 1 and "record 3" in errors[0].reason and "no text" in errors[0].reason


def test_json_record_with_html_instead_of_text_is_reduced_to_main_text(tmp_path):
    html = (FIXTURES / "kupiansk.html").read_text()
    docs, errors = read_all(write(tmp_path, "h.json", {"id": "h1", "html": html, "source": "Wire"}))
    assert errors == []
    assert "repelled 14 Russian attacks" in docs[0].text and "dataLayer" not in docs[0].text
    assert docs[0].outlet == "Wire"  # the record's own field beats the page's sitename


def test_jsonl_broken_line_is_reported_with_its_line_number_and_other_lines_load(tmp_path):
    lines = [json.dumps(RECORD), '{"id": "rec-2", "text": "unterminated', "",
             json.dumps({**RECORD, "id": "rec-4"})]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    docs, errors = read_all(path)
    assert [(d.doc_id, d.line) for d in docs] == [("rec-1", 1), ("rec-4", 4)]
    (err,) = errors
    assert err.line == 2 and "invalid JSON" in err.reason
    assert str(err).startswith(f"{path}:2: invalid JSON (")
    assert str(err).endswith("fix the line or remove it")


def test_unreadable_published_date_in_a_record_is_a_load_error(tmp_path):
    docs, errors = read_all(write(tmp_path, "d.jsonl", json.dumps({**RECORD, "published": "soon"})))
    assert docs == [] and "published" in errors[0].reason and errors[0].line == 1


def test_folder_is_walked_recursively_sorted_skipping_hidden_images_and_manifests(tmp_path):
    write(tmp_path, "b.txt", ARTICLE)
    write(tmp_path, "sub/a.md", ARTICLE)
    write(tmp_path, "sub/deeper/c.html", (FIXTURES / "kupiansk.html").read_text())
    write(tmp_path, ".hidden.txt", ARTICLE)
    write(tmp_path, ".git/x.txt", ARTICLE)
    write(tmp_path, "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path, "manifest.csv", "doc_id,source\nb,Wire\n")
    docs, errors = read_all(tmp_path)
    assert errors == []
    assert [d.doc_id for d in docs] == ["b", "a", "c"]


def test_folder_files_that_may_be_articles_we_cannot_read_are_reported_assets_skipped(tmp_path):
    for name in ("story.txt", "report.docx", "scan.pdf", "README", "other.csv", "logo.png", "site.css",
                 "x.duckdb.tmp-42"):
        write(tmp_path, name, ARTICLE if name.endswith(".txt") else b"PK\x03\x04 data")
    docs, errors = read_all(tmp_path)
    assert [d.doc_id for d in docs] == ["story"]
    assert sorted((Path(e.path).name, e.reason) for e in errors) == [
        ("README", "unknown file type '(none)'"), ("other.csv", "a table, not an article"),
        ("report.docx", "unknown file type '.docx'"), ("scan.pdf", "unknown file type '.pdf'")]


def test_explicitly_named_file_with_unknown_extension_is_an_error(tmp_path):
    docs, errors = read_all(write(tmp_path, "notes.docx", b"PK\x03\x04"))
    assert docs == [] and "unknown file type '.docx'" in errors[0].reason


def test_missing_path_is_an_error_naming_it(tmp_path):
    docs, errors = read_all(tmp_path / "nope")
    assert docs == [] and errors[0].path.endswith("nope") and "no such file" in errors[0].reason


def test_bundled_samples_take_dates_outlets_and_titles_from_their_manifest():
    docs, errors = read_all(SAMPLES)
    assert errors == []
    got = {d.doc_id: (d.published, d.outlet, d.title) for d in docs}
    assert got["002_847ebad0b789be72"] == (dt.date(2023, 3, 7), "The Moscow Times", None)
    assert got["001_25ede7228fdafa9b"] == (
        dt.date(2024, 10, 9), "Reuters", "Ukraine reports fierce fighting in Toretsk as Russia steps up pressure")
    assert got["004_685030874ad2494d"] == (dt.date(2023, 3, 13), None, None)  # empty fields stay unknown


def _manifest(kind: str, key: str, value: str, extra: dict) -> str:
    row = {key: value, **extra}
    if kind == "csv":
        return ",".join(row) + "\n" + ",".join(row.values()) + "\n"
    return json.dumps(row) + "\n"


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
@pytest.mark.parametrize("key, value", [("doc_id", "story"), ("id", "story"), ("doc", "story"),
                                        ("file", "sub/story.txt")])
def test_manifest_in_csv_or_jsonl_matches_documents_by_any_key_name(tmp_path, kind, key, value):
    write(tmp_path, "articles/story.txt", ARTICLE)
    m = write(tmp_path, f"meta.{kind}", _manifest(kind, key, value, {
        "published": "2024-05-14", "source": "Kyiv Independent", "url": "https://kyiv.example/x",
        "title": "Shelling"}))
    docs, errors = read_all(tmp_path / "articles", manifest=m)
    assert errors == []
    (d,) = docs
    assert (d.published, d.outlet, d.url, d.title) == (
        dt.date(2024, 5, 14), "Kyiv Independent", "https://kyiv.example/x", "Shelling")


@pytest.mark.parametrize("column", ["outlet", "wire"])
def test_manifest_outlet_column_may_be_called_outlet_or_wire(tmp_path, column):
    write(tmp_path, "story.txt", ARTICLE)
    write(tmp_path, "manifest.csv", f"doc_id,{column}\nstory,AFP\n")
    docs, _ = read_all(tmp_path)
    assert docs[0].outlet == "AFP"


@pytest.mark.parametrize("name", ["manifest.csv", "manifest.jsonl"])
def test_manifest_inside_a_folder_is_read_automatically(tmp_path, name):
    write(tmp_path, "story.txt", ARTICLE)
    write(tmp_path, name, _manifest(name.split(".")[1], "doc_id", "story", {"published": "2023-03-07"}))
    docs, errors = read_all(tmp_path)
    assert errors == [] and docs[0].published == dt.date(2023, 3, 7)


def test_explicit_manifest_overrides_the_folder_manifest_field_by_field(tmp_path):
    write(tmp_path, "in/story.txt", ARTICLE)
    write(tmp_path, "in/manifest.csv", "doc_id,published,source\nstory,2023-03-07,Reuters\n")
    m = write(tmp_path, "override.jsonl", json.dumps({"id": "story", "published": "2023-03-08"}) + "\n")
    docs, errors = read_all(tmp_path / "in", manifest=m)
    assert errors == []
    assert (docs[0].published, docs[0].outlet) == (dt.date(2023, 3, 8), "Reuters")


@pytest.mark.parametrize("content, reason", [
    ("published,source\n2023-03-07,Reuters\n", "no doc_id, id, doc or file column"),
    ("doc_id,published\nstory,yesterday-ish\n", "unreadable published date"),
])
def test_bad_manifest_is_reported_and_articles_still_load(tmp_path, content, reason):
    write(tmp_path, "story.txt", ARTICLE)
    write(tmp_path, "manifest.csv", content)
    docs, errors = read_all(tmp_path)
    assert [d.doc_id for d in docs] == ["story"]
    assert len(errors) == 1 and reason in errors[0].reason


def test_load_error_message_names_file_line_reason_and_fix():
    e = LoadError("data/x.jsonl", "invalid JSON (Expecting ',' delimiter)", line=17, fix="fix the line or remove it")
    assert str(e) == "data/x.jsonl:17: invalid JSON (Expecting ',' delimiter) \u2014 fix the line or remove it"
    assert str(LoadError("a.txt", "empty")) == "a.txt: empty"


@pytest.mark.parametrize("name, content", [
    ("kupiansk.html", (FIXTURES / "kupiansk.html").read_text()),
    ("h.jsonl", json.dumps({"id": "h1", "html": (FIXTURES / "kupiansk.html").read_text(), "source": "Wire"}) + "\n"),
])
def test_deferred_html_parsed_later_equals_html_parsed_while_reading(tmp_path, name, content):
    path = write(tmp_path / "in", name, content)
    write(tmp_path / "in", "manifest.csv", "doc_id,published\nkupiansk,2024-05-15\nh1,2024-05-15\n")
    (direct,), (unmatched,) = read_all(tmp_path / "in")
    assert unmatched.reason.startswith("no article ")   # the other case's row
    (deferred,) = [d for d in sources.read([tmp_path / "in"], defer_html=True) if isinstance(d, Document)]
    assert deferred.text == ""   # nothing parsed yet
    assert sources.complete(deferred) == direct
    assert direct.published == dt.date(2024, 5, 15)   # the manifest beats the page's own date


@pytest.mark.parametrize("name, content, reason", [
    ("bom-only.txt", b"\xef\xbb\xbf", "empty"),
    ("blank.jsonl", b"\n \n\n", "empty"),
    ("empty-list.json", b"[]", "empty (no records)"),
    ("dict-text.json", json.dumps({"id": "d", "text": {"body": "Two wounded."}}).encode(), "is a dict, not a string"),
    ("list-html.jsonl", json.dumps({"id": "l", "html": ["<p>x</p>"]}).encode(), "is a list, not a string"),
])
def test_inputs_without_a_usable_article_are_reported(tmp_path, name, content, reason):
    docs, errors = read_all(write(tmp_path, name, content))
    assert docs == [] and len(errors) == 1 and reason in errors[0].reason


def test_oversized_files_and_lines_are_reported_without_being_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_ARTICLE_MB", 1)
    big = "Two people were wounded in Kupiansk, the governor said. " * 40_000   # ~2.2 MB
    write(tmp_path, "big.txt", big)
    write(tmp_path, "feed.jsonl", json.dumps({"id": "small", "text": ARTICLE}) + "\n"
          + json.dumps({"id": "huge", "text": big}) + "\n")
    docs, errors = read_all(tmp_path)
    assert [d.doc_id for d in docs] == ["small"]
    assert sorted((Path(e.path).name, e.line, e.reason.split(" (")[0]) for e in errors) == [
        ("big.txt", None, "file too large"), ("feed.jsonl", 2, "line too large")]


def test_jsonl_is_split_on_newlines_only_not_unicode_line_separators(tmp_path):
    text = "Two people were wounded.\u2028Three were killed."
    docs, errors = read_all(write(tmp_path, "sep.jsonl", json.dumps({"id": "s", "text": text}, ensure_ascii=False)))
    assert errors == [] and docs[0].text == text
