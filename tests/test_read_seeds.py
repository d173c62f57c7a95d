"""Raw article bytes -> text: byte-order marks name the encoding; bad bytes name their line."""

from __future__ import annotations

import pytest

from generator.read_seeds import ReadError, read_plain

ARTICLE = "Leaders meet\r\n\r\nThey met in Genève on Thursday.\n"
EXPECTED = "Leaders meet\n\nThey met in Genève on Thursday.\n"


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_text_with_or_without_a_byte_order_mark_is_read(codec: str) -> None:
    data = ARTICLE.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    assert read_plain(data) == EXPECTED


def test_nul_bytes_without_a_byte_order_mark_are_binary() -> None:
    with pytest.raises(ReadError, match=r"^binary file, not a text article"):
        read_plain(ARTICLE.encode("utf-16-le"))


def test_broken_utf16_names_the_encoding_and_line() -> None:
    data = "Title\n\nText\n".encode("utf-16") + b"\x00\xdc"
    with pytest.raises(ReadError, match=r"^not UTF-16 text \(byte 0x00 at offset 26\)") as caught:
        read_plain(data)
    assert caught.value.line == 4
