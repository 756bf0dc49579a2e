"""Kazakh in Latin letters (kazakh-latin.yml, handbook/latin.py): the writer spells every letter as the 2021 proposal
does, loanword letters by the table's written policy, names and abbreviations by its exceptions; it keeps capitals
and the dotted/dotless I apart; it sorts by the Latin alphabet's order. The expected spellings below are written by
hand from the table, letter by letter."""

import re
from pathlib import Path

import pytest

from handbook import latin

from conftest import ROOT, read_data

WRITER = latin.writer(ROOT)

WORDS = [
    # every letter of the alphabet, in small letters
    ("Қазақстан", "Qazaqstan"),
    ("мұғалім", "mūğalım"),
    ("көшбасшылық", "köşbasşylyq"),
    ("шеберлік", "şeberlık"),
    ("орталығы", "ortalyğy"),
    ("бір", "bır"),
    ("менің", "menıñ"),
    ("әдіскер", "ädısker"),
    ("бағдарлама", "bağdarlama"),
    ("гүл", "gül"),
    ("дәлел", "dälel"),
    ("ел", "el"),
    ("жоба", "joba"),
    ("зерттеу", "zertteu"),
    ("ие", "ie"),
    ("айлық", "ailyq"),
    ("кітап", "kıtap"),
    ("қала", "qala"),
    ("лауазым", "lauazym"),
    ("мектеп", "mektep"),
    ("нәтиже", "nätije"),
    ("таңба", "tañba"),
    ("оқу", "oqu"),
    ("өзгеріс", "özgerıs"),
    ("пән", "pän"),
    ("рөл", "röl"),
    ("сабақ", "sabaq"),
    ("тәжірибе", "täjıribe"),
    ("ұйым", "ūiym"),
    ("үйрену", "üirenu"),
    ("хабар", "habar"),
    ("қаһарман", "qaharman"),
    ("шәкірт", "şäkırt"),
    ("ынта", "ynta"),
    ("ілім", "ılım"),
    ("вариант", "variant"),
    ("форма", "forma"),
    # the loanword letters, by the table's policy: ё io, ц ts, ч ch, щ şç, ъ and ь dropped, э e, ю iu, я ia
    ("ваучер", "vaucher"),
    ("факультет", "fakultet"),
    ("цифрлық", "tsifrlyq"),
    ("чемпионат", "chempionat"),
    ("щётка", "şçiotka"),
    ("объект", "obekt"),
    ("модель", "model"),
    ("эвалюация", "evaliuatsia"),
    ("юрист", "iurist"),
    ("яғни", "iağni"),
    # и with я, ю or й after it writes i once
    ("сияқты", "siaqty"),
    ("сценарий", "stsenari"),
    ("ақпараттық-коммуникациялық", "aqparattyq-kommunikatsialyq"),
    # capitals: a word in capitals stays so (İ for и, I for і), a capitalised letter's spelling is capitalised
    ("Ирландия", "İrlandia"),
    ("ИНФОРМАТИКА", "İNFORMATİKA"),
    ("Іскерлік", "Iskerlık"),
    ("ШЕБЕРЛІК", "ŞEBERLIK"),
    ("ЦЕХ", "TSEH"),
    ("Цех", "Tseh"),
    ("Чемпион", "Chempion"),
    ("Өмір", "Ömır"),
    ("Ұстаз", "Ūstaz"),
    ("Үміт", "Ümıt"),
    ("Ғылым", "Ğylym"),
    ("ТАҢ", "TAÑ"),
    ("Әке", "Äke"),
    ("Юрий", "İuri"),
    ("ЭЫДҰ", "EYDŪ"),
    ("ЭЫДҰ-ның", "EYDŪ-nyñ"),
    ("ҰБТ", "ŪBT"),
    # the exceptions list: whole words and stems with a suffix
    ("ЮНЕСКО", "UNESCO"),
    ("ЮНЕСКО-ның", "UNESCO-nyñ"),
    ("ХХІ ғасыр", "XXI ğasyr"),
    ("Литвиннің", "Litwinnıñ"),
    ("Бурке мен Литвин", "Burke men Litwin"),
    ("Ноффтың", "Knofftyñ"),
    ("Лейтвуд пен әріптестерінің", "Leithwood pen ärıptesterınıñ"),
    # numbers with suffixes, hyphens, quotes, words already in Latin letters
    ("2020-жылы", "2020-jyly"),
    ("1-сынып", "1-synyp"),
    ("«Басшыға арналған нұсқаулық»", "«Basşyğa arnalğan nūsqaulyq»"),
    ("PISA зерттеуі, 2018 ж.", "PISA zertteuı, 2018 j."),
]


@pytest.mark.parametrize(("cyrillic", "expected"), WORDS)
def test_each_word_is_written_by_the_table(cyrillic: str, expected: str) -> None:
    assert WRITER.text(cyrillic) == expected


def test_the_words_cover_every_letter_in_both_cases() -> None:
    written = "".join(cyrillic for cyrillic, _ in WORDS)
    assert set(latin.ALPHABET) <= set(written.lower())
    capitals = {char for char in written if char.isupper()}
    assert len(WORDS) >= 60 and {"И", "І", "Ц", "Ч", "Ө", "Ұ", "Ү", "Ғ", "Ң", "Ә", "Ю", "Э"} <= capitals


@pytest.mark.parametrize(("small", "capital"), [("i", "İ"), ("ı", "I"), ("iı", "İI"), ("ilım", "İLIM"), ("ä ğ ñ ö ū ü ş ç", "Ä Ğ Ñ Ö Ū Ü Ş Ç")])
def test_casing_keeps_the_dotted_and_the_dotless_i_apart(small: str, capital: str) -> None:
    assert latin.upper(small) == capital and latin.lower(capital) == small
    assert len(latin.lower("İ")) == 1 and "İ".lower() != "i", "what Python gets wrong"


def vocabulary() -> set[str]:
    """Every Kazakh word of the handbook's data, in small letters."""
    texts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                texts.append(inner) if key == "kk" and isinstance(inner, str) else walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    for path in [*sorted((ROOT / "data").glob("*.yml")), ROOT / "glossary.yml"]:
        walk(read_data(path))
    return {word.lower() for text in texts for word in re.findall(r"[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]+", text)}


def test_a_word_in_capitals_is_the_word_in_capitals_for_every_word_of_the_handbook() -> None:
    words = vocabulary()
    assert len(words) > 2000
    for word in words:
        assert WRITER.text(word.upper()) == latin.upper(WRITER.text(word)), word
        assert latin.lower(WRITER.text(word.upper())) == latin.lower(WRITER.text(word)), word


def test_where_the_letters_are_one_to_one_the_latin_reads_back_to_the_cyrillic() -> None:
    """Letters whose Latin letter no other Kazakh letter shares read back; so does every word of the handbook made of
    them alone (not и й х һ, which share i and h, nor the loanword letters, nor an exception)."""
    table = latin.load(ROOT)
    spelled: dict[str, list[str]] = {}
    for letter in table.letters:
        if letter.policy is None:  # a loanword letter (э is e too) never reads back
            spelled.setdefault(letter.latin, []).append(letter.cyrillic)
    back = {latin_: cyrillic[0] for latin_, cyrillic in spelled.items() if len(latin_) == 1 and len(cyrillic) == 1}
    assert set(back) >= set("aäbvgğdejzkqlmnñoöprstuūüfşyı") and "i" not in back and "h" not in back
    exceptions = tuple(table.exceptions)
    words = [w for w in vocabulary() if set(w) <= set(back.values()) and not w.startswith(exceptions) and not any(pair in w for pair in table.sequences)]
    assert len(words) > 1000
    for word in words:
        assert "".join(back[char] for char in WRITER.text(word)) == word


def test_words_sort_in_the_latin_alphabets_order() -> None:
    words = ["jol", "İman", "hat", "ılım", "Şeber", "sabaq", "ısı", "tañ", "çay", "ağa", "ädıs", "Ūstaz", "uaqyt", "üi", "öner", "oqu", "ñ"]
    expected = ["ağa", "ädıs", "çay", "hat", "ılım", "ısı", "İman", "jol", "ñ", "oqu", "öner", "sabaq", "Şeber", "tañ", "uaqyt", "Ūstaz", "üi"]
    assert sorted(words, key=WRITER.sort_key) == expected
    assert WRITER.sort_key("ab c") < WRITER.sort_key("abc"), "a word break before any letter"


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("  литвин: Litwin\n", "  литвин: Литвин\n", "exceptions.литвин", "should match pattern"),
        ("  литвин: Litwin\n", "  Литвин: Litwin\n", "exceptions.Литвин.[key]", "should match pattern"),
        ("  ия: ia\n", "  ия: iä\n  ыу: yw\n", "order", "w has none"),
    ],
)
def test_a_broken_exception_or_order_is_reported_at_its_line(tmp_path: Path, old: str, new: str, field: str, message: str) -> None:
    text = (ROOT / latin.TABLE).read_text("utf-8")
    assert old in text
    (tmp_path / latin.TABLE).write_text(text.replace(old, new), "utf-8")
    table, problems = latin.check(tmp_path)
    assert table is None and problems
    reported = [str(problem) for problem in problems if f": {field}: " in str(problem)]
    assert reported and message in reported[0], problems
    line = int(reported[0].split(":")[1])
    changed = (tmp_path / latin.TABLE).read_text("utf-8").splitlines()[line - 1]
    assert changed.startswith((new.split(":")[0], "order:")), (line, changed)
