"""schema.org JobPosting for search engines (Google's required and recommended properties)."""

import datetime
import json

from django.conf import settings
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe

from .models import ApplyMethod, EmploymentType, WorkingTime

GOOGLE_EMPLOYMENT_TYPES = {
    EmploymentType.PERMANENT: "FULL_TIME",
    EmploymentType.FIXED_TERM: "TEMPORARY",
    EmploymentType.SEASONAL: "TEMPORARY",
    EmploymentType.SUMMER: "TEMPORARY",
    EmploymentType.PART_TIME: "PART_TIME",
    EmploymentType.GIG: "CONTRACTOR",
    EmploymentType.APPRENTICESHIP: "FULL_TIME",
    EmploymentType.INTERNSHIP: "INTERN",
}


def employment_types(job):
    types = [GOOGLE_EMPLOYMENT_TYPES[job.employment_type]]
    if job.working_time == WorkingTime.PART_TIME and "PART_TIME" not in types:
        types.append("PART_TIME")
    return types


def job_posting(job):
    """The JobPosting of an open job as a dict."""
    employer = job.employer
    organization = {"@type": "Organization", "name": employer.name}
    if employer.website:
        organization["sameAs"] = employer.website
    if employer.logo:
        organization["logo"] = settings.SITE_URL + employer.logo.url
    valid_through = datetime.datetime.combine(
        job.deadline, datetime.time(23, 59, 59), tzinfo=timezone.get_default_timezone()
    )
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": linebreaks(job.description, autoescape=True),
        "datePosted": timezone.localtime(job.published_at or job.created_at).date().isoformat(),
        "validThrough": valid_through.isoformat(),
        "employmentType": employment_types(job),
        "hiringOrganization": organization,
        "identifier": {"@type": "PropertyValue", "name": employer.name, "value": str(job.pk)},
        "directApply": job.apply_method == ApplyMethod.HERE,
        "url": settings.SITE_URL + job.get_absolute_url(),
        "totalJobOpenings": job.positions,
    }
    if job.municipality_id:
        address = {
            "@type": "PostalAddress",
            "addressLocality": job.municipality.name_fi,
            "addressRegion": job.municipality.get_region_display(),
            "addressCountry": "FI",
        }
        if job.address:
            address["streetAddress"] = job.address
        elif employer.municipality_id == job.municipality_id and employer.street_address:
            address["streetAddress"] = employer.street_address
            if employer.postal_code:
                address["postalCode"] = employer.postal_code
        data["jobLocation"] = {"@type": "Place", "address": address}
    else:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "Finland"}
    if job.pay_min or job.pay_max:
        value = {"@type": "QuantitativeValue", "unitText": job.pay_unit.upper() or "HOUR"}
        if job.pay_min and job.pay_max:
            value |= {"minValue": float(job.pay_min), "maxValue": float(job.pay_max)}
        else:
            value["value"] = float(job.pay_min or job.pay_max)
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": "EUR", "value": value}
    if job.start_date:
        data["jobStartDate"] = job.start_date.isoformat()
    return data


def as_script_content(data):
    """JSON safe inside <script>: no "</script>" or HTML comment can close it early."""
    text = json.dumps(data, ensure_ascii=False)
    return mark_safe(  # noqa: S308 - escaped below
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    )
