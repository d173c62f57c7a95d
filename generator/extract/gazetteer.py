"""General geographic knowledge: countries with their capitals, demonyms and other names.

One line per country: `Name|Capital|Demonym|other names...`. Nothing here is
about any one story; it is the atlas a careful reader brings to any article.
"""

from __future__ import annotations

_COUNTRIES = """\
Afghanistan|Kabul|Afghan
Albania|Tirana|Albanian
Algeria|Algiers|Algerian
Angola|Luanda|Angolan
Argentina|Buenos Aires|Argentine|Argentinian
Armenia|Yerevan|Armenian
Australia|Canberra|Australian
Austria|Vienna|Austrian
Azerbaijan|Baku|Azerbaijani
Bahrain|Manama|Bahraini
Bangladesh|Dhaka|Bangladeshi
Belarus|Minsk|Belarusian
Belgium|Brussels|Belgian
Benin|Porto-Novo|Beninese
Bolivia|La Paz|Bolivian
Bosnia and Herzegovina|Sarajevo|Bosnian|Bosnia
Botswana|Gaborone|Botswanan
Brazil|Brasilia|Brazilian|Brasília
Bulgaria|Sofia|Bulgarian
Burkina Faso|Ouagadougou|Burkinabe
Burundi|Gitega|Burundian
Cambodia|Phnom Penh|Cambodian
Cameroon|Yaounde|Cameroonian|Yaoundé
Canada|Ottawa|Canadian
Chad|N'Djamena|Chadian
Chile|Santiago|Chilean
China|Beijing|Chinese|People's Republic of China|PRC
Colombia|Bogota|Colombian|Bogotá
Congo|Brazzaville|Congolese|Republic of Congo
Democratic Republic of Congo|Kinshasa|Congolese|DRC|DR Congo|Democratic Republic of the Congo
Costa Rica|San Jose|Costa Rican
Croatia|Zagreb|Croatian
Cuba|Havana|Cuban
Cyprus|Nicosia|Cypriot
Czech Republic|Prague|Czech|Czechia
Denmark|Copenhagen|Danish
Dominican Republic|Santo Domingo|Dominican
Ecuador|Quito|Ecuadorian
Egypt|Cairo|Egyptian
El Salvador|San Salvador|Salvadoran
Eritrea|Asmara|Eritrean
Estonia|Tallinn|Estonian
Ethiopia|Addis Ababa|Ethiopian
Finland|Helsinki|Finnish
France|Paris|French
Gabon|Libreville|Gabonese
Gambia|Banjul|Gambian|The Gambia
Georgia|Tbilisi|Georgian
Germany|Berlin|German
Ghana|Accra|Ghanaian
Greece|Athens|Greek
Guatemala|Guatemala City|Guatemalan
Guinea|Conakry|Guinean
Guinea-Bissau|Bissau|Bissau-Guinean
Haiti|Port-au-Prince|Haitian
Honduras|Tegucigalpa|Honduran
Hungary|Budapest|Hungarian
Iceland|Reykjavik|Icelandic
India|New Delhi|Indian|Delhi
Indonesia|Jakarta|Indonesian
Iran|Tehran|Iranian
Iraq|Baghdad|Iraqi
Ireland|Dublin|Irish
Israel|Jerusalem|Israeli
Italy|Rome|Italian
Ivory Coast|Yamoussoukro|Ivorian|Cote d'Ivoire|Côte d'Ivoire
Jamaica|Kingston|Jamaican
Japan|Tokyo|Japanese
Jordan|Amman|Jordanian
Kazakhstan|Astana|Kazakh
Kenya|Nairobi|Kenyan
Kosovo|Pristina|Kosovar
Kuwait|Kuwait City|Kuwaiti
Kyrgyzstan|Bishkek|Kyrgyz
Laos|Vientiane|Lao|Laotian
Latvia|Riga|Latvian
Lebanon|Beirut|Lebanese
Liberia|Monrovia|Liberian
Libya|Tripoli|Libyan
Lithuania|Vilnius|Lithuanian
Luxembourg|Luxembourg|Luxembourgish
Madagascar|Antananarivo|Malagasy
Malawi|Lilongwe|Malawian
Malaysia|Kuala Lumpur|Malaysian
Mali|Bamako|Malian
Malta|Valletta|Maltese
Mauritania|Nouakchott|Mauritanian
Mexico|Mexico City|Mexican
Moldova|Chisinau|Moldovan
Mongolia|Ulaanbaatar|Mongolian
Montenegro|Podgorica|Montenegrin
Morocco|Rabat|Moroccan
Mozambique|Maputo|Mozambican
Myanmar|Naypyidaw|Burmese|Burma
Namibia|Windhoek|Namibian
Nepal|Kathmandu|Nepali|Nepalese
Netherlands|Amsterdam|Dutch|Holland|The Netherlands
New Zealand|Wellington|New Zealander
Nicaragua|Managua|Nicaraguan
Niger|Niamey|Nigerien
Nigeria|Abuja|Nigerian
North Korea|Pyongyang|North Korean
North Macedonia|Skopje|Macedonian
Norway|Oslo|Norwegian
Oman|Muscat|Omani
Pakistan|Islamabad|Pakistani
Panama|Panama City|Panamanian
Papua New Guinea|Port Moresby|Papua New Guinean
Paraguay|Asuncion|Paraguayan
Peru|Lima|Peruvian
Philippines|Manila|Filipino|Philippine|The Philippines
Poland|Warsaw|Polish
Portugal|Lisbon|Portuguese
Qatar|Doha|Qatari
Romania|Bucharest|Romanian
Russia|Moscow|Russian|Russian Federation
Rwanda|Kigali|Rwandan
Saudi Arabia|Riyadh|Saudi
Senegal|Dakar|Senegalese
Serbia|Belgrade|Serbian
Sierra Leone|Freetown|Sierra Leonean
Singapore|Singapore|Singaporean
Slovakia|Bratislava|Slovak
Slovenia|Ljubljana|Slovenian
Somalia|Mogadishu|Somali
South Africa|Pretoria|South African
South Korea|Seoul|South Korean|Korea|Republic of Korea
South Sudan|Juba|South Sudanese
Spain|Madrid|Spanish
Sri Lanka|Colombo|Sri Lankan
Sudan|Khartoum|Sudanese
Sweden|Stockholm|Swedish
Switzerland|Bern|Swiss
Syria|Damascus|Syrian
Taiwan|Taipei|Taiwanese
Tajikistan|Dushanbe|Tajik
Tanzania|Dodoma|Tanzanian
Thailand|Bangkok|Thai
Togo|Lome|Togolese
Tunisia|Tunis|Tunisian
Turkey|Ankara|Turkish|Turkiye|Türkiye
Turkmenistan|Ashgabat|Turkmen
Uganda|Kampala|Ugandan
Ukraine|Kyiv|Ukrainian|Kiev
United Arab Emirates|Abu Dhabi|Emirati|UAE
United Kingdom|London|British|UK|U.K.|Britain|Great Britain
United States|Washington|American|U.S.|US|USA|U.S.A.|United States of America|America
Uruguay|Montevideo|Uruguayan
Uzbekistan|Tashkent|Uzbek
Venezuela|Caracas|Venezuelan
Vietnam|Hanoi|Vietnamese
Yemen|Sanaa|Yemeni
Zambia|Lusaka|Zambian
Zimbabwe|Harare|Zimbabwean
"""

_REGIONS = (
    "Europe",
    "Asia",
    "Africa",
    "North America",
    "South America",
    "Latin America",
    "Middle East",
    "Arctic",
    "Antarctica",
    "Balkans",
    "Caucasus",
    "Scandinavia",
    "Sahel",
    "Caribbean",
    "Pacific",
    "Atlantic",
    "Gulf",
)
_DIRECTIONS = ("Central", "Eastern", "Western", "Northern", "Southern", "East", "West")


def _build() -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, ...]]]:
    places: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    others_of: dict[str, tuple[str, ...]] = {}
    for line in _COUNTRIES.splitlines():
        name, capital, demonym, *others = line.split("|")
        places[name.lower()] = name
        places[capital.lower()] = capital
        for other in others:
            places[other.lower()] = name
        demonyms[demonym.lower()] = name
        others_of[name] = tuple(o for o in others if not o.isupper() or "." in o or len(o) > 2)
    for region in _REGIONS:
        places[region.lower()] = region
    return places, demonyms, others_of


PLACES, DEMONYMS, _OTHER_NAMES = _build()
"""Lowercased surface form -> canonical place name; lowercased demonym -> country."""


def place_name(surface: str) -> str | None:
    """The canonical place a surface form names ('U.S.' -> 'United States'), or None."""
    text = surface.strip()
    found = PLACES.get(text.lower())
    if found:
        return found
    first, _, rest = text.partition(" ")
    if first in _DIRECTIONS and rest.lower() in PLACES:
        return PLACES[rest.lower()]
    return None


def demonym_country(word: str) -> str | None:
    return DEMONYMS.get(word.lower())


def place_surfaces(name: str) -> tuple[str, ...]:
    """The other names of a country ('United States' -> 'U.S.', 'USA', ...)."""
    return _OTHER_NAMES.get(name, ())
