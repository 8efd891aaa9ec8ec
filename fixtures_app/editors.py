"""Who may write to matches: members of the `editors` group, or users given the permission."""

EDITORS_GROUP = "editors"
EDIT_PERMISSION = "fixtures_app.add_matchevent"


def can_edit_matches(user) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.has_perm(EDIT_PERMISSION) or user.groups.filter(name=EDITORS_GROUP).exists()
