"""Real files made by the tests (and the demo seed): PDFs, scans, EICAR, a DOCX, bombs."""

import io
import random
import struct
import zipfile
import zlib

from PIL import Image, ImageDraw, ImageFont

# The 68-byte EICAR antivirus test file (harmless by design; every scanner detects it).
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
LOCAL_HDB = "44d88612fea8a8f36de82e1278abb02f:68:Local.EICAR.MD5\n"
LOCAL_NDB = f"Local.EICAR.Body:0:*:{EICAR.hex()}\n"

V5C_LINES = [
    "VEHICLE REGISTRATION CERTIFICATE (V5C)",
    "Registration number: KDA 123A",
    "VIN: WVWZZZ1JZXW000001",
    "Date of first registration: 12/03/2019",
    "Registered keeper: Jane Wanjiru",
]


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a real text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = 800
    for line in lines:
        pdf.drawString(60, y, line)
        y -= 22
    pdf.save()
    return buffer.getvalue()


def scan_image(lines: list[str], *, fmt: str = "PNG", exif: bytes | None = None) -> bytes:
    """A page 'scanned' to an image: black text on white, as a scanner makes it."""
    font = ImageFont.load_default(size=34)
    image = Image.new("L", (1240, 120 + 70 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((60, 60 + 70 * index), line, fill=0, font=font)
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=92, exif=exif or b"")
    else:
        image.save(buffer, fmt)
    return buffer.getvalue()


def scanned_pdf(lines: list[str]) -> bytes:
    """A PDF whose page is only an image of text (no text layer): needs OCR."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = Image.open(io.BytesIO(scan_image(lines)))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width = A4[0] - 80
    pdf.drawImage(
        ImageReader(picture),
        40,
        A4[1] - 40 - width * picture.height / picture.width,
        width=width,
        height=width * picture.height / picture.width,
    )
    pdf.save()
    return buffer.getvalue()


def photo_jpeg(*, gps: bool = True, size=(800, 600), orientation: int = 1, seed: int = 0) -> bytes:
    """A 'photo' with camera EXIF and GPS tags."""
    image = Image.new("RGB", size, (40 + seed * 20 % 200, 90, 160))
    draw = ImageDraw.Draw(image)
    draw.rectangle((100, 100, 400, 300), fill=(220, 40 + seed % 200, 40))
    draw.ellipse((450, 200, 700, 450), fill=(30, 200, 60))
    exif = Image.Exif()
    exif[0x010F] = "InsureCam"  # Make
    exif[0x0110] = "Model 1"  # Model
    exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "S", 2: (1.0, 17.0, 30.0), 3: "E", 4: (36.0, 49.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=90)
    return buffer.getvalue()


def docx(paragraphs: list[str], *, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal valid DOCX (Word opens it); `extra` adds archive members (e.g. EICAR)."""
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    members = {
        "[Content_Types].xml": (
            b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            b'content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
            b'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
            b'main+xml"/></Types>'
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
        ).encode(),
        **(extra or {}),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_with(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


def elf_executable() -> bytes:
    """The start of a Linux executable (what a renamed binary looks like to us)."""
    return b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 200


def encrypted_pdf(lines: list[str], password: str = "s3cret-pass") -> bytes:  # noqa: S107 - a test file
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(lines))))
    writer.encrypt(user_password=password, owner_password=password, algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def corrupt_pdf() -> bytes:
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nthis is not a pdf body\n%%EOF\n"


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A tiny PNG whose header claims a huge canvas (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def real_png_bomb(width: int = 20_000, height: int = 20_000) -> bytes:
    """A valid PNG of one grey that decodes to width x height bytes (400 MB by default) from about
    390 KB: the decompression bomb that held ClamAV 13-37 s and 2 GB. Takes about a second."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    compressor = zlib.compressobj(9)
    rows = b"\x00" * ((width + 1) * 100)  # filter byte + one grey byte per pixel, 100 rows at a time
    parts = [compressor.compress(rows) for _ in range(height // 100)]
    parts.append(compressor.compress(b"\x00" * ((width + 1) * (height % 100))))
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b"")


def zip_bomb(*, entries: int = 1, entry_bytes: int = 64 * 1024 * 1024, docx_parts: bool = True) -> bytes:
    """A valid ZIP (a DOCX when `docx_parts`) whose entries are runs of zeros: about 1000:1, streamed
    so that the test never holds the expanded bytes."""
    buffer = io.BytesIO(docx(["Quotation"]) if docx_parts else b"")
    block = b"\x00" * (1024 * 1024)
    with zipfile.ZipFile(buffer, "a" if docx_parts else "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for number in range(entries):
            with archive.open(f"word/media/part{number}.xml", "w", force_zip64=True) as member:
                for _ in range(entry_bytes // len(block)):
                    member.write(block)
    return buffer.getvalue()


def nested_zip(depth: int, payload: bytes = b"hello") -> bytes:
    """A ZIP holding a ZIP holding ... (`depth` archives in all) with `payload` at the bottom."""
    content = payload
    for level in range(depth):
        content = zip_with(f"level{depth - level}.zip" if level else "payload.txt", content)
    return content


def picture(*, seed: int = 1, size=(64, 48), fmt: str = "JPEG", orientation: int | None = None, exif=False) -> bytes:
    """Random coloured rectangles (a perceptual hash of its own per seed), optionally with EXIF
    orientation, device tags, a time and a GPS position."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x0, y0 = rng.randrange(size[0]), rng.randrange(size[1])
        x1, y1 = x0 + rng.randrange(4, size[0]), y0 + rng.randrange(4, size[1])
        draw.rectangle([x0, y0, x1, y1], fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    tags = Image.Exif()
    if orientation:
        tags[0x0112] = orientation
    if exif:
        tags[0x010F] = "PhoneMaker"  # Make
        tags[0x0110] = "Phone 12"  # Model
        tags[0x0132] = "2026:01:15 10:30:00"  # DateTime
        tags[0x8825] = {1: "S", 2: (1.0, 17.0, 30.0), 3: "E", 4: (36.0, 49.0, 12.0)}  # GPSInfo
    buffer = io.BytesIO()
    image.save(buffer, fmt, **({"exif": tags} if len(tags) else {}))
    return buffer.getvalue()
