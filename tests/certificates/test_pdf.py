"""The real PDF: Korean text extractable, the shipped font embedded and subset, a QR code to the right URL."""

import io
import shutil
import subprocess
import tempfile

import pytest
import zxingcpp
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage
from pypdf import PdfReader
from wagtail.images.models import Image

from certificates import pdf
from certificates.models import CertificateTemplate
from certificates.selectors import sample_document

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs Debian's poppler-utils (bin/setup --dev)"),
]


def wagtail_image(title: str, colour: str) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGBA", (240, 120), colour).save(buffer, "PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


def pdf_bytes(certificate) -> bytes:
    with default_storage.open(certificate.pdf.name, "rb") as handle:
        return handle.read()


def poppler(tool: str, data: bytes, *args: str) -> str:
    """Run a poppler tool (pdftotext, pdffonts) on the PDF, as a person checking it would."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        command = [tool, *args, handle.name] + (["-"] if tool == "pdftotext" else [])
        return subprocess.run(command, capture_output=True, check=True).stdout.decode()


@pytest.fixture
def issued(issue, template):
    template.logo = wagtail_image("logo", "#1F3A68")
    template.seal = wagtail_image("seal", "#C00000")
    template.save()
    signatory = template.signatories.get()
    signatory.signature = wagtail_image("signature", "#000000")
    signatory.save()
    return issue()


def test_korean_and_english_text_is_extractable(issued):
    text = poppler("pdftotext", pdf_bytes(issued), "-layout")

    for expected in (
        "수료증 번호",
        issued.code,
        "김하늘",
        "Haneul Kim",
        "드론 비행안전 실무",
        "Drone Flight Safety in Practice",
        "16시간",
        "16 hours",
        "국방드론교육원",
        "Defense Drone Institute",
        "원장 홍원장",
        "Wonjang Hong, President",
        "성실히 이수하였으므로",
        f"{issued.completed_on.year}년 {issued.completed_on.month}월 {issued.completed_on.day}일",
        f"{issued.expires_on.year}년 {issued.expires_on.month}월 {issued.expires_on.day}일까지",
        f"http://testserver/verify/{issued.code}/",
    ):
        assert expected in text, expected


def test_it_is_one_a4_landscape_page(issued):
    reader = PdfReader(io.BytesIO(pdf_bytes(issued)))

    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (297, 210)


def test_only_the_shipped_font_is_used_embedded_and_subset(issued):
    lines = poppler("pdffonts", pdf_bytes(issued)).splitlines()[2:]

    assert lines, "no font in the PDF"
    for line in lines:
        name, *_rest = line.split()
        columns = line.split()
        assert "+Academy-Myeongjo" in name, line  # the @font-face family, subset tag in front
        assert columns[-5:-2] == ["yes", "yes", "yes"], line  # embedded, subset, with a ToUnicode map


def test_the_embedded_font_is_a_small_subset_of_the_shipped_one(issued):
    reader = PdfReader(io.BytesIO(pdf_bytes(issued)))
    sizes = []
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        sizes.append(len(descriptor["/FontFile2"].get_object().get_data()))

    assert sizes and max(sizes) < 200_000  # the shipped files are about 4 MB each


def test_the_qr_code_decodes_to_the_verification_url(issued, tmp_path):
    (tmp_path / "certificate.pdf").write_bytes(pdf_bytes(issued))
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", str(tmp_path / "certificate.pdf"), str(tmp_path / "page")],
        check=True,
    )
    results = zxingcpp.read_barcodes(PILImage.open(tmp_path / "page.png"))

    assert [r.text for r in results if r.format == zxingcpp.BarcodeFormat.QRCode] == [
        f"http://testserver/verify/{issued.code}/"
    ]


def test_harfbuzz_subsets_the_fonts():
    assert pdf.subsetting_backend() == "harfbuzz"


def test_template_preview_is_marked_as_a_sample(template):
    data = pdf.render_pdf(sample_document(template))
    text = poppler("pdftotext", data, "-raw")  # the watermark is rotated

    assert "견본 SAMPLE" in text and "Gildong Hong" in text and "국방드론교육원" in text


# --------------------------------------------------------------------------------------------
# The URL fetcher
# --------------------------------------------------------------------------------------------


def test_fetcher_serves_static_files_media_images_and_data_urls(template):
    fetcher = pdf.CertificateURLFetcher()
    logo = wagtail_image("logo-fetch", "#123456")

    font = fetcher.fetch(f"{pdf.INTERNAL_ORIGIN}/static/fonts/NanumMyeongjo.ttf")
    image = fetcher.fetch(f"{pdf.INTERNAL_ORIGIN}/media/{logo.file.name}")
    data = fetcher.fetch("data:text/plain;base64,aGVsbG8=")

    assert font.read(4) == b"\x00\x01\x00\x00"
    assert image.read(8) == b"\x89PNG\r\n\x1a\n"
    assert data.read() == b"hello"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:6379/",
        "https://example.com/logo.png",
        "http://testserver/static/fonts/NanumMyeongjo.ttf",
        f"{pdf.INTERNAL_ORIGIN}/static/../../../../etc/passwd",
        f"{pdf.INTERNAL_ORIGIN}/media/../secrets.txt",
        f"{pdf.INTERNAL_ORIGIN}/media/certificates/AAAA/r1-0000.pdf",
        f"{pdf.INTERNAL_ORIGIN}/media/documents/contract.pdf",
        f"{pdf.INTERNAL_ORIGIN}/etc/passwd",
        "ftp://example.com/x",
    ],
)
def test_fetcher_refuses_everything_else(url):
    with pytest.raises(Exception) as caught:
        pdf.CertificateURLFetcher().fetch(url)

    assert not isinstance(caught.value, AssertionError)


def test_a_refused_url_in_the_html_stops_the_rendering():
    from weasyprint.urls import FatalURLFetchingError

    html = '<html><body><img src="file:///etc/hostname"><p>수료증</p></body></html>'

    with pytest.raises(FatalURLFetchingError):
        pdf.html_to_pdf(html)


def test_certificate_pdfs_are_not_served_from_the_media_url(issued, client):
    assert client.get(f"/media/{issued.pdf.name}").status_code == 404


def test_templates_without_images_or_signatories_render(institute):
    bare = CertificateTemplate.objects.create(institute=institute, name="bare", validity_months=None)

    text = poppler("pdftotext", pdf.render_pdf(sample_document(bare)))

    assert "기한 없음" in text and "No expiry" in text
