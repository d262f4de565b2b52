"""Plain text and Markdown: UTF-8 first, other encodings detected and reported."""
from __future__ import annotations

from pathlib import Path

from kg.errors import SkipDocument
from kg.model import SourceText


def read_text(path: Path) -> SourceText:
    """Read a ``.txt``/``.md`` file; the text is the file's characters (BOM dropped)."""
    data = Path(path).read_bytes()
    text, encoding, warnings = decode(data, path)
    return SourceText(path=Path(path), text=text, encoding=encoding, warnings=tuple(warnings))


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we should guess at.

    NUL bytes without a UTF-16/32 byte-order mark, or many control characters,
    mean a binary file (image, archive, executable) with a text name.
    """
    sample = data[:65536]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))  # counted in C, not byte by byte
    return controls > max(8, len(sample) // 100)


# control characters other than tab, line feed, form feed and carriage return
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def decode(data: bytes, path: object = "") -> tuple[str, str, list[str]]:
    """Decode file bytes: (text, encoding name, warnings).

    UTF-8 (with or without BOM) is taken silently; a UTF-16 BOM is honoured;
    anything else is detected with charset-normalizer and reported in a
    warning so a wrong guess is never silent. Binary data raises SkipDocument.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", [f"{path}: read as UTF-16 (byte-order mark), not UTF-8"]
        except UnicodeDecodeError:
            raise SkipDocument(path, "has a UTF-16 byte-order mark but does not decode as UTF-16") from None
    if looks_binary(data):
        raise SkipDocument(path, "binary data, not text" + (" (NUL bytes)" if b"\x00" in data[:65536] else ""))
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SkipDocument(path, "not UTF-8 and no text encoding could be detected")
    enc = best.encoding
    if enc in _SINGLE_BYTE_GUESSES:
        # Our documents are Dutch: among the single-byte code pages the
        # detector cannot tell apart on short texts, Windows-1252 is the one
        # Dutch files use (it is a superset of Latin-1 for printable text).
        try:
            return data.decode("cp1252"), "cp1252", [f"{path}: not UTF-8; decoded as cp1252 (detected)"]
        except UnicodeDecodeError:
            pass
    return str(best), enc, [f"{path}: not UTF-8; decoded as {enc} (detected)"]


_SINGLE_BYTE_GUESSES = {"cp1250", "cp1252", "cp1257", "latin_1", "iso8859_2", "iso8859_15",
                        "iso8859_9", "cp1254", "mac_latin2", "mac_roman", "cp850", "cp437", "cp858",
                        "iso8859_13", "iso8859_4", "iso8859_10", "iso8859_16", "iso8859_3", "kz1048",
                        "ptcp154", "hp_roman8", "cp1258", "cp775", "cp852", "cp865", "cp861", "cp860"}
