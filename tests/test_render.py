"""Rendering data in a language: text is escaped, each language shows its own text."""

from handbook.model import ListDoc, ListItem, Origins, Text
from handbook.project import Project, load_project
from handbook.render import Renderer, Site

from conftest import ROOT


def sample_project(name: Text) -> Site:
    """A project holding one list whose only item has the given name (validation bypassed on purpose), and the
    site's interface strings."""
    item = ListItem.model_construct(id="x", name=name, heading=None, text=None, points=[], see=[], note=None, origin=None)
    title = Text(kk="Тізім", ru="Список", en="List")
    origins = Origins(kk="translated", ru="translated", en="translated")
    doc = ListDoc.model_construct(kind="list", id="sample", title=title, origin=origins, cites=[], note=None, items=[item])
    strings = load_project(ROOT).docs["ui"]
    docs, paths = {"sample": doc, "ui": strings}, {"sample": "data/sample.yml", "ui": "data/ui.yml"}
    return Site(Project(root=ROOT, docs=docs, paths=paths), homes={"sample": "sample"})


def test_markup_that_slips_past_validation_is_still_escaped() -> None:
    name = Text.model_construct(kk="<script>alert(1)</script>", ru="<b>жирный</b>", en="a & b")
    renderer = Renderer(sample_project(name))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in renderer.show("kk", "sample")
    assert "<script>" not in renderer.show("kk", "sample")
    assert "&lt;b&gt;жирный&lt;/b&gt;" in renderer.show("ru", "sample")
    assert "a &amp; b" in renderer.show("en", "sample")


def test_each_language_shows_its_own_text_and_the_same_anchor() -> None:
    renderer = Renderer(sample_project(Text(kk="Атауы", ru="Название", en="Name")))
    for lang, word in (("kk", "Атауы"), ("ru", "Название"), ("en", "Name")):
        html = renderer.show(lang, "sample")
        assert word in html and 'id="x"' in html
        assert "\n\n" not in html, "a blank line would end Markdown's raw HTML block"
