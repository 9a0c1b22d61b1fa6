"""Hostile files written at test time: zip bombs, XML with DTDs, hand-made PDFs (compression bombs, cycles)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

GIB = 1 << 30
_MIB = 1 << 20


def deflate_of_spaces(n_mib: int) -> tuple[bytes, int]:
    """Raw deflate data that inflates to *n_mib* MiB of spaces, and its CRC-32, built in a fraction of a second:
    after a full flush a deflate block does not refer back, so one compressed MiB can be repeated."""
    chunk = b" " * _MIB
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush()
    crc = 0
    for _ in range(n_mib):
        crc = zlib.crc32(chunk, crc)
    return block * n_mib + tail, crc


def zip_with_raw_member(base: bytes, name: str, raw_deflate: bytes, crc: int, size: int) -> bytes:
    """The zip *base* with member *name* replaced by already-deflated data (a real, valid zip entry)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info.filename, src.read(info.filename))
    members = out.getvalue()
    # append the raw member by hand (local header + data) and add its entry to the central directory
    eocd = members[-22:]
    assert eocd[:4] == b"PK\x05\x06"
    n_old, cd_size, cd_offset = struct.unpack("<H", eocd[10:12])[0], *struct.unpack("<II", eocd[12:20])
    body = bytearray(members[:cd_offset])
    offset = len(body)
    fname = name.encode()
    body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(raw_deflate), size, len(fname), 0)
    body += fname + raw_deflate
    central = (
        members[cd_offset : cd_offset + cd_size]
        + struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            0,
            0x21,
            crc,
            len(raw_deflate),
            size,
            len(fname),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        + fname
    )
    n = n_old + 1
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(central), len(body), 0)
    return bytes(body + central + end)


def replace_member(base: bytes, name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == name else src.read(info.filename))
    return out.getvalue()


def billion_laughs(root: str, body: str) -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    return f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n' + "\n".join(entities) + "\n]>\n" + body


def external_entity(root: str, target: str, body: str) -> str:
    return f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "{target}">]>\n' + body


def hand_made_pdf(content: bytes, *, content_filter: bytes = b"", kids: bytes = b"[3 0 R]", count: int = 1) -> bytes:
    """A one-page PDF written object by object, with a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids " + kids + b" /Count " + str(count).encode() + b" >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length "
        + str(len(content)).encode()
        + b" "
        + content_filter
        + b" >>\nstream\n"
        + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += str(number).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 " + str(len(objects) + 1).encode() + b"\n0000000000 65535 f \n"
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root 1 0 R >>\nstartxref\n"
    out += str(xref).encode() + b"\n%%EOF\n"
    return bytes(out)


def flate_bomb_stream(n_mib: int) -> bytes:
    """A zlib (FlateDecode) stream inflating to *n_mib* MiB of spaces."""
    raw, _crc = deflate_of_spaces(n_mib)
    adler = 1
    chunk = b" " * _MIB
    for _ in range(n_mib):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + raw + adler.to_bytes(4, "big")
