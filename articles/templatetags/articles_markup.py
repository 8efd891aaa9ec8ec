from django import template
from django.utils.safestring import SafeString, mark_safe

from articles.markup import Section, sections

register = template.Library()


@register.filter
def article_sections(body: str) -> list[Section]:
    """The article's Markdown body cut into sections, each rendered and cleaned (articles.markup)."""
    return sections(body or "")


@register.filter
def cleaned_html(section: Section) -> SafeString:
    """A section's HTML, already cleaned by articles.markup, marked safe for the template."""
    return mark_safe(section.html)  # cleaned by nh3 in articles.markup
