"""Name pools and country facts for fictional applicants.

Every applicant is a random pairing of common given and family names of one language, so names look real
to the counter (diacritics, Greek and Cyrillic scripts, gendered family names) without being anyone in
particular. Lists deliberately leave out names that would pair into a well-known journalist or politician.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from desk_app.core.text import fold


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(",") if name.strip())


@dataclass(frozen=True)
class NamePool:
    """Names of one language. ``family_female[i]`` is the female form of ``family_male[i]``."""

    key: str
    script: str  # "latin", "greek" or "cyrillic": the script the names are written in
    nationalities: tuple[str, ...]  # repeated codes weigh more
    weight: int
    given_female: tuple[str, ...]
    given_male: tuple[str, ...]
    family_female: tuple[str, ...]
    family_male: tuple[str, ...]
    double_family: float = 0.0  # share of people with two family names (Spanish, Portuguese)


def _pool(
    key: str,
    script: str,
    nationalities: str,
    weight: int,
    given_female: str,
    given_male: str,
    family: str,
    family_female: str = "",
    double_family: float = 0.0,
) -> NamePool:
    male = _names(family)
    female = _names(family_female) or male
    assert len(female) == len(male), key
    nationality_codes = tuple(nationalities.split())
    return NamePool(key, script, nationality_codes, weight, _names(given_female), _names(given_male), female, male,
                    double_family)  # fmt: skip


# fmt: off
POOLS: tuple[NamePool, ...] = (
    _pool("french", "latin", "FRA FRA FRA BEL BEL LUX", 14,
          "Hélène, Élodie, Anaïs, Chloé, Céline, Gaëlle, Maëlle, Agnès, Noémie, Bérénice",
          "Jérôme, Benoît, Loïc, Noël, Rémi, Hervé, Stéphane, Grégoire, Aurélien, Joël",
          "Lefèvre, Dubois, Gérard, Leroy, Mercier, Lemaître, Rousseau, Bérard, Brûlé, Fournier, Lacroix, "
          "Chevalier"),
    _pool("dutch", "latin", "BEL BEL NLD NLD", 8,
          "Sanne, Anouk, Lotte, Els, Griet, Noor, Fien, Ilse",
          "Pieter, Joris, Maarten, Jef, Bram, Stijn, Koen, Joost",
          "Peeters, Janssens, Maes, Willems, De Smet, Van den Broeck, Claes, Goossens, Wouters, De Vries, "
          "Verhoeven, Van Looy"),
    _pool("german", "latin", "DEU DEU DEU DEU AUT", 12,
          "Anke, Jana, Käthe, Sabine, Hanna, Jördis, Bärbel, Friederike, Lioba, Ute",
          "Jürgen, Jörg, Matthias, Lukas, Björn, Sören, Malte, Günter, Ansgar, Till",
          "Müller, Weiß, Köhler, Groß, Jäger, Schäfer, Krüger, Hoffmann, Bäumer, Köster, Böhm, Brückner, "
          "Fröhlich, Schütz"),
    _pool("english", "latin", "GBR GBR USA USA USA CAN IRL", 12,
          "Olivia, Hannah, Megan, Rachel, Fiona, Abigail, Imogen, Naomi",
          "Daniel, Oliver, Samuel, Patrick, Gareth, Nathan, Callum, Owen",
          "Thompson, Hughes, Bennett, Whitfield, Ashworth, Pemberton, Caldwell, Hargreaves, Doyle, Gallagher"),
    _pool("italian", "latin", "ITA", 6,
          "Chiara, Giulia, Federica, Martina, Ilaria, Benedetta",
          "Niccolò, Matteo, Alessandro, Mattia, Tommaso, Riccardo",
          "Bianchi, Esposito, Colombo, Ricci, Marino, Greco, Gallo, Conti, De Luca, Barbieri"),
    _pool("spanish", "latin", "ESP", 6,
          "María, Lucía, Begoña, Inés, Ángela, Nuria, Marta, Raquel",
          "José, Jesús, Álvaro, Íñigo, Andrés, Joaquín, Rubén, Sergio",
          "García, Martínez, Fernández, López, Gómez, Jiménez, Muñoz, Ibáñez, Núñez, Peña, Gutiérrez",
          double_family=0.7),
    _pool("portuguese", "latin", "PRT", 4,
          "Inês, Leonor, Mónica, Beatriz, Conceição, Joana",
          "João, Gonçalo, Sebastião, Tomás, Rui, Simão",
          "Gonçalves, Simões, Magalhães, Araújo, Loureiro, Brandão, Mendonça, Guimarães, Figueiredo",
          double_family=0.6),
    _pool("polish", "latin", "POL", 6,
          "Małgorzata, Agnieszka, Katarzyna, Zofia, Bożena, Ewa, Jadwiga, Urszula",
          "Łukasz, Paweł, Michał, Wojciech, Grzegorz, Jędrzej, Przemysław, Bartłomiej",
          "Kowalski, Wiśniewski, Wójcik, Kamiński, Zieliński, Woźniak, Dąbrowski, Kozłowski, Jankowski, "
          "Mazur, Krawczyk",
          "Kowalska, Wiśniewska, Wójcik, Kamińska, Zielińska, Woźniak, Dąbrowska, Kozłowska, Jankowska, "
          "Mazur, Krawczyk"),
    _pool("czech", "latin", "CZE", 3,
          "Tereza, Lucie, Kateřina, Markéta, Zuzana, Šárka",
          "Tomáš, Ondřej, Lukáš, Vojtěch, Matěj, Štěpán",
          "Dvořák, Novák, Černý, Procházka, Kučera, Veselý, Horák, Němec, Růžička",
          "Dvořáková, Nováková, Černá, Procházková, Kučerová, Veselá, Horáková, Němcová, Růžičková"),
    _pool("norwegian", "latin", "NOR NOR DNK", 4,
          "Ingrid, Solveig, Åse, Signe, Sigrid, Ragnhild",
          "Øystein, Bjørn, Søren, Åsmund, Eskil, Torbjørn",
          "Østergaard, Sørensen, Bjørnstad, Håkonsen, Løvland, Mørch, Dahl, Bækkelund, Røed"),
    _pool("swedish", "latin", "SWE", 3,
          "Åsa, Märta, Linnéa, Karin, Ylva, Maja",
          "Göran, Måns, Anders, Håkan, Örjan, Nils",
          "Åberg, Sjöberg, Lindqvist, Ström, Nyström, Söderberg, Ekström, Wästberg"),
    _pool("finnish", "latin", "FIN", 2,
          "Aino, Päivi, Elina, Tiina, Satu, Kaisa",
          "Jussi, Ville, Mikko, Väinö, Tuomas, Jyrki",
          "Järvinen, Mäkelä, Heikkilä, Lehtonen, Kärkkäinen, Mäkinen, Hämäläinen"),
    _pool("turkish", "latin", "TUR", 4,
          "Ayşe, Elif, Şule, Gülşen, Özlem, Zeynep, Büşra, Derya",
          "Emre, Barış, Oğuz, Çağrı, Murat, Serkan, Onur, İlker",
          "Yılmaz, Şahin, Öztürk, Çelik, Doğan, Aydın, Kılıç, Arslan, Yıldız, Güneş, Koç, Aksoy"),
    _pool("romanian", "latin", "ROU", 3,
          "Ioana, Andreea, Mădălina, Irina, Alina, Oana",
          "Andrei, Mihai, Ștefan, Radu, Bogdan, Tudor",
          "Popescu, Ionescu, Stănescu, Dumitrescu, Țăranu, Șerban, Munteanu, Vlădescu, Nistor, Bălan"),
    _pool("hungarian", "latin", "HUN", 3,
          "Zsófia, Ildikó, Erzsébet, Dóra, Csilla, Réka, Tünde",
          "László, Gábor, Ödön, Bence, Levente, Ákos, Győző",
          "Szabó, Tóth, Horváth, Nagy, Kiss, Varga, Molnár, Németh, Fekete, Szőke, Szűcs, Kőműves"),
    _pool("lithuanian", "latin", "LTU", 2,
          "Rūta, Aušra, Gintarė, Eglė, Jūratė, Agnė",
          "Žygimantas, Mantas, Tomas, Darius, Gediminas, Vytautas",
          "Kazlauskas, Jankauskas, Petrauskas, Stankevičius, Vasiliauskas, Žukauskas",
          "Kazlauskienė, Jankauskienė, Petrauskienė, Stankevičienė, Vasiliauskienė, Žukauskienė"),
    _pool("croatian", "latin", "HRV", 2,
          "Ana, Petra, Ivana, Marija, Lucija, Mirjana",
          "Ivan, Matej, Tomislav, Krešimir, Dario, Zvonimir",
          "Horvat, Kovačević, Babić, Marić, Jurić, Knežević, Vuković, Šarić, Đurić"),
    _pool("albanian", "latin", "ALB", 1,
          "Blerta, Elira, Mirela, Drita, Arjeta, Lindita",
          "Arbër, Dritan, Ermal, Besnik, Gëzim, Ilir",
          "Krasniqi, Gashi, Dervishi, Leka, Çela, Kola, Hysaj"),
    _pool("greek", "greek", "GRC GRC GRC CYP", 4,
          "Ελένη, Μαρία, Κατερίνα, Σοφία, Δέσποινα, Αναστασία, Βασιλική, Χρυσούλα",
          "Γιώργος, Νίκος, Δημήτρης, Κώστας, Θανάσης, Σπύρος, Παναγιώτης, Στέλιος",
          "Παπαδόπουλος, Γεωργίου, Οικονόμου, Νικολάου, Δημητρίου, Κωνσταντινίδης, Αντωνίου, Μαυρίδης, "
          "Καραγιάννης, Βλάχος, Ζαχαρίου, Αθανασίου",
          "Παπαδοπούλου, Γεωργίου, Οικονόμου, Νικολάου, Δημητρίου, Κωνσταντινίδου, Αντωνίου, Μαυρίδου, "
          "Καραγιάννη, Βλάχου, Ζαχαρίου, Αθανασίου"),
    _pool("ukrainian", "cyrillic", "UKR", 6,
          "Олена, Оксана, Ірина, Наталія, Софія, Ганна, Марія, Людмила",
          "Олександр, Дмитро, Богдан, Юрій, Остап, Максим, Євген, Ігор",
          "Шевченко, Коваленко, Бондаренко, Ткаченко, Кравченко, Олійник, Мельник, Поліщук, Савченко, "
          "Лисенко, Гнатюк, Мороз"),
    _pool("bulgarian", "cyrillic", "BGR", 2,
          "Мария, Десислава, Цветелина, Радостина, Йорданка, Петя",
          "Георги, Иван, Стефан, Николай, Христо, Пламен",
          "Иванов, Петров, Георгиев, Димитров, Стоянов, Николов, Христов, Тодоров",
          "Иванова, Петрова, Георгиева, Димитрова, Стоянова, Николова, Христова, Тодорова"),
    _pool("serbian", "cyrillic", "SRB SRB MNE", 2,
          "Јелена, Милица, Драгана, Ивана, Тамара, Сања",
          "Милош, Душан, Стефан, Лазар, Вук, Небојша",
          "Јовановић, Петровић, Николић, Марковић, Ђорђевић, Стојановић, Илић, Павловић"),
)
# fmt: on


@dataclass(frozen=True)
class Country:
    """Where a journalist lives and works: cities for organisation names, the press card, document shapes.

    Shapes: ``L`` a letter, ``D`` a digit, ``A`` either. An empty ``id_card_shape`` means the country's
    ID card is not a travel document, so its people come with a passport.
    """

    code: str
    cities: tuple[str, ...]
    press_issuer: str
    press_prefix: str
    passport_shape: str = "LLDDDDDDD"
    id_card_shape: str = ""


def _country(
    code: str, cities: str, issuer: str, prefix: str, passport: str = "LLDDDDDDD", id_card: str = ""
) -> Country:
    return Country(code, _names(cities), issuer, prefix, passport, id_card)


_EU_ID = "LLLDDDDDD"
# fmt: off
COUNTRIES: dict[str, Country] = {c.code: c for c in (
    _country("FRA", "Lyon, Lille, Bordeaux, Strasbourg, Nantes, Paris",
             "Commission de la carte d'identité des journalistes professionnels", "CCIJP", "DDLLDDDDD", "LLDDDDDDD"),
    _country("BEL", "Brussels, Liège, Ghent, Antwerp, Namur, Leuven",
             "Association générale des journalistes professionnels de Belgique", "AGJPB", "LLDDDDDDD",
             "DDDDDDDDDDDD"),
    _country("LUX", "Luxembourg, Esch", "Conseil de presse Luxembourg", "CPL", "LLDDDDDDD", _EU_ID),
    _country("NLD", "Rotterdam, Utrecht, Amsterdam, Groningen", "Nederlandse Vereniging van Journalisten", "NVJ",
             "LLAAAAAAD", "LLAAAAAAD"),
    _country("DEU", "Hamburg, Cologne, Leipzig, Munich, Bremen, Dresden", "Deutscher Journalisten-Verband", "DJV",
             "LAAAAAAAA", "LAAAAAAAA"),
    _country("AUT", "Vienna, Graz, Linz", "Österreichischer Journalisten Club", "OEJC", "LDDDDDDDD", _EU_ID),
    _country("GBR", "Leeds, Bristol, London, Glasgow, Norwich", "National Union of Journalists", "NUJ", "DDDDDDDDD"),
    _country("USA", "Boston, Denver, Baltimore, Seattle, Chicago", "", "", "DDDDDDDDD"),
    _country("CAN", "Ottawa, Halifax, Winnipeg", "Canadian Association of Journalists", "CAJ"),
    _country("IRL", "Dublin, Cork, Galway", "National Union of Journalists", "NUJ", "LLDDDDDDD", _EU_ID),
    _country("ITA", "Turin, Bologna, Naples, Genoa, Rome", "Ordine dei Giornalisti", "ODG", "LLDDDDDDD", "LLDDDDDLL"),
    _country("ESP", "Madrid, Seville, Valencia, Bilbao, Zaragoza",
             "Federación de Asociaciones de Periodistas de España", "FAPE", "LLLDDDDDD", _EU_ID),
    _country("PRT", "Lisbon, Porto, Braga, Coimbra", "Comissão da Carteira Profissional de Jornalista", "CCPJ",
             "LDDDDDDDD", "DDDDDDDDLLD"),
    _country("POL", "Warsaw, Kraków, Gdańsk, Wrocław, Poznań", "Stowarzyszenie Dziennikarzy Polskich", "SDP",
             "LLDDDDDDD", _EU_ID),
    _country("CZE", "Prague, Brno, Ostrava, Plzeň", "Syndikát novinářů ČR", "SNCR", "DDDDDDDDD", "DDDDDDDDD"),
    _country("NOR", "Oslo, Bergen, Trondheim, Tromsø", "Norsk Journalistlag", "NJ", "LLDDDDDDD", "LLDDDDDDD"),
    _country("DNK", "Aarhus, Copenhagen, Odense", "Dansk Journalistforbund", "DJ", "LLDDDDDDD"),
    _country("SWE", "Gothenburg, Malmö, Uppsala, Stockholm", "Svenska Journalistförbundet", "SJF", "DDDDDDDDD",
             "DDDDDDDDD"),
    _country("FIN", "Helsinki, Tampere, Turku, Oulu", "Suomen Journalistiliitto", "SJL", "LLDDDDDDD", "DDDDDDDDD"),
    _country("TUR", "Ankara, Istanbul, Izmir, Bursa", "Türkiye Gazeteciler Cemiyeti", "TGC", "LDDDDDDDD"),
    _country("ROU", "Bucharest, Cluj, Iași, Timișoara", "Uniunea Ziariștilor Profesioniști din România", "UZPR",
             "DDDDDDDDD", "LLDDDDDD"),
    _country("HUN", "Budapest, Debrecen, Szeged, Pécs", "Magyar Újságírók Országos Szövetsége", "MUOSZ",
             "LLDDDDDDD", "DDDDDDLL"),
    _country("LTU", "Vilnius, Kaunas, Klaipėda", "Lietuvos žurnalistų sąjunga", "LZS", "DDDDDDDDD", "DDDDDDDD"),
    _country("HRV", "Zagreb, Split, Rijeka", "Hrvatsko novinarsko društvo", "HND", "DDDDDDDDD", "DDDDDDDDD"),
    _country("ALB", "Tirana, Durrës, Shkodër", "Unioni i Gazetarëve Shqiptarë", "UGSH", "LLDDDDDDD"),
    _country("GRC", "Athens, Thessaloniki, Patras, Heraklion", "Ένωση Συντακτών Ημερησίων Εφημερίδων Αθηνών",
             "ESIEA", "LLDDDDDDD"),
    _country("CYP", "Nicosia, Limassol", "Ένωση Συντακτών Κύπρου", "ESK", "LDDDDDDDD", "DDDDDDDD"),
    _country("UKR", "Kyiv, Lviv, Odesa, Kharkiv, Dnipro", "Національна спілка журналістів України", "NSZHU",
             "LLDDDDDDD"),
    _country("BGR", "Sofia, Plovdiv, Varna", "Съюз на българските журналисти", "SBZH", "DDDDDDDDD", "DDDDDDDDD"),
    _country("SRB", "Belgrade, Novi Sad, Niš", "Удружење новинара Србије", "UNS", "DDDDDDDDD"),
    _country("MNE", "Podgorica, Nikšić", "Sindikat medija Crne Gore", "SMCG", "LDDDDDDDD"),
)}
# fmt: on

# Fictional outlets: a home city plus words no real title of that city is known to use together.
Words = tuple[tuple[str, ...], tuple[str, ...]]  # first words, second words
PRINT_WORDS: Words = (
    ("Morning", "Evening", "Weekly", "Night", "Sunday"),
    ("Ledger", "Wire", "Bulletin", "Dispatch", "Signal", "Lantern", "Compass", "Review", "Record"),
)
BROADCAST_WORDS: Words = (("Open", "Civic", "Channel", "Riverside", "Metro"), ("Radio", "Television", "Broadcast"))
PHOTO_WORDS: Words = (("Photo", "Picture", "Lens"), ("Agency", "Service", "Desk", "Pool"))
# Brussels-based outlets for those who report on NATO and the EU for several countries.
BRUSSELS_OUTLETS = (
    "Brussels Morning Ledger",
    "Transatlantic Wire Service",
    "Euro-Atlantic Review",
    "North Sea Photo Agency",
    "Continental Picture Pool",
    "Schuman Square Radio",
    "Alliance Affairs Weekly",
)


def _letters(script: str, latin: str) -> dict[str, str]:
    """Letter-by-letter romanisation: ``latin`` gives one space-separated spelling per letter of ``script``."""
    return dict(zip(script, latin.split(), strict=True))


# Romanisation for email addresses only (ELOT 743 and the national systems, simplified); "-" is dropped.
_GREEK = str.maketrans(_letters("αβγδεζηθικλμνξοπρσςτυφχψω", "a v g d e z i th i k l m n x o p r s s t y f ch ps o"))
_CYRILLIC = _letters(
    "абвгдежзийклмнопрстуфхцчшщъьюяђјљњћџ",
    "a b v g d e zh z i y k l m n o p r s t u f h ts ch sh sht a - yu ya dj j lj nj c dz",
)
_UKRAINIAN = str.maketrans(
    {**_CYRILLIC, "г": "h", "ґ": "g", "и": "y", "і": "i", "ї": "i", "є": "ie", "й": "i", "щ": "shch"}
)
_SOUTH_SLAVIC = str.maketrans(_CYRILLIC)
_ROMANISATION = {"greek": _GREEK, "ukrainian": _UKRAINIAN, "bulgarian": _SOUTH_SLAVIC, "serbian": _SOUTH_SLAVIC}


@cache
def ascii_handle(name: str, pool_key: str) -> str:
    """Lower-case ASCII letters for an email address: 'Παπαδοπούλου' gives 'papadopoulou'."""
    folded = fold(name).replace("ου", "ou")
    table = _ROMANISATION.get(pool_key)
    if table is not None:
        folded = folded.translate(table)
    return "".join(c for c in folded if "a" <= c <= "z")
