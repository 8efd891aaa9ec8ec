"""The demo the `demo` fixture puts back (tests/demo_copy.py) is the demo load_demo makes, whole
in every test whatever the test before it did, its editor able to sign in and edit."""

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.utils import timezone

from demo.loader import EDITOR, load_demo
from fixtures_app.models import Match, Team
from tests.factories import make_team


def everything() -> dict[str, list]:
    """Every row; a many-to-many link by what it links (load_demo sets the editors' permissions
    anew each time, giving the same links new ids)."""
    return {
        model._meta.label: sorted(
            model._base_manager.values_list(
                *[
                    f.attname
                    for f in model._meta.concrete_fields
                    if not (model._meta.auto_created and f.primary_key)
                ]
            )
        )
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy
    }


@pytest.mark.django_db
def test_loading_the_demo_over_the_copy_finds_nothing_missing(demo):
    before = everything()
    load_demo(now=timezone.now())
    assert everything() == before


@pytest.mark.django_db
def test_a_tests_own_rows_take_ids_the_demo_does_not_use(demo):
    demo_ids = set(Team.objects.values_list("pk", flat=True))
    assert make_team("Hartlepool United").pk not in demo_ids


# Transactional tests run after the others, in file order: the second finds the database the
# first emptied flushed, and the content types and permissions made anew under other ids.
@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_may_empty_the_demo(demo):
    assert Match.objects.exists()
    Match.objects.all().delete()
    User.objects.all().delete()


@pytest.mark.django_db(transaction=True)
def test_the_next_test_finds_the_demo_whole_and_its_editor_able_to_edit(demo):
    assert Match.objects.filter(tie__stage__name="Quarter-finals").count() == 2
    editor = User.objects.get(username=EDITOR[0])
    assert editor.check_password(EDITOR[1])
    assert editor.has_perm("fixtures_app.change_match") and editor.has_perm("articles.add_article")
