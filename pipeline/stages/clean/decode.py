"""Bytes to text: refuse binary files, honour BOMs and declared charsets, detect the rest.

Korean government pages are often EUC-KR/CP949; decoding them as UTF-8 or Latin-1 would store
mojibake for ever, so the order is: BOM, declared charset (meta tag or XML declaration), strict
UTF-8, then charset-normalizer's guess. Stray NUL bytes in text are dropped; a file with many of them
is binary.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from pipeline.stages.clean.errors import Rejected

#: Magic numbers of binary formats that land in raw/ under any extension.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/HWPX)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (old Word/Excel/HWP)"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x00\x00\x01\x00", "an icon image"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 audio file"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.IGNORECASE)
#: Declared legacy Korean charsets are read with their superset, which browsers do too.
_SUPERSETS = {"euc-kr": "cp949", "euckr": "cp949", "ks_c_5601-1987": "cp949", "ksc5601": "cp949",
              "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "utf-8",
              "ascii": "utf-8"}
_MULTIBYTE = frozenset(codecs.lookup(n).name for n in (
    "cp949", "euc_kr", "iso2022_kr", "johab", "euc_jp", "shift_jis", "cp932", "iso2022_jp", "gb2312", "gbk",
    "gb18030", "big5", "big5hkscs", "hz", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_8"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "a RIFF media file"
    return None


def _declared(data: bytes) -> str | None:
    head = data[:4096]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").strip().lower()
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs on every other byte of its ASCII characters."""
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, max_bytes: int) -> Decoded:
    """Decode one raw input or raise :class:`Rejected` saying why it is not text."""
    if len(data) > max_bytes:
        raise Rejected("clean", f"file too large: {len(data) / 1e6:.1f} MB exceeds the limit of "
                                f"{max_bytes / 1e6:.0f} MB for one release or feed")
    if not data:
        raise Rejected("clean", "empty file (0 bytes)")
    kind = _binary_kind(data)
    if kind:
        raise Rejected("clean", f"binary file, not text: looks like {kind}")

    encoding = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding, data = name, data[len(bom):]
            break
    encoding = encoding or _utf16_without_bom(data)
    if encoding is None:
        nul_share = data[:65536].count(0) / min(len(data), 65536)
        if nul_share > 0.01:
            raise Rejected("clean", f"binary file, not text: {nul_share:.0%} of the first bytes are NUL")
    text = None
    if encoding:
        text = data.decode(encoding, errors="replace")
    else:
        declared = _declared(data)
        # Valid UTF-8 with non-ASCII bytes is never an accident, so it wins over a (wrong) declaration;
        # bytes that are not UTF-8 are read with the declared charset.
        for candidate in ("utf-8", declared):
            if candidate:
                try:
                    text, encoding = data.decode(candidate), candidate
                    break
                except UnicodeDecodeError:
                    continue
        if text is None:
            best = from_bytes(data[:200_000]).best()
            if best is None or best.encoding is None:
                raise Rejected("clean", "binary file, not text: no character encoding fits its bytes")
            encoding = _SUPERSETS.get(best.encoding.replace("_", "-"), best.encoding)
            if codecs.lookup(encoding).name not in _MULTIBYTE:
                # Single-byte guesses on short Western text are unreliable (cp775 for Latin-1 'Côte'):
                # Windows-1252, the web's reading of Latin-1, is far more likely in this corpus.
                encoding = "cp1252"
            text = data.decode(encoding, errors="replace")
    text = text.replace("\x00", "").replace("\ufeff", "")
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > 0.05 * min(len(text), 65536):
        raise Rejected("clean", f"binary file, not text: {controls} control characters in the first "
                                f"{min(len(text), 65536)} characters")
    text = _CONTROL.sub(" ", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise Rejected("clean", "file contains only whitespace")
    return Decoded(text=text, encoding=encoding)
