"""Search in the reader's language: one index per language; every word on a page finds it, whole or as a prefix;
inflected forms find their stem's pages (Snowball for Russian and English, the handbook's stemmer for Kazakh);
Kazakh typed in Latin letters finds what the Cyrillic finds; a term's own entry comes first."""

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser

from handbook import latin
from handbook.search import SEPARATOR

from conftest import CHROMIUM, LANGS, ROOT, cli, handbook, page_url, read_data
from reader_search import SearchBox, indexed_pages, indexed_words, page_words, recall, sample_words

STEMMER = ROOT / "overrides/assets/javascripts/lunr/min/lunr.kk.min.js"
WORKER = ROOT / "overrides/assets/javascripts/workers/handbook-search.js"
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is missing: run `make test`, which installs it")

# Inflected forms and the dictionary form they must meet: case, possessive and plural endings, and their chains.
SAME_STEM = {
    "көшбасшылық": ["көшбасшылықтың", "көшбасшылары", "көшбасшылыққа", "көшбасшылығы", "көшбасшылықта", "көшбасшылықтан"],
    "мектеп": ["мектептің", "мектебі", "мектептер", "мектептерінің", "мектептегі", "мектепке", "мектепте", "мектептен", "мектеппен"],
    "мұғалім": ["мұғалімдер", "мұғалімдерге", "мұғалімі", "мұғалімнің", "мұғалімдермен", "мұғалімдердің"],
    "бағдарлама": ["бағдарламасы", "бағдарламаның", "бағдарламаға", "бағдарламада", "бағдарламалар"],
    "оқушы": ["оқушылар", "оқушылардың", "оқушыларға", "оқушының", "оқушыға"],
    "директор": ["директорлар", "директорға", "директордың", "директорлардың", "директормен"],
    "жүйе": ["жүйесі", "жүйені", "жүйеде", "жүйелер"],
}
# Words no ending may be cut from: short roots, roots that end like a suffix, and words of other scripts.
LEFT_ALONE = ["бала", "ана", "ата", "адам", "білім", "мұғалім", "сабақ", "халық", "мектеп", "бағдарлама", "директор", "leadership", "2026"]

# Forms that stand on no page, each with a form of the same word that does: every page with the latter must be found.
INFLECTED = {
    "ru": [
        ("лидерствами", "лидерство"),
        ("наставничествами", "наставничество"),
        ("рубриками", "рубрики"),
        ("компетенциями", "компетенции"),
        ("исследованиями", "исследование"),
        ("программами", "программа"),
        ("оцениваниями", "оценивание"),
        ("коучингами", "коучинг"),
        ("менторингами", "менторинга"),
        ("мониторингами", "мониторинг"),
        ("рефлексиями", "рефлексия"),
    ],
    "en": [
        ("leaderships", "leadership"),
        ("teachings", "teaching"),
        ("mentorings", "mentoring"),
        ("coachings", "coaching"),
        ("schooling", "school"),
        ("researching", "research"),
        ("monitored", "monitoring"),
        ("trainings", "training"),
        ("reflections", "reflection"),
        ("improvements", "improvement"),
        ("collaborations", "collaboration"),
        ("evaluations", "evaluation"),
    ],
    "kk": [
        ("көшбасшылықтарымыздың", "көшбасшылық"),
        ("мектептеріміздің", "мектеп"),
        ("мұғалімдеріміздің", "мұғалім"),
        ("бағдарламаларымызға", "бағдарлама"),
        ("директорларымызбен", "директор"),
        ("оқушыларымыздың", "оқушы"),
        ("стандарттарымыздың", "стандарт"),
        ("рубрикаларымызда", "рубриканың"),
        ("жоспарларымыздың", "жоспар"),
        ("зерттеулеріміздің", "зерттеу"),
        ("тәжірибелеріміздің", "тәжірибе"),
        ("құндылықтарымызды", "құндылық"),
    ],
}

# Kazakh words as printed, in the 2021 proposal's letters, and as typed on a plain Latin keyboard.
LATIN = [
    ("мектеп", "mektep", "mektep"),
    ("мұғалім", "mūğalım", "mugalim"),
    ("көшбасшылық", "köşbasşylyq", "koshbasshylyk"),
    ("бағдарлама", "bağdarlama", "bagdarlama"),
    ("оқушы", "oquşy", "okushy"),
    ("шеберлік", "şeberlık", "sheberlik"),
    ("орталығы", "ortalyğy", "ortalygy"),
    ("білім", "bılım", "bilim"),
    ("зерттеу", "zertteu", "zertteu"),
    ("жоспар", "jospar", "zhospar"),
    ("өзгеріс", "özgerıs", "ozgeris"),
    ("тәжірибе", "täjırıbe", "tazhiribe"),
    ("бағалау", "bağalau", "baghalau"),
    ("қоғамдастық", "qoğamdastyq", "kogamdastyk"),
    ("сабақ", "sabaq", "sabak"),
    ("құндылық", "qūndylyq", "kundylyk"),
    ("әлеует", "äleuet", "aleuet"),
    ("маңызды", "mañyzdy", "mangyzdy"),
    ("үйрену", "üirenu", "uirenu"),
    ("ұйым", "ūiym", "uiym"),
]


def words_by_page(site: Path, lang: str, hidden: bool = False) -> dict[str, set[str]]:
    """The words of each page of a language, lower case (with `hidden`, also those a script shows)."""
    root = site / page_url(lang)
    return {page: {word.lower() for word in page_words((root / page / "index.html").read_text("utf-8"), hidden)} for page in indexed_pages(root)}


@pytest.fixture(scope="module")
def boxes(browser: Browser, base_url: str):
    """A search box on a page of each language, its index built."""
    opened = {lang: SearchBox(browser, base_url + page_url(lang)) for lang in LANGS}
    yield opened
    for box in opened.values():
        box.close()


# ---- the stemmer, the folding to Latin keys, the table ----


@pytest.fixture(scope="module")
def js(browser: Browser):
    """The Kazakh stemmer and the search's folding, from the files the search worker loads, run in chromium."""
    page = browser.new_page()
    page.add_script_tag(content=STEMMER.read_text("utf-8"))
    page.add_script_tag(content=WORKER.read_text("utf-8"))
    page.evaluate("keys => { self.fold = handbookSearch.folder(keys); self.keyStem = kazakhKeyStemmer(fold); }", latin.load(ROOT).search_keys())
    yield page
    page.close()


@needs_chromium
@pytest.mark.parametrize("base", sorted(SAME_STEM))
def test_inflected_forms_meet_their_dictionary_form(js, base: str) -> None:
    stems = js.evaluate("words => words.map(kazakhStem)", [base, *SAME_STEM[base]])
    assert set(stems) == {stems[0]}, dict(zip([base, *SAME_STEM[base]], stems, strict=True))


@needs_chromium
def test_words_without_endings_are_left_alone(js) -> None:
    assert js.evaluate("words => words.map(kazakhStem)", LEFT_ALONE) == LEFT_ALONE


@needs_chromium
@pytest.mark.parametrize(("cyrillic", "proposal", "typed"), LATIN)
def test_the_three_spellings_of_a_word_fold_to_one_key(js, cyrillic: str, proposal: str, typed: str) -> None:
    keys = js.evaluate("words => words.map(fold)", [cyrillic, proposal, typed, cyrillic.upper(), proposal.capitalize()])
    assert len(set(keys)) == 1 and keys[0].isascii(), dict(zip([cyrillic, proposal, typed, "upper", "capital"], keys, strict=True))


FOLDED = [
    ("Қазақстан", "kazakstan"),
    ("QAZAQSTAN", "kazakstan"),
    ("İNDEKS", "indeks"),
    ("ІРІ", "iri"),
    ("ıri", "iri"),
    ("шешім", "sheshim"),
    ("şeşım", "sheshim"),
    ("жаңа", "jana"),
    ("zhanga", "jana"),
    ("jaña", "jana"),
    ("ЮНЕСКО", "unestso"),  # a name spelled its own way (kazakh-latin.yml's exceptions) folds as its Latin spelling
    ("yunesko", "unestso"),
    ("Литвиннің", "lituinnin"),  # as Litwinnıñ (w is a spelling of у)
    ("хабар", "habar"),
    ("khabar", "habar"),
    ("һәм", "ham"),
    ("щётка", "shiotka"),
    ("цех", "tseh"),
    ("чек", "chek"),
    ("съезд", "sezd"),
    ("2020", "2020"),
    ("leadership", "leadership"),
    # a run of i is one: и with я, ю or й after it, as the 2021 proposal writes them (ия ia, ий i), or typed
    ("сияқты", "siakti"),
    ("siaqty", "siakti"),
    ("siyakty", "siakti"),
    ("сценарий", "stsenari"),
    ("scenariy", "stsenari"),
    ("эвалюация", "evaliuatsia"),
    ("evalyuatsiya", "evaliuatsia"),
]


@needs_chromium
@pytest.mark.parametrize(("word", "key"), FOLDED)
def test_fold(js, word: str, key: str) -> None:
    assert js.evaluate("word => fold(word)", word) == key


@needs_chromium
@pytest.mark.parametrize(("cyrillic", "latin"), [("ЮНЕСКО", "UNESCO"), ("Литвиннің", "Litwinnıñ"), ("Кембридждің", "Cambridgedıñ"), ("Нофф", "Knoff"), ("Ноффом", "Knoffom"), ("ХХІ", "XXI")])
def test_a_name_spelled_its_own_way_in_latin_letters_is_found_in_either_script(js, cyrillic: str, latin: str) -> None:
    """The table's exceptions: the Latin edition writes Литвин as Litwin, and a reader may type either."""
    assert js.evaluate("words => words.map(fold)", [cyrillic, latin, cyrillic.lower(), latin.upper()]) == [js.evaluate("word => fold(word)", latin)] * 4


@needs_chromium
@pytest.mark.parametrize(
    ("cyrillic", "proposal", "typed"),
    [
        ("көшбасшылықтарымыздың", "köşbasşylyqtarymyzdyñ", "koshbasshylyktarymyzdyng"),
        ("мектебі", "mektebı", "mektebi"),
        ("мұғалімдерге", "mūğalımderge", "mugalimderge"),
        ("бағдарламасы", "bağdarlamasy", "bagdarlamasy"),
    ],
)
def test_latin_inflections_meet_their_cyrillic_stem(js, cyrillic: str, proposal: str, typed: str) -> None:
    stems = js.evaluate("words => words.map(word => keyStem(fold(word)))", [cyrillic, proposal, typed])
    assert len(set(stems)) == 1, stems
    bare = {"көшбасшылықтарымыздың": "көшбасшылық", "мектебі": "мектеп", "мұғалімдерге": "мұғалім", "бағдарламасы": "бағдарлама"}[cyrillic]
    assert js.evaluate("word => keyStem(fold(word))", bare) == stems[0]


def test_the_table_has_every_letter_once_and_every_spelling_one_key() -> None:
    table, problems = latin.check(ROOT)
    assert table is not None and not problems
    assert "".join(letter.cyrillic for letter in table.letters) == latin.ALPHABET
    keys = table.search_keys()
    assert keys["letters"]["ғ"] == keys["spellings"]["ğ"] == keys["spellings"]["gh"] == "g"


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("{cyrillic: ғ, latin: ğ, typed: [g, gh]}", "{cyrillic: ғ, latin: ğ, typed: [g, k]}", "letters[5].typed[1]", "'k' is also the spelling of key 'k' (line"),
        (
            '{cyrillic: ё, latin: io, typed: [io, yo], policy: "loanwords only: io"}',
            '{cyrillic: ё, latin: io, typed: [io, yo], policy: "loanwords only: io", colour: red}',
            "letters[8].colour",
            "Extra inputs",
        ),
        ("{cyrillic: ә, latin: ä, typed: [a]}", "{cyrillic: ә, latin: é, typed: [a]}", "letters[1].latin", "should match pattern"),
    ],
)
def test_a_broken_table_is_reported_at_its_line(tmp_path: Path, old: str, new: str, field: str, message: str) -> None:
    text = (ROOT / latin.TABLE).read_text("utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    (tmp_path / latin.TABLE).write_text(text.replace(old, new), "utf-8")
    table, problems = latin.check(tmp_path)
    reported = [str(problem) for problem in problems if problem.line == line]
    assert table is None and reported, problems
    assert reported[0].startswith(f"{latin.TABLE}:{line}:") and f": {field}: " in reported[0] and message in reported[0], reported


def test_a_table_without_a_letter_is_refused_by_validate_and_build(project: Path) -> None:
    path = project / latin.TABLE
    path.write_text(path.read_text("utf-8").replace("  - {cyrillic: ң, latin: ñ, typed: [n, ng, ŋ]}\n", ""), "utf-8")
    result = cli(project, "validate")
    assert result.returncode == 1 and f"{latin.TABLE}:" in result.stderr and "letters: the rows must be the 42 letters" in result.stderr
    result = handbook(project, "build", "--site-dir", str(project / "out"))
    assert result.returncode != 0 and "the rows must be the 42 letters" in result.stderr and not (project / "out").exists()


# ---- the built indexes ----


def test_each_language_has_its_own_index_under_its_own_root(site: Path) -> None:
    for lang in LANGS:
        index = json.loads((site / page_url(lang) / "search/search_index.json").read_text("utf-8"))
        assert index["config"]["lang"] == [lang]
        assert index["config"]["separator"] == SEPARATOR
        assert ("keys" in index["config"]["handbook"]) == (lang == "kk"), "only Kazakh is typed in Latin letters too"
        locations = [doc["location"] for doc in index["docs"]]
        assert len(locations) > 50
        assert not [loc for loc in locations if loc.split("/", 1)[0] in LANGS], "locations are relative to the language's root"
        for doc in index["docs"]:
            page = doc["location"].split("#", 1)[0]
            assert (site / page_url(lang) / page / "index.html").is_file(), doc["location"]
    assert (site / "assets/javascripts/lunr/min/lunr.kk.min.js").is_file()
    assert (site / "assets/javascripts/workers/handbook-search.js").is_file()


def test_every_word_of_every_page_is_in_its_index(site: Path) -> None:
    """Each word a reader sees on a page stands whole among the words of that page's index entries (table cells and
    tooltips once ran into their neighbours: «ФайлҚазақшаРусскийEnglish», «лидерстваЛидерство»)."""
    for lang in LANGS:
        indexed = indexed_words(site / page_url(lang))
        for page, words in words_by_page(site, lang).items():
            missing = {word for word in words if word not in indexed[page]}
            assert not missing, f"{lang} {page}: {sorted(missing)[:20]}"


def test_what_search_leaves_out_stays_out(site: Path) -> None:
    """Each word of a page's index entries stands on the page outside what search leaves out on purpose (the
    self-assessment form: `data-search-exclude`)."""
    for lang in LANGS:
        shown = words_by_page(site, lang, hidden=True)
        for page, words in indexed_words(site / page_url(lang)).items():
            assert words <= shown[page], f"{lang} {page}: {sorted(words - shown[page])[:20]}"


def test_results_show_the_items_not_only_the_pages(site: Path) -> None:
    standards = [item["id"] for item in read_data(ROOT / "data/portfolio_standards.yml")["items"]]
    for lang in LANGS:
        index = json.loads((site / page_url(lang) / "search/search_index.json").read_text("utf-8"))
        entries = {doc["location"]: doc for doc in index["docs"]}
        for standard in standards:
            entry = entries[f"school-practice/portfolio/#{standard}"]
            assert entry["title"].startswith(standard.removeprefix("standard-").replace("-", "."))
        assert "glossary/#social-capital" in entries and "ten-factors/#moral-purpose" in entries


# ---- searching as a reader does ----


@needs_chromium
@pytest.mark.parametrize("lang", LANGS)
def test_every_word_on_a_page_finds_it_whole_and_while_typing(site: Path, boxes, lang: str) -> None:
    pages = indexed_pages(site / page_url(lang))
    samples = sample_words(site / page_url(lang), pages, per_page=2, seed=f"recall-{lang}")
    assert len({s.word for s in samples}) >= 50 and {s.page for s in samples} == set(pages)
    share, misses = recall(boxes[lang], samples)
    assert share >= 0.99, f"{lang}: recall {share:.1%}; missed: " + "; ".join(f"{m.typed!r} ({m.word} on /{m.page})" for m in misses)


@needs_chromium
@pytest.mark.parametrize(("lang", "form", "base"), [(lang, form, base) for lang, rows in INFLECTED.items() for form, base in rows])
def test_an_inflected_form_on_no_page_finds_every_page_of_its_word(site: Path, boxes, lang: str, form: str, base: str) -> None:
    words = words_by_page(site, lang)
    assert not [page for page, on in words.items() if form in on], f"{form} stands on a page: pick another"
    wanted = {page for page, on in words.items() if base in on}
    assert wanted, f"{base} stands on no page: pick another"
    found = set(boxes[lang].pages(form))
    assert wanted <= found, f"{form}: not found {sorted(wanted - found)}"


@needs_chromium
@pytest.mark.parametrize(("cyrillic", "proposal", "typed"), LATIN)
def test_kazakh_typed_in_latin_letters_finds_what_the_cyrillic_finds(boxes, cyrillic: str, proposal: str, typed: str) -> None:
    wanted = set(boxes["kk"].pages(cyrillic))
    assert wanted, f"{cyrillic} finds nothing: pick another"
    for query in (proposal, typed):
        found = set(boxes["kk"].pages(query))
        assert wanted <= found, f"{query}: not found {sorted(wanted - found)}"


@needs_chromium
@pytest.mark.parametrize("lang", LANGS)
def test_a_terms_own_entry_is_among_the_first_three_results(boxes, base_url: str, lang: str) -> None:
    terms = read_data(ROOT / "glossary.yml")["items"]
    late = {}
    for term in terms:
        links = boxes[lang].query(term["term"][lang])
        own = [i for i, link in enumerate(links) if link.startswith(base_url + page_url(lang, "glossary")) and link.endswith("#" + term["id"])]
        if not own or own[0] > 2:
            late[term["term"][lang]] = [link.removeprefix(base_url).split("?")[0] + "#" + link.split("#")[-1] * ("#" in link) for link in links[:3]]
    assert not late, late


@needs_chromium
def test_a_title_that_matches_ranks_above_a_page_that_mentions_the_word(boxes) -> None:
    assert boxes["en"].pages("glossary")[0] == "glossary/"
    assert boxes["ru"].pages("глоссарий")[0] == "glossary/"
    assert boxes["kk"].pages("глоссарий")[0] == "glossary/"


@needs_chromium
@pytest.mark.parametrize("query", ["көшбасшылықтың", "көшбасшылары", "көшбасшылыққа"])
def test_kazakh_inflections_find_kazakh_pages_only(boxes, base_url: str, query: str) -> None:
    assert "requirements/" in boxes["kk"].pages(query), "the page about leadership is found"
    links = boxes["kk"].query(query)
    assert links and not [link for link in links if link.startswith((base_url + "ru/", base_url + "en/"))], links
    assert any(f"h={quote('көшбасш')}" in link for link in links), "the page opened highlights every form of the word"


@needs_chromium
def test_a_page_found_through_latin_letters_highlights_the_cyrillic_words(boxes, base_url: str) -> None:
    links = boxes["kk"].query("mugalimder")
    assert links and any(quote("мұғалім") in link for link in links), links[:3]
    page = boxes["kk"].page.context.browser.new_page()
    page.goto(next(link for link in links if quote("мұғалім") in link and "#" not in link))
    page.wait_for_selector("mark[data-md-highlight]", state="attached")  # once the page has its index
    marked = page.locator("mark[data-md-highlight]").first.inner_text().lower()
    assert marked.startswith("мұғалім"), marked
    page.close()


@needs_chromium
@pytest.mark.parametrize(("lang", "query"), [("ru", "лидерства"), ("en", "leadership"), ("ru", "школ"), ("ru", "директорами"), ("en", "schools")])
def test_russian_and_english_find_their_own_pages_only(boxes, base_url: str, lang: str, query: str) -> None:
    links = boxes[lang].query(query)
    assert links and all(link.startswith(base_url + f"{lang}/") for link in links), links


@needs_chromium
def test_a_word_found_only_in_another_form_is_not_marked_missing(boxes) -> None:
    """Material marks a typed word missing from a result unless the result has a word starting with it as typed."""
    assert boxes["ru"].query("директорами")
    missing = boxes["ru"].page.eval_on_selector_all(".md-search-result__terms del", "marks => marks.map(m => m.textContent)")
    assert not missing, missing
    assert boxes["ru"].query("директорами рефлексиями")
    missing = boxes["ru"].page.eval_on_selector_all(".md-search-result__terms del", "marks => marks.map(m => m.textContent)")
    assert "рефлексиями" in missing, "a word no form of which is in a result is still marked missing"


@needs_chromium
def test_a_search_for_a_standard_leads_to_the_standard(boxes, base_url: str) -> None:
    links = boxes["kk"].query("заманауи директордың рөлін")
    assert any(link.startswith(base_url + "school-practice/portfolio/") and link.endswith("#standard-2-1") for link in links), links
