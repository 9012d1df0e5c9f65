"""Getting text out of a file: the PDF's text layer, else Tesseract OCR of each page or image.

Returns lines with where they came from (page, method) and a confidence (OCR's mean word
confidence, 1.0 for a text layer), which field extraction carries into each field.
"""

import re
import shutil
import subprocess  # nosec B404
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings
from PIL import Image, ImageOps

from insurehub.core.health import Capability
from insurehub.documents.models import IMAGE_TYPES, FileType

MIN_TEXT_LAYER_CHARS = 20
MAX_DOCX_XML_BYTES = 20 * 1024 * 1024


class ExtractionError(Exception):
    """The file cannot be read (encrypted, damaged, too large); `code` is stored on the document."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class OcrUnavailableError(ExtractionError):
    def __init__(self):
        super().__init__("ocr_unavailable", "Tesseract is not installed; scanned pages cannot be read.")


@dataclass(frozen=True)
class Line:
    page: int
    number: int
    text: str
    method: str  # "text_layer" | "ocr" | "docx"
    confidence: float


@dataclass
class TextResult:
    lines: list[Line]
    pages: int
    methods: set[str]

    @property
    def text(self) -> str:
        out, page = [], None
        for line in self.lines:
            if page is not None and line.page != page:
                out.append("\f")
            page = line.page
            out.append(line.text)
        return "\n".join(out)


def tesseract_available() -> bool:
    return shutil.which(settings.TESSERACT_CMD) is not None


def ocr_capability() -> Capability:
    """The OCR engine, for /readyz and the start-up banner: Tesseract's version and languages."""
    path = shutil.which(settings.TESSERACT_CMD)
    if not path:
        return Capability(
            "missing",
            "none",
            "tesseract is not installed",
            "scanned pages and photos are not read (text-layer PDFs still are). Run: sudo scripts/system-deps.sh",
        )
    try:
        version = subprocess.run(  # noqa: S603  # nosec B603
            [path, "--version"], capture_output=True, timeout=10, check=False
        )
        listed = subprocess.run(  # noqa: S603  # nosec B603
            [path, "--list-langs"], capture_output=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Capability("error", "tesseract", f"tesseract does not run: {exc.__class__.__name__}")
    name = (version.stdout or version.stderr).decode("utf-8", "replace").strip().splitlines()[:1]
    installed = set(listed.stdout.decode("utf-8", "replace").split()[1:])
    absent = [lang for lang in settings.TESSERACT_LANG.split("+") if lang not in installed]
    if absent:
        return Capability(
            "error",
            "tesseract",
            f"{name[0] if name else 'tesseract'} without the language data {'+'.join(absent)}",
            "OCR fails until it is installed (Debian: tesseract-ocr-<lang>)",
        )
    return Capability("live", "tesseract", f"{name[0] if name else 'tesseract'} ({settings.TESSERACT_LANG})")


def ocr_image(image: Image.Image, *, page: int) -> list[Line]:
    """OCR one image into lines with the mean confidence of their words (0..1)."""
    import pytesseract

    if not tesseract_available():
        raise OcrUnavailableError()
    pytesseract.pytesseract.tesseract_cmd = shutil.which(settings.TESSERACT_CMD)
    image = ImageOps.exif_transpose(image).convert("L")
    if max(image.size) < 1200:  # small scans read better enlarged
        factor = 1200 / max(image.size)
        image = image.resize((int(image.width * factor), int(image.height * factor)), Image.Resampling.LANCZOS)
    try:
        data = pytesseract.image_to_data(
            image,
            lang=settings.TESSERACT_LANG,
            config="--psm 3",
            output_type=pytesseract.Output.DICT,
            timeout=settings.DOCUMENTS_OCR_TIMEOUT_SECONDS,
        )
    except RuntimeError as exc:  # pytesseract's timeout
        raise ExtractionError("ocr_timeout", "OCR took too long for this page.") from exc
    except pytesseract.TesseractError as exc:
        raise ExtractionError("ocr_failed", f"Tesseract could not read the page: {exc}") from exc
    grouped: dict[tuple, list[list]] = {}
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        conf = float(data["conf"][i])
        if not word or conf < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        box = (data["left"][i], data["top"][i], data["width"][i], data["height"][i])
        grouped.setdefault(key, []).append([word, conf, box])
    lines = []
    for number, key in enumerate(sorted(grouped), start=1):
        words = grouped[key]
        if _VIN_LABEL.search(" ".join(w for w, _, _ in words)):
            for entry in words:
                if 15 <= len(entry[0]) <= 19 and entry[0].isalnum():
                    entry[0], entry[1] = _reread_identifier(image, entry[2], fallback=(entry[0], entry[1]))
        confidence = sum(c for _, c, _ in words) / len(words) / 100.0
        lines.append(Line(page, number, " ".join(w for w, _, _ in words), "ocr", round(confidence, 3)))
    return lines


_VIN_LABEL = re.compile(r"\b(VIN|CHASSIS|FRAME)\b", re.I)
_VIN_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def _reread_identifier(image: Image.Image, box: tuple, *, fallback: tuple[str, float]) -> tuple[str, float]:
    """Read a VIN-like word again on its own, restricted to the VIN alphabet: a free-text pass
    confuses 0/O and may split or double characters; a single-word, whitelisted pass rarely does."""
    import pytesseract

    left, top, width, height = box
    pad = max(4, height // 3)
    crop = image.crop((max(0, left - pad), max(0, top - pad), left + width + pad, top + height + pad))
    try:
        data = pytesseract.image_to_data(
            crop,
            config=f"--psm 7 -c tessedit_char_whitelist={_VIN_ALPHABET}",
            output_type=pytesseract.Output.DICT,
            timeout=settings.DOCUMENTS_OCR_TIMEOUT_SECONDS,
        )
    except (RuntimeError, pytesseract.TesseractError):
        return fallback
    words = [(w.strip(), float(c)) for w, c in zip(data["text"], data["conf"], strict=True) if w.strip()]
    text = "".join(w for w, _ in words)
    if len(text) != 17:
        return fallback
    return text, max(fallback[1], min(c for _, c in words))


def _text_lines(text: str, *, page: int, method: str) -> list[Line]:
    rows = [re.sub(r"[ \t]+", " ", row).strip() for row in text.splitlines()]
    return [Line(page, n, row, method, 1.0) for n, row in enumerate((r for r in rows if r), start=1)]


def _pdf(stream: BinaryIO, *, max_pages: int, max_pixels: int, progress: Callable[[int, int], None]) -> TextResult:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(stream)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError("encrypted_pdf", "The PDF is password-protected; upload it without the password.")
        total = len(reader.pages)
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ExtractionError("corrupt_pdf", "The PDF is damaged and could not be read.") from exc
    if total > max_pages:
        raise ExtractionError("too_many_pages", f"The PDF has {total} pages; at most {max_pages} are processed.")
    lines: list[Line] = []
    methods: set[str] = set()
    for index, page in enumerate(reader.pages, start=1):
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # pypdf raises many types on damaged content streams
            raise ExtractionError("corrupt_pdf", "A page of the PDF is damaged and could not be read.") from exc
        if len(text.strip()) >= MIN_TEXT_LAYER_CHARS:
            lines.extend(_text_lines(text, page=index, method="text_layer"))
            methods.add("text_layer")
        else:
            # A scanned page: the page's images, OCR'd (a scanner puts one image per page).
            for picture in page.images:
                try:
                    with Image.open(_bytes_io(picture.data)) as probe:
                        if probe.width * probe.height > max_pixels:
                            raise ExtractionError("image_too_large", "An image in the PDF is too large to read.")
                    image = picture.image
                except ExtractionError:
                    raise
                except Exception:  # noqa: S112 - an undecodable image is skipped, the rest is read
                    continue  # nosec B112
                lines.extend(ocr_image(image, page=index))
                methods.add("ocr")
        progress(index, total)
    return TextResult(lines, total, methods)


def _bytes_io(data: bytes):
    import io

    return io.BytesIO(data)


def _image(stream: BinaryIO, *, max_pixels: int, progress: Callable[[int, int], None]) -> TextResult:
    try:
        with Image.open(stream) as image:
            if image.width * image.height > max_pixels:
                raise ExtractionError("image_too_large", "The image has too many pixels to read.")
            frames = getattr(image, "n_frames", 1)
            lines: list[Line] = []
            for frame in range(min(frames, 50)):
                image.seek(frame)
                lines.extend(ocr_image(image.copy(), page=frame + 1))
                progress(frame + 1, frames)
    except ExtractionError:
        raise
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ExtractionError("corrupt_image", "The image could not be decoded.") from exc
    return TextResult(lines, min(frames, 50), {"ocr"})


def _docx(stream: BinaryIO) -> TextResult:
    """The paragraphs of word/document.xml, read without an XML parser (no entity expansion)."""
    try:
        with zipfile.ZipFile(stream) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise ExtractionError("too_large", "The document's text is too large to read.")
            xml = archive.read(info).decode("utf-8", "replace")
    except ExtractionError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ExtractionError("corrupt_docx", "The DOCX is damaged and could not be read.") from exc
    paragraphs = []
    for paragraph in re.split(r"</w:p>", xml):
        runs = re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", paragraph)
        if runs:
            paragraphs.append(_unescape("".join(runs)))
    return TextResult(_text_lines("\n".join(paragraphs), page=1, method="docx"), 1, {"docx"})


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def extract_text(
    stream: BinaryIO, *, file_type: str, progress: Callable[[int, int], None] = lambda done, total: None
) -> TextResult:
    max_pixels = settings.DOCUMENTS_MAX_IMAGE_PIXELS
    if file_type == FileType.PDF:
        return _pdf(stream, max_pages=settings.DOCUMENTS_MAX_PDF_PAGES, max_pixels=max_pixels, progress=progress)
    if file_type == FileType.DOCX:
        return _docx(stream)
    if file_type in IMAGE_TYPES:
        if file_type == FileType.HEIC:
            raise ExtractionError("unsupported_image", "HEIC images are stored but cannot be read on this server.")
        return _image(stream, max_pixels=max_pixels, progress=progress)
    raise ExtractionError("unsupported_type", "This file type has no text to extract.")
