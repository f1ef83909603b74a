import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_upload(name="logo.png", size=(1200, 800), fmt="PNG", content_type="image/png"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 93, 59)).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)
