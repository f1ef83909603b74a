"""schema.org Course with its CourseInstances (its sessions), for search engines."""

from django.conf import settings
from django.utils import timezone

from .models import Format

COURSE_MODES = {
    Format.ON_SITE: "Onsite",
    Format.ONLINE: "Online",
    Format.HYBRID: "Blended",
    Format.ON_THE_JOB: "Onsite",
}


def course(training, sessions):
    provider = training.provider
    organization = {"@type": "Organization", "name": provider.name}
    if provider.website:
        organization["sameAs"] = provider.website
    url = settings.SITE_URL + training.get_absolute_url()
    data = {
        "@context": "https://schema.org/",
        "@type": "Course",
        "name": training.title,
        "description": training.description[:5000],
        "provider": organization,
        "inLanguage": training.language,
        "url": url,
        "offers": {
            "@type": "Offer",
            "category": "Free" if training.is_free else "Paid",
            "price": f"{training.price:.2f}",
            "priceCurrency": "EUR",
        },
        "hasCourseInstance": [],
    }
    if training.prerequisites:
        data["coursePrerequisites"] = training.prerequisites[:1000]
    for session in sessions:
        instance = {
            "@type": "CourseInstance",
            "courseMode": COURSE_MODES[training.format],
            "startDate": timezone.localtime(session.starts_at).isoformat(),
            "endDate": timezone.localtime(session.ends_at).isoformat(),
        }
        if training.municipality_id:
            address = {
                "@type": "PostalAddress",
                "addressLocality": training.municipality.name_fi,
                "addressCountry": "FI",
            }
            if session.place:
                address["streetAddress"] = session.place
            instance["location"] = {
                "@type": "Place",
                "name": session.place or training.municipality.name_fi,
                "address": address,
            }
        else:
            instance["location"] = {"@type": "VirtualLocation", "url": url}
        data["hasCourseInstance"].append(instance)
    return data
