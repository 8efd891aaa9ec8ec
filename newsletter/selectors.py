from newsletter.models import Subscriber


def subscriber_by_token(token: str) -> Subscriber | None:
    """The subscriber a confirm or unsubscribe link is for, if the token is one of ours."""
    return Subscriber.objects.with_token(token).first()
