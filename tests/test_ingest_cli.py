"""`briefing ingest` end to end on a temporary project, through the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main

SEEDS = Path(__file__).resolve().parent / "ingest_corpus" / "biden-putin-2021" / "seeds"


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "briefing"
    assert main(["new", str(root)]) == 0
    for seed in sorted(SEEDS.iterdir())[:3]:
        shutil.copy(seed, root / "seeds" / seed.name)
    return root


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "content").rglob("*.md")
    }


def test_ingest_writes_content_and_a_rerun_changes_no_file(tmp_path: Path) -> None:
    root = _project(tmp_path)
    assert main(["ingest", "--root", str(root)]) == 0
    first = _snapshot(root)
    assert any(p.startswith("content/events/") for p in first)
    assert any(p.startswith("content/sources/") for p in first)
    assert main(["ingest", "--root", str(root)]) == 0
    assert _snapshot(root) == first


def test_a_hand_edit_survives_a_rerun(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path)
    main(["ingest", "--root", str(root)])
    actor = root / "content" / "actors" / "joe-biden.md"
    edited = actor.read_text(encoding="utf-8").replace("kind: person", "kind: person\nnote: mine")
    actor.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert main(["ingest", "--root", str(root)]) == 0
    assert actor.read_text(encoding="utf-8") == edited
    assert "content/actors/joe-biden.md:1: warning: edited by hand" in capsys.readouterr().err


def test_a_new_article_extends_existing_events(tmp_path: Path) -> None:
    root = _project(tmp_path)
    main(["ingest", "--root", str(root)])
    before = len(list((root / "content" / "sources").glob("*.md")))
    extra = sorted(SEEDS.iterdir())[3]
    shutil.copy(extra, root / "seeds" / extra.name)
    assert main(["ingest", "--root", str(root), str(root / "seeds" / extra.name)]) == 0
    assert len(list((root / "content" / "sources").glob("*.md"))) == before + 1


BAD_INPUTS = {
    "empty.txt": (b"", "seeds/empty.txt:1: empty file: nothing to ingest"),
    "binary.txt": (
        b"\x89PNG\r\n\x1a\n\x00\x00",
        "seeds/binary.txt:1: binary file, not a text article: remove it from seeds/",
    ),
    "latin1.txt": (
        b"A headline about the vote\n\nCaf\xe9 owners voted.\n",
        "seeds/latin1.txt:3: not UTF-8 text (byte 0xe9 at offset 30): re-save the file as UTF-8",
    ),
    "nothing.txt": (
        b"Loading...\n\nSubscribe\n",
        "seeds/nothing.txt:1: no article found: no title and no paragraph of text "
        "(is this an article dump?)",
    ),
    "latin1.html": (
        b'<meta charset="utf-8">\n<h1>Vote</h1>\n<p>Caf\xe9 owners voted.</p>',
        "seeds/latin1.html:3: not utf-8 text, the page's encoding (byte 0xe9 at offset 43): "
        "re-save the page from the browser",
    ),
    "menus.html": (
        b"<html><body><nav><a href='/'>Home</a></nav><script>app()</script></body></html>",
        "seeds/menus.html:1: no article text in the page (only scripts, menus or markup)",
    ),
    "page.pdf": (
        b"%PDF-1.4",
        "seeds/page.pdf:1: unsupported file type '.pdf': "
        "seeds are .htm, .html, .md, .mht, .mhtml, .txt files",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_reported_and_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    root = _project(tmp_path)
    data, message = BAD_INPUTS[name]
    (root / "seeds" / name).write_bytes(data)
    assert main(["ingest", "--root", str(root)]) == 1
    assert message in capsys.readouterr().err.splitlines()
    assert list((root / "content" / "sources").glob("*.md"))


def test_an_oversized_file_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path)
    with (root / "seeds" / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert main(["ingest", "--root", str(root)]) == 1
    assert (
        "seeds/huge.txt:1: file is 50 MB, over the 10 MB limit for one article: split it or trim it"
        in capsys.readouterr().err.splitlines()
    )


def test_no_seeds_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "empty"
    main(["new", str(root)])
    assert main(["ingest", "--root", str(root)]) == 1
    assert "seeds:0: no articles to ingest" in capsys.readouterr().err
