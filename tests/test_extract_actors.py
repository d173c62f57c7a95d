"""Actor mentions and the evidence for their kind, on sentences written here."""

from __future__ import annotations

from generator.extract.actors import Evidence, Mention, demonym_places, find_mentions

COMMON = frozenset({"officials", "though", "president"})


def _by_name(sentence: str) -> dict[str, Mention]:
    return {m.name: m for m in find_mentions(sentence, COMMON)}


def test_titles_are_split_off_as_roles() -> None:
    found = _by_name("U.S. President Joe Biden will speak with Russian President Vladimir Putin.")
    assert found["Joe Biden"].surface == "U.S. President Joe Biden"
    assert found["Joe Biden"].role == "U.S. President"
    assert Evidence.TITLE in found["Vladimir Putin"].evidence


def test_title_of_state_keeps_the_name_clean() -> None:
    found = _by_name("On Wednesday, Secretary of State Antony Blinken spoke with him.")
    assert found["Antony Blinken"].role == "Secretary of State"


def test_appositive_role_and_speech() -> None:
    found = _by_name(
        "Emily Horne, a spokesperson for the National Security Council, said in a statement."
    )
    assert found["Emily Horne"].role == "spokesperson for the National Security Council"
    assert {Evidence.ROLE, Evidence.SPEECH} <= found["Emily Horne"].evidence
    assert Evidence.CUE in found["National Security Council"].evidence


def test_lowercase_title_before_a_name() -> None:
    found = _by_name("The envoy met national security adviser Jake Sullivan there.")
    assert found["Jake Sullivan"].role == "national security adviser"


def test_acronym_defined_in_parentheses() -> None:
    found = _by_name("Observers from the Economic Community of West African States (ECOWAS) came.")
    mention = found["Economic Community of West African States"]
    assert mention.also_known_as == "ECOWAS"
    assert Evidence.DEFINED in mention.evidence


def test_body_of_a_body_is_marked() -> None:
    found = _by_name(
        "They met at the Permanent Council of the Organization for Security and "
        "Co-operation in Europe."
    )
    assert Evidence.SUB_BODY in found["Permanent Council"].evidence
    assert "Organization for Security and Co-operation in Europe" in found


def test_places_by_gazetteer_and_by_preposition() -> None:
    found = _by_name("Protesters gathered in Bassaro, the capital of Tandara, and in Moscow.")
    assert Evidence.PLACE in found["Bassaro"].evidence
    assert Evidence.GAZETTEER in found["Moscow"].evidence


def test_sentence_start_words_and_times_are_not_mentions() -> None:
    found = _by_name("Though officials met at 3 p.m. ET, Officials said nothing on Thursday.")
    assert not {"Though", "Officials", "ET", "Thursday"} & set(found)


def test_demonyms_name_countries() -> None:
    assert demonym_places("U.S. and Russian officials met Ukrainian envoys.") == {
        "Russia",
        "Ukraine",
    }


def test_nickname_and_speech_before_the_name() -> None:
    found = _by_name('Gov. Antonio "Tony" Reyes thanked them, said Grace Mendoza, our coordinator.')
    assert found["Antonio Reyes"].also_known_as == "Tony Reyes"
    assert Evidence.SPEECH in found["Grace Mendoza"].evidence
    assert found["Grace Mendoza"].role == "coordinator"


def test_a_body_in_a_town_and_place_shaped_names() -> None:
    found = _by_name("Lawyers spoke before the Appeals Panel in Mill Town near Port Ellis.")
    assert Evidence.CUE in found["Appeals Panel"].evidence
    assert Evidence.GAZETTEER in found["Mill Town"].evidence
    assert Evidence.GAZETTEER in found["Port Ellis"].evidence


def test_industry_words_mark_a_company() -> None:
    found = _by_name("The contracts went to Nordhavn Dredging and Kestrel Mining last year.")
    assert Evidence.CUE in found["Nordhavn Dredging"].evidence
    assert Evidence.CUE in found["Kestrel Mining"].evidence


def test_an_office_named_for_a_title_is_one_organisation() -> None:
    found = _by_name("The Pinehollow County Sheriff's Office lifted the order on Friday.")
    assert Evidence.CUE in found["Pinehollow County Sheriff Office"].evidence
    assert list(_by_name("Russia's Foreign Ministry said so.")) == ["Russia", "Foreign Ministry"]


def test_a_plural_possessive_stays_in_the_name() -> None:
    assert list(_by_name("The Harbour Homeowners' Association estimated the rise.")) == [
        "Harbour Homeowners Association"
    ]


def test_an_organisation_known_by_its_appositive() -> None:
    found = _by_name("Later, Cartwell, the discount chain that sold the monitors, pulled them.")
    assert Evidence.CUE in found["Cartwell"].evidence


def test_where_a_company_is_based_is_not_its_name() -> None:
    assert list(_by_name("Larkspur-based Halcyon Home Devices recalled them.")) == [
        "Halcyon Home Devices"
    ]


def test_an_office_of_a_body_names_the_body() -> None:
    found = _by_name("Vera Tan, Secretary-General of the Central Development Bank, spoke.")
    assert list(found) == ["Vera Tan", "Central Development Bank"]


def test_a_person_named_by_what_they_do() -> None:
    found = _by_name("They bought striker Tomasz Wrona from the club. APN writer Ana Sol helped.")
    assert found["Tomasz Wrona"].role == "striker"
    assert Evidence.ROLE not in found["Ana Sol"].evidence


def test_sports_club_words_mark_an_organisation() -> None:
    club = _by_name("Redmoor Athletic accepted the bid.")["Redmoor Athletic"]
    assert Evidence.CUE in club.evidence


def test_a_first_word_in_capitals_is_no_acronym_and_mp_is_a_title() -> None:
    found = _by_name("PROSECUTORS in Sarova asked for more. Westbury MP Daniel Reeve wrote.")
    assert Evidence.ACRONYM not in found["PROSECUTORS"].evidence
    assert found["Daniel Reeve"].role == "Westbury MP"


def test_speech_after_an_age_or_a_relative_clause() -> None:
    assert Evidence.SPEECH in _by_name("His mother, Joan Holt, 81, said so.")["Joan Holt"].evidence
    found = _by_name("His wife, Claire Holt, who attended the hearing, said so.")
    assert Evidence.SPEECH in found["Claire Holt"].evidence


def test_a_group_calling_itself_a_name_is_an_organisation() -> None:
    found = _by_name("A hacking group calling itself ShadeNet claimed responsibility.")
    assert Evidence.CUE in found["ShadeNet"].evidence
    plain = _by_name("A hacker who met ShadeNet claimed responsibility.")
    assert Evidence.CUE not in plain["ShadeNet"].evidence
