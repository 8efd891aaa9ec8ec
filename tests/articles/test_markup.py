"""An editor's Markdown: rendered, cleaned of anything that could run, cut into sections."""

import pytest

from articles.markup import Section, render_markdown, sections


@pytest.mark.parametrize(
    ("markdown", "gone"),
    [
        ("Before <script>alert('x')</script> after", ["<script", "alert"]),
        ("<style>body { display: none }</style>Text", ["<style", "display"]),
        ("[Click me](javascript:alert(1))", ["javascript:"]),
        ('<a href="javascript:alert(1)">Click</a>', ["javascript:"]),
        ('<a href="https://example.com" onclick="steal()">link</a>', ["onclick", "steal"]),
        ('<img src="x" onerror="alert(1)">', ["<img", "onerror"]),
        ('<p onmouseover="alert(1)" style="color: red">Hover</p>', ["onmouseover", "style="]),
        ('<iframe src="https://example.com"></iframe>', ["<iframe"]),
        ("<svg onload=alert(1)><circle/></svg>", ["<svg", "onload"]),
    ],
)
def test_nothing_that_could_run_survives(markdown, gone):
    html = render_markdown(markdown)
    for fragment in gone:
        assert fragment not in html


def test_the_words_around_removed_tags_stay():
    assert render_markdown('<b onclick="x()">Salah</b> scores').startswith("<p><b>Salah</b> scores")


def test_safe_links_keep_their_address_and_do_not_pass_on_the_reader():
    html = render_markdown("[UEFA](https://www.uefa.com/) and [mail](mailto:desk@example.com)")
    assert 'href="https://www.uefa.com/"' in html
    assert 'href="mailto:desk@example.com"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_markdown_formatting_is_rendered():
    html = render_markdown("**Bold**, *italic*\n\n- one\n- two\n\n> quoted")
    assert "<strong>Bold</strong>" in html and "<em>italic</em>" in html
    assert "<li>one</li>" in html and "<blockquote>" in html


def test_second_level_headings_make_the_sections():
    body = "The opening.\n\n## First half\nA penalty.\n\n## Second half\nLittle else."
    assert sections(body) == [
        Section("", "<p>The opening.</p>"),
        Section("First half", "<p>A penalty.</p>"),
        Section("Second half", "<p>Little else.</p>"),
    ]


def test_a_body_starting_with_a_heading_has_no_empty_opening_section():
    assert [part.heading for part in sections("## Only\nText")] == ["Only"]


def test_a_heading_inside_a_code_block_is_text():
    parts = sections("## Real\n```\n## not a heading\n```")
    assert [part.heading for part in parts] == ["Real"]
    assert "## not a heading" in parts[0].html


def test_smaller_headings_stay_inside_their_section():
    parts = sections("## Section\n### Detail\nWords")
    assert len(parts) == 1
    assert "<h3>Detail</h3>" in parts[0].html


def test_headings_are_plain_text_without_emphasis_marks():
    assert sections("## The *big* `moment`\nText")[0].heading == "The big moment"


def test_a_heading_that_holds_html_is_kept_as_text_for_the_template_to_escape():
    assert sections("## <script>x</script>\nText")[0].heading == "<script>x</script>"
