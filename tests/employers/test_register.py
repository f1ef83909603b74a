from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from employers.models import Employer, Membership
from nelinvoimaa.models import Municipality
from tests.conftest import make_employer
from tests.images import image_upload


def form_data(**changes):
    return {
        "kind": "company",
        "name": "Marjatila Mustikkamäki",
        "business_id": "0112038-9",
        "municipality": str(Municipality.objects.get(code="588").pk),
        "postal_code": "19430",
        "description": "Marjoja.",
        "why_work_here": "Kesä ulkona.",
        "language": "fi",
    } | changes


def test_anonymous_visitors_are_asked_to_sign_in(client, db):
    response = client.get("/fi/employers/new/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/accounts/login/?next=")


def test_registering_makes_the_user_the_owner(client, jobseeker):
    client.force_login(jobseeker)
    response = client.post("/fi/employers/new/", form_data())
    assert response.status_code == 302
    employer = Employer.objects.get()
    assert employer.slug == "marjatila-mustikkamaki"
    assert employer.business_id == "0112038-9"
    assert not employer.is_verified
    assert Membership.objects.get(employer=employer).role == "owner"
    assert Membership.objects.get(employer=employer).user == jobseeker


def test_business_id_is_required_except_for_households(client, jobseeker):
    client.force_login(jobseeker)
    response = client.post("/fi/employers/new/", form_data(business_id=""))
    assert response.status_code == 200
    assert "Y-tunnus vaaditaan" in response.content.decode()
    response = client.post("/fi/employers/new/", form_data(kind="household", business_id=""))
    assert response.status_code == 302


def test_an_invalid_business_id_is_refused_and_everything_typed_is_kept(client, jobseeker):
    client.force_login(jobseeker)
    response = client.post("/fi/employers/new/", form_data(business_id="0112038-8"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "tarkistusmerkki ei täsmää" in html
    assert 'value="Marjatila Mustikkamäki"' in html and "Kesä ulkona.</textarea>" in html
    assert not Employer.objects.exists()


def test_a_profile_in_swedish_is_marked_as_swedish(client, jobseeker, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(jobseeker)
    client.post(
        "/fi/employers/new/",
        form_data(description="Vi odlar bär.", why_work_here="Sommar ute.", language="sv"),
    )
    employer = Employer.objects.get()
    employer.photos.create(image=image_upload("bar.png", (64, 64)), description="Blåbär")
    html = client.get(employer.get_absolute_url()).content.decode()
    assert '<div class="prose" lang="sv"><p>Vi odlar bär.</p></div>' in html
    assert 'alt="Blåbär" lang="sv"' in html


def test_a_sector_that_cannot_be_an_id_is_a_message_not_an_error(client, jobseeker):
    client.force_login(jobseeker)
    for bad in ["9" * 40, "²", "-1"]:
        response = client.post("/fi/employers/new/", form_data(sectors=[bad]))
        assert response.status_code == 200
        assert "Valitse oikea vaihtoehto" in response.content.decode()
    assert not Employer.objects.exists()


def test_a_second_registration_of_the_same_company_is_told_to_ask_for_an_invitation(
    client, employer, jobseeker
):
    client.force_login(jobseeker)
    response = client.post("/fi/employers/new/", form_data(business_id=employer.business_id))
    html = response.content.decode()
    assert "Päijänteen Rantalomat Oy" in html and "kutsu" in html
    assert Employer.objects.count() == 1


def test_a_logo_is_resized_and_stored_under_a_random_name(client, jobseeker, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(jobseeker)
    response = client.post("/fi/employers/new/", form_data(logo=image_upload("../../evil.png")))
    assert response.status_code == 302
    logo = Employer.objects.get().logo
    assert logo.name.startswith("logos/") and "evil" not in logo.name
    with Image.open(logo.path) as image:
        assert max(image.size) == 512


def upload_logo(client, upload):
    return client.post("/fi/employers/new/", form_data(logo=upload))


def test_a_file_that_is_not_an_image_is_refused(client, jobseeker):
    client.force_login(jobseeker)
    response = upload_logo(
        client, SimpleUploadedFile("logo.png", b"MZ\x90\x00 not an image", content_type="image/png")
    )
    assert response.status_code == 200
    assert "ei ole kuva" in response.content.decode()
    assert not Employer.objects.exists()


def test_an_image_of_another_format_pretending_to_be_png_is_refused(client, jobseeker):
    client.force_login(jobseeker)
    response = upload_logo(client, image_upload("logo.png", fmt="GIF", content_type="image/png"))
    assert response.status_code == 200
    assert "JPEG-, PNG- tai WebP-kuva" in response.content.decode()


def test_an_html_file_named_png_is_refused(client, jobseeker):
    client.force_login(jobseeker)
    response = upload_logo(
        client,
        SimpleUploadedFile(
            "logo.png", b"<html><script>alert(1)</script></html>", content_type="image/png"
        ),
    )
    assert response.status_code == 200
    assert not Employer.objects.exists()


def test_a_too_large_upload_is_refused(client, jobseeker, monkeypatch):
    monkeypatch.setattr("nelinvoimaa.images.MAX_UPLOAD_BYTES", 1000)
    client.force_login(jobseeker)
    response = upload_logo(client, image_upload())
    assert response.status_code == 200
    assert "liian suuri" in response.content.decode()


def test_members_edit_the_profile_and_outsiders_get_404(client, employer, recruiter, other_owner):
    client.force_login(recruiter)
    data = form_data(
        name=employer.name, business_id=employer.business_id, why_work_here="Asunto järjestyy."
    )
    response = client.post(f"/fi/employers/{employer.slug}/edit/", data)
    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.why_work_here == "Asunto järjestyy."
    client.force_login(other_owner)
    assert client.get(f"/fi/employers/{employer.slug}/edit/").status_code == 404
    assert client.post(f"/fi/employers/{employer.slug}/edit/", data).status_code == 404


def test_photos_are_added_up_to_the_limit_and_removed(
    client, employer, owner, tmp_path, settings, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr("employers.forms.MAX_PHOTOS", 2)
    client.force_login(owner)
    url = f"/fi/employers/{employer.slug}/photos/"
    for n in range(2):
        response = client.post(
            url,
            {
                "photo-image": image_upload(f"p{n}.jpg", fmt="JPEG", content_type="image/jpeg"),
                "photo-description": f"Ranta {n}",
            },
        )
        assert response.status_code == 302
    response = client.post(url, {"photo-image": image_upload(), "photo-description": "Liikaa"})
    assert response.status_code == 400
    assert employer.photos.count() == 2
    photo = employer.photos.first()
    client.post(f"/fi/employers/{employer.slug}/photos/{photo.pk}/delete/")
    assert employer.photos.count() == 1


def test_another_employers_photo_cannot_be_deleted(
    client, employer, other_owner, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    photo = employer.photos.create(image=image_upload(), description="Ranta")
    client.force_login(other_owner)
    other = other_owner.memberships.get().employer
    assert client.post(f"/fi/employers/{other.slug}/photos/{photo.pk}/delete/").status_code == 404
    assert (
        client.post(f"/fi/employers/{employer.slug}/photos/{photo.pk}/delete/").status_code == 404
    )
    assert employer.photos.exists()


def test_make_employer_helper_gives_valid_distinct_ids(owner):
    a = make_employer("A", owner)
    b = make_employer("B", owner)
    assert a.business_id != b.business_id
