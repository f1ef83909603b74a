"""Who may reach which training's tools."""

from django.shortcuts import get_object_or_404

from .models import Enrolment, Training

DETAIL_RELATED = ["provider", "provider__municipality", "municipality"]


def member_training_or_404(user, training_id):
    """The training if `user` is a member of its organiser; else 404."""
    return get_object_or_404(
        Training.objects.for_member(user).select_related(*DETAIL_RELATED), pk=training_id
    )


def own_enrolment_or_404(user, enrolment_id):
    return get_object_or_404(
        Enrolment.objects.filter(user=user).select_related("training"), pk=enrolment_id
    )
