"""What the search reads in a query and in a name: folded words, matched by their start. No database."""

import pytest

from fixtures_app.selectors import search_text


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Fenerbahçe", "fenerbahce"),
        ("FK Bodø/Glimt", "fk bodo/glimt"),
        ("Qarabağ FK", "qarabag fk"),
        ("Viktoria Plzeň", "viktoria plzen"),
        ("Ferencvárosi TC", "ferencvarosi tc"),
        ("Beşiktaş", "besiktas"),
        ("İstanbul Başakşehir", "istanbul basaksehir"),
        ("Łódź", "lodz"),
        ("Großkreutz", "groskreutz"),  # one letter for one: PostgreSQL's translate() folds it so too
        ("Динамо Київ", "динамо київ"),  # not Latin: lower case only
    ],
)
def test_fold_takes_accents_and_case_off(text, folded):
    assert search_text.fold(text) == folded


def test_fold_table_swaps_one_character_for_one_as_translate_needs():
    assert len(search_text.FOLD_FROM) == len(search_text.FOLD_TO)
    assert search_text.FOLD_TO.isascii() and search_text.FOLD_TO.islower()
    assert "ç" in search_text.FOLD_FROM and "Ç" in search_text.FOLD_FROM


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("FK Bodø/Glimt", ["fk", "bodo", "glimt"]),
        ("Union Saint-Gilloise", ["union", "saint", "gilloise"]),
        ("Nott'm Forest", ["nott", "m", "forest"]),
        ("San Francisco 49ers", ["san", "francisco", "49ers"]),
        ("snake_case", ["snake", "case"]),
    ],
)
def test_anything_but_letters_and_digits_separates_words(text, words):
    assert search_text.words(text) == words


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("  Arsenal v Chelsea ", ("arsenal", "chelsea")),
        ("arsenal VS chelsea", ("arsenal", "chelsea")),
        ("liverpool liverpool", ("liverpool",)),
        ("'):*|!&", ()),
        ("v", ()),
        ("a b c d e f g h i j", ("a", "b", "c", "d", "e", "f", "g", "h")),
    ],
)
def test_query_terms_are_the_words_to_look_for(query, terms):
    assert search_text.query_terms(query) == terms


@pytest.mark.parametrize(
    ("terms", "name", "found"),
    [
        (["liverp"], "Liverpool", True),
        (["pool"], "Liverpool", False),
        (["man", "utd"], "Man Utd", True),
        (["man", "city"], "Man Utd", False),
        (["fenerbahce"], "Fenerbahçe", True),
        (["glimt"], "FK Bodø/Glimt", True),
    ],
)
def test_every_term_must_start_a_word_of_the_name(terms, name, found):
    assert search_text.all_match(terms, search_text.words(name)) is found


def test_raw_prefix_query_quotes_each_term_and_asks_for_its_start():
    assert search_text.raw_prefix_query(["liverp", "fc"]) == "'liverp':* & 'fc':*"
