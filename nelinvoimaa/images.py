"""Uploaded images: checked by decoding them, resized, re-encoded without metadata."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding them
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}


def process_image(upload, max_side):
    """Validate `upload` and return a ContentFile of it, at most `max_side` pixels a side.

    The file is judged by what Pillow finds inside, never by its name or declared type, and is
    re-encoded, so whatever else it carried (scripts, EXIF location) does not survive.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The image is too large (%(size)s). The largest allowed is %(max)s."),
            params={"size": filesizeformat(upload.size), "max": filesizeformat(MAX_UPLOAD_BYTES)},
            code="too_large",
        )
    try:
        upload.seek(0)
        image = Image.open(upload)
        if image.format not in ALLOWED_FORMATS:
            raise ValidationError(_("Upload a JPEG, PNG or WebP image."), code="format")
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError(_("The image has too many pixels."), code="too_many_pixels")
        image.load()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("The file is not an image, or it is damaged. Upload a JPEG, PNG or WebP image."),
            code="invalid",
        ) from None
    has_alpha = image.mode in ("RGBA", "LA", "P")
    image = image.convert("RGBA" if has_alpha else "RGB")
    image.thumbnail((max_side, max_side))
    out = io.BytesIO()
    if has_alpha:
        image.save(out, "PNG", optimize=True)
        extension = "png"
    else:
        image.save(out, "JPEG", quality=85, optimize=True)
        extension = "jpg"
    # The stored name is chosen by the model's upload_to, never taken from the user.
    return ContentFile(out.getvalue(), name=f"image.{extension}")
