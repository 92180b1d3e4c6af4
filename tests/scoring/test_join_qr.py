"""The join link's QR code reads back as the link, also small and from a blurred photo."""

import io

import zxingcpp
from PIL import Image, ImageFilter

from planner.access.links import join_link
from planner.scoring.join_qr import qr_png


def read(image: Image.Image) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(image)]


def test_the_qr_code_holds_the_join_link():
    link = join_link("http://10.0.0.5:8501/scoring_session", "ABC234")
    image = Image.open(io.BytesIO(qr_png(link)))
    assert read(image) == ["http://10.0.0.5:8501/b/ABC234"]


def test_it_reads_back_seen_from_afar():
    """A quarter of its size and blurred, as a phone at the back of a room sees it."""
    link = join_link("https://planner.example.org/scoring_session", "XYZ789")
    image = Image.open(io.BytesIO(qr_png(link))).convert("L")
    far = image.resize((image.width // 4, image.height // 4)).filter(ImageFilter.GaussianBlur(1))
    assert read(far) == [link]
