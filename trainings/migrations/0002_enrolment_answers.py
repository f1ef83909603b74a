# An organiser asks several questions (one a line); each enrolment keeps its answers with the
# questions as they were asked. The single question and answer carry over.

from django.db import migrations, models


def answers_forward(apps, schema_editor):
    Enrolment = apps.get_model("trainings", "Enrolment")
    for enrolment in Enrolment.objects.exclude(answer="").select_related("training"):
        enrolment.answers = [{"question": enrolment.training.questions, "answer": enrolment.answer}]
        enrolment.save(update_fields=["answers"])


def answers_backward(apps, schema_editor):
    Enrolment = apps.get_model("trainings", "Enrolment")
    for enrolment in Enrolment.objects.exclude(answers=[]):
        enrolment.answer = "\n\n".join(item.get("answer", "") for item in enrolment.answers)
        enrolment.save(update_fields=["answer"])


class Migration(migrations.Migration):

    dependencies = [
        ("trainings", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(model_name="training", old_name="question", new_name="questions"),
        migrations.AlterField(
            model_name="training",
            name="questions",
            field=models.TextField(
                blank=True,
                help_text="Optional, one per line, e.g. “What experience do you have of care work?”",
                max_length=2000,
                verbose_name="questions to those who enrol",
            ),
        ),
        migrations.AddField(
            model_name="enrolment",
            name="answers",
            field=models.JSONField(blank=True, default=list, verbose_name="answers"),
        ),
        migrations.RunPython(answers_forward, answers_backward),
        migrations.RemoveField(model_name="enrolment", name="answer"),
    ]
