"""State changes of what programs teach that take more than one save: a new criteria version."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sprints.models import ChecklistItem, Criterion, CriterionSet

VERSION_TAKEN = _("Version %(version)d already exists.")


@transaction.atomic
def criterion_set_copy(
    *, source: CriterionSet, version: int | None = None, effective_on: datetime.date | None = None
) -> CriterionSet:
    """A new version of the criteria: a copy of `source` with its criteria and checklist items, in
    every language, for staff to edit. Cohorts that track `source` keep it (and their progress)."""
    version = version or (CriterionSet.objects.order_by("-version").values_list("version", flat=True)[0] + 1)
    if CriterionSet.objects.filter(version=version).exists():
        raise ValidationError({"version": ValidationError(VERSION_TAKEN, params={"version": version})})
    translated = ["label"]
    copy = CriterionSet(
        version=version,
        effective_on=effective_on or datetime.date.today(),
        is_example=source.is_example,
        **_translations(source, translated),
    )
    copy.full_clean()
    copy.save()
    for criterion in source.criteria.prefetch_related("items").order_by("code"):
        new = Criterion(
            criterion_set=copy,
            code=criterion.code,
            required_count=criterion.required_count,
            **_translations(criterion, ["title", "description"]),
        )
        new.full_clean()
        new.save()
        ChecklistItem.objects.bulk_create(
            ChecklistItem(
                criterion=new,
                sort_order=item.sort_order,
                data_evidence=item.data_evidence,
                **_translations(item, ["text", "guidance"]),
            )
            for item in criterion.items.all()
        )
    return copy


def _translations(instance, fields):
    """Every language's value of each translated field (name_en, name_es…), for a faithful copy."""
    values = {}
    for field in fields:
        values[field] = getattr(instance, f"{field}_{settings.LANGUAGE_CODE}", None) or getattr(
            instance, field
        )
        for code, _name in settings.LANGUAGES:
            values[f"{field}_{code}"] = getattr(instance, f"{field}_{code}", None)
    return values
