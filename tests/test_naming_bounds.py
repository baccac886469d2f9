"""naming.unglued is remembered per article: the same name in the next article is read again."""

from kliping.annotate.naming import unglued


def test_unglued_answers_for_each_article_not_the_one_before() -> None:
    name = "Wavecell Olivier Gerhardt"
    first = "Wavecell membuka kantor baru. CEO Wavecell Olivier Gerhardt mengatakan pasar tumbuh."
    second = "CEO Wavecell Olivier Gerhardt mengatakan pasar tumbuh pesat tahun ini."
    assert unglued(first, name) == "Olivier Gerhardt"
    assert unglued(second, name) == "Wavecell Olivier Gerhardt"
    assert unglued(first[:], name) == "Olivier Gerhardt"  # and back again
