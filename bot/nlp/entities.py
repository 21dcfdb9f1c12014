"""Who a source is: parsing Indonesian source phrases and resolving their aliases to one entity.

A source phrase is the noun phrase that stands before a reporting verb ("Sekjen NATO,
Mark Rutte"), after "oleh" / "kata" / "menurut", or after "seorang" ("seorang pejabat
Barat"). `parse_source` splits it into a person's name, a role and an organisation, each
kept in Indonesian and rendered in English from the vocabulary tables below; the tables
are data so that they can grow without touching the rules.

`EntityResolver` is built once per question (never shared between calls): it turns parsed
sources into canonical `Entity` values, so that "Departemen Pertahanan Amerika Serikat
(Pentagon)", "Pentagon" and "Departemen Pertahanan AS" are one entity, a spokesperson or
an unnamed official counts for their organisation, and a bare "Rutte" resolves to the
"Sekjen NATO, Mark Rutte" seen earlier.

Public API:
    parse_source(text: str) -> Source | None
    find_medium(text: str) -> str | None        # canonical outlet name ("AFP") or None
    is_medium(text: str) -> bool
    translate_org(text: str) -> str             # "Kementerian Sosial" -> "Ministry of Social Affairs"
    anonymous_group_name(affiliation: str, roles: tuple[str, ...]) -> str
    EntityResolver().resolve(source: Source) -> Entity
    EntityResolver().learn(source: Source) -> None
    EntityResolver().knows(name: str) -> bool
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# --------------------------------------------------------------------------------------
# Vocabulary tables (Indonesian -> English)
# --------------------------------------------------------------------------------------

#: Roles, longest first when matched. Value: (English, speaks_for_org).
#: A role that speaks for its organisation (a spokesperson, an unnamed official) is
#: grouped under the organisation; a head (a minister, a secretary general) is a person.
ROLES: dict[str, tuple[str, bool]] = {
    "sekretaris jenderal": ("Secretary General", False),
    "sekjen": ("Secretary General", False),
    "wakil sekretaris jenderal": ("Deputy Secretary General", False),
    "juru bicara": ("spokesperson", True),
    "jubir": ("spokesperson", True),
    "kepala biro humas": ("Head of Public Relations", True),
    "kabid humas": ("Head of Public Relations", True),
    "kepala bidang humas": ("Head of Public Relations", True),
    "kabag humas": ("Head of Public Relations", True),
    "humas": ("public relations office", True),
    "kepala pusat data dan informasi": ("Head of Data and Information", True),
    "kapusdatin": ("Head of Data and Information", True),
    "perwakilan": ("representative", True),
    "wakil presiden": ("Vice President", False),
    "wapres": ("Vice President", False),
    "presiden": ("President", False),
    "perdana menteri": ("Prime Minister", False),
    "pm": ("Prime Minister", False),
    "menteri pertahanan": ("Defence Minister", False),
    "menhan": ("Defence Minister", False),
    "menteri luar negeri": ("Foreign Minister", False),
    "menlu": ("Foreign Minister", False),
    "menteri dalam negeri": ("Home Affairs Minister", False),
    "mendagri": ("Home Affairs Minister", False),
    "menteri keuangan": ("Finance Minister", False),
    "menkeu": ("Finance Minister", False),
    "menteri kesehatan": ("Health Minister", False),
    "menkes": ("Health Minister", False),
    "menteri perdagangan": ("Trade Minister", False),
    "mendag": ("Trade Minister", False),
    "menteri sosial": ("Social Affairs Minister", False),
    "mensos": ("Social Affairs Minister", False),
    "menteri perhubungan": ("Transport Minister", False),
    "menhub": ("Transport Minister", False),
    "menteri pertanian": ("Agriculture Minister", False),
    "mentan": ("Agriculture Minister", False),
    "menteri pendidikan": ("Education Minister", False),
    "menteri pendidikan dan kebudayaan": ("Education and Culture Minister", False),
    "mendikbud": ("Education and Culture Minister", False),
    "menteri kelautan dan perikanan": ("Maritime Affairs and Fisheries Minister", False),
    "menteri hukum dan ham": ("Law and Human Rights Minister", False),
    "menkumham": ("Law and Human Rights Minister", False),
    "menteri energi dan sumber daya mineral": ("Energy and Mineral Resources Minister", False),
    "menteri esdm": ("Energy and Mineral Resources Minister", False),
    "menteri bumn": ("State-Owned Enterprises Minister", False),
    "menteri badan usaha milik negara": ("State-Owned Enterprises Minister", False),
    "menteri pekerjaan umum dan perumahan rakyat": ("Public Works and Housing Minister", False),
    "menteri pupr": ("Public Works and Housing Minister", False),
    "menteri lingkungan hidup dan kehutanan": ("Environment and Forestry Minister", False),
    "menteri pemuda dan olahraga": ("Youth and Sports Minister", False),
    "menpora": ("Youth and Sports Minister", False),
    "menteri komunikasi dan informatika": ("Communication and Informatics Minister", False),
    "menkominfo": ("Communication and Informatics Minister", False),
    "menteri pariwisata": ("Tourism Minister", False),
    "menpar": ("Tourism Minister", False),
    "menteri perindustrian": ("Industry Minister", False),
    "menperin": ("Industry Minister", False),
    "menteri ketenagakerjaan": ("Manpower Minister", False),
    "menaker": ("Manpower Minister", False),
    "menteri agama": ("Religious Affairs Minister", False),
    "menag": ("Religious Affairs Minister", False),
    "menteri sekretaris negara": ("State Secretary", False),
    "mensesneg": ("State Secretary", False),
    "menteri koordinator bidang perekonomian": ("Coordinating Minister for Economic Affairs", False),
    "menko perekonomian": ("Coordinating Minister for Economic Affairs", False),
    "menteri koordinator bidang kemaritiman": ("Coordinating Minister for Maritime Affairs", False),
    "menko kemaritiman": ("Coordinating Minister for Maritime Affairs", False),
    "menteri koordinator bidang politik, hukum, dan keamanan": ("Coordinating Minister for Political, Legal and Security Affairs", False),
    "menko polhukam": ("Coordinating Minister for Political, Legal and Security Affairs", False),
    "konsul jenderal": ("Consul General", False),
    "konjen": ("Consul General", False),
    "konsul": ("Consul", False),
    "kepala bidang hubungan masyarakat": ("Head of Public Relations", True),
    "kepala biro hubungan masyarakat": ("Head of Public Relations", True),
    "kepala divisi humas": ("Head of Public Relations", True),
    "kadiv humas": ("Head of Public Relations", True),
    "karo penmas": ("Head of Public Information", True),
    "kepala biro penerangan masyarakat": ("Head of Public Information", True),
    "founder": ("founder", False),
    "general manager": ("general manager", False),
    "chief operating officer": ("COO", False),
    "coo": ("COO", False),
    "cto": ("CTO", False),
    "cmo": ("CMO", False),
    "svp": ("senior vice president", False),
    "senior vice president": ("senior vice president", False),
    "managing director": ("managing director", False),
    "country manager": ("country manager", False),
    "komisaris utama": ("President Commissioner", False),
    "komisaris": ("Commissioner", False),
    "menteri koordinator": ("Coordinating Minister", False),
    "menko": ("Coordinating Minister", False),
    "menteri": ("Minister", False),
    "wakil menteri": ("Deputy Minister", False),
    "wamen": ("Deputy Minister", False),
    "direktur jenderal": ("Director General", False),
    "dirjen": ("Director General", False),
    "direktur utama": ("President Director", False),
    "dirut": ("President Director", False),
    "direktur eksekutif": ("Executive Director", False),
    "direktur": ("Director", False),
    "kadis": ("Head of Agency", False),
    "kepala desa": ("Village Head", False),
    "kades": ("Village Head", False),
    "kepala": ("Head", False),
    "kapolri": ("National Police Chief", False),
    "wakapolri": ("Deputy National Police Chief", False),
    "kapolda": ("Regional Police Chief", False),
    "wakapolda": ("Deputy Regional Police Chief", False),
    "kapolres": ("District Police Chief", False),
    "kapolresta": ("City Police Chief", False),
    "kapolrestabes": ("City Police Chief", False),
    "kapolsek": ("Sub-district Police Chief", False),
    "kasatreskrim": ("Head of Criminal Investigation", False),
    "panglima tni": ("TNI Commander", False),
    "panglima": ("Commander", False),
    "komandan": ("Commander", False),
    "danrem": ("Military Area Commander", False),
    "dandim": ("District Military Commander", False),
    "pangdam": ("Regional Military Commander", False),
    "kasad": ("Army Chief of Staff", False),
    "gubernur": ("Governor", False),
    "wakil gubernur": ("Deputy Governor", False),
    "wagub": ("Deputy Governor", False),
    "bupati": ("Regent", False),
    "wakil bupati": ("Deputy Regent", False),
    "wali kota": ("Mayor", False),
    "walikota": ("Mayor", False),
    "wakil wali kota": ("Deputy Mayor", False),
    "camat": ("District Head", False),
    "lurah": ("Village Head", False),
    "ketua umum": ("Chair", False),
    "wakil ketua umum": ("Deputy Chair", False),
    "pengelola": ("manager", True),
    "pengurus": ("administrator", True),
    "staf": ("staff member", True),
    "karyawan": ("employee", True),
    "relawan": ("volunteer", False),
    "pemain": ("player", False),
    "bek": ("defender", False),
    "kiper": ("goalkeeper", False),
    "penjaga gawang": ("goalkeeper", False),
    "gelandang": ("midfielder", False),
    "penyerang": ("striker", False),
    "striker": ("striker", False),
    "pesepak bola": ("footballer", False),
    "pebulu tangkis": ("badminton player", False),
    "petenis": ("tennis player", False),
    "petinju": ("boxer", False),
    "pemeran": ("actor", False),
    "aktor": ("actor", False),
    "aktris": ("actress", False),
    "penyanyi": ("singer", False),
    "atlet": ("athlete", False),
    "pebalap": ("racer", False),
    "co-founder": ("co-founder", False),
    "penduduk": ("resident", False),
    "pengunjung": ("visitor", False),
    "penumpang": ("passenger", False),
    "nelayan": ("fisherman", False),
    "petani": ("farmer", False),
    "pedagang": ("trader", False),
    "buruh": ("worker", False),
    "mahasiswa": ("student", False),
    "siswa": ("student", False),
    "vice president": ("vice president", False),
    "wakil direktur": ("Deputy Director", False),
    "ketum": ("Chair", False),
    "ketua": ("Chair", False),
    "wakil ketua": ("Deputy Chair", False),
    "sekretaris": ("Secretary", False),
    "duta besar": ("Ambassador", False),
    "dubes": ("Ambassador", False),
    "atase pertahanan": ("defence attaché", False),
    "atase": ("attaché", False),
    "jaksa agung": ("Attorney General", False),
    "jaksa": ("prosecutor", False),
    "hakim": ("judge", False),
    "anggota": ("member", False),
    "pemimpin": ("leader", False),
    "kanselir": ("Chancellor", False),
    "raja": ("King", False),
    "gubernur bank sentral": ("Central Bank Governor", False),
    "pejabat tinggi": ("senior official", True),
    "pejabat senior": ("senior official", True),
    "pejabat": ("official", True),
    "chief executive officer": ("CEO", False),
    "ceo": ("CEO", False),
    "cfo": ("CFO", False),
    "presiden direktur": ("President Director", False),
    "presdir": ("President Director", False),
    "direktur penyidikan": ("Director of Investigations", False),
    "pendiri": ("founder", False),
    "manajer": ("manager", False),
    "pelatih": ("coach", False),
    "kapten": ("captain", False),
    "produser": ("producer", False),
    "sutradara": ("director", False),
    "pemilik": ("owner", False),
    "kuasa hukum": ("lawyer", False),
    "pengacara": ("lawyer", False),
    "dokter": ("doctor", False),
    "rektor": ("Rector", False),
    "dekan": ("Dean", False),
    "guru besar": ("professor", False),
    "kepala sekolah": ("headteacher", False),
    "koordinator": ("coordinator", False),
    "sekretaris daerah": ("Regional Secretary", False),
    "sekda": ("Regional Secretary", False),
    "kepala kantor": ("Head of Office", False),
    "kepala balai": ("Head of Office", False),
    "kepala bagian": ("Head of Division", False),
    "kabag": ("Head of Division", False),
    "kepala seksi": ("Head of Section", False),
    "kasi": ("Head of Section", False),
    "kepala bidang": ("Head of Division", False),
    "kabid": ("Head of Division", False),
    "kepala hubungan masyarakat": ("Head of Public Relations", True),
    "staf khusus": ("special adviser", False),
    "stafsus": ("special adviser", False),
    "penasihat": ("adviser", False),
    "anggota dewan": ("council member", False),
    "pelaku": ("perpetrator", False),
    "tersangka": ("suspect", False),
    "korban": ("victim", False),
    "penyidik": ("investigator", True),
    "perwira": ("officer", True),
    "tentara": ("soldier", True),
    "prajurit": ("soldier", True),
    "petugas": ("officer", True),
    "diplomat": ("diplomat", True),
    "sumber": ("source", True),
    "pakar": ("expert", False),
    "ahli": ("expert", False),
    "analis": ("analyst", False),
    "pengamat": ("observer", False),
    "peneliti": ("researcher", False),
    "ekonom": ("economist", False),
    "saksi": ("witness", False),
    "warga": ("resident", False),
    "polisi": ("police", True),
    "aparat": ("authorities", True),
    "otoritas": ("authorities", True),
}

#: Roles that carry their organisation in the word itself.
ROLE_ORGS: dict[str, str] = {
    "kapolri": "Polri",
    "wakapolri": "Polri",
    "panglima tni": "TNI",
    "kasad": "TNI AD",
    "polisi": "Polri",
    "kapolda": "Polda",
    "kapolres": "Polres",
    "kapolresta": "Polresta",
    "kapolsek": "Polsek",
}

#: Ranks, titles and honorifics stripped from names.
RANKS: frozenset[str] = frozenset(
    """jenderal jend letjen mayjen brigjen kolonel kol letkol mayor kapten lettu letda
    laksamana laksdya laksda laksma marsekal marsdya marsda marsma komjen irjen brigjen kompol
    kompolpol ipu iptu ajun bharada bripda briptu bharatu bharaka serda sertu serka serma pelda peltu
    praka pratu prada kopda koptu kopka
    kombes kombespol akbp akp iptu ipda aiptu bripka brigadir jenderal(purn) purn
    prof dr drs dra ir h hj kh ust sir mr mrs ms tuan nyonya bapak pak ibu bu pol
    sdr saudara""".split()
)

#: Roles followed by the place they govern ("Bupati Bantul ...", "Kapolda Metro Jaya ...").
PLACE_ROLES: frozenset[str] = frozenset(
    """gubernur wakil gubernur wagub bupati wakil bupati wali kota walikota wakil wali kota
    camat lurah kepala desa kades kapolda kapolres kapolresta kapolrestabes kapolsek
    wakapolda danrem dandim pangdam dubes duta besar""".split("\n")[0].split()
) | frozenset({"wakil gubernur", "wakil bupati", "wali kota", "wakil wali kota", "kepala desa", "duta besar"})

#: Countries and regions: Indonesian -> (English noun, English adjective).
COUNTRIES: dict[str, tuple[str, str]] = {
    "amerika serikat": ("the United States", "US"),
    "as": ("the United States", "US"),
    "amerika": ("the United States", "US"),
    "korea selatan": ("South Korea", "South Korean"),
    "korsel": ("South Korea", "South Korean"),
    "korea utara": ("North Korea", "North Korean"),
    "korut": ("North Korea", "North Korean"),
    "rusia": ("Russia", "Russian"),
    "ukraina": ("Ukraine", "Ukrainian"),
    "inggris": ("the United Kingdom", "British"),
    "britania raya": ("the United Kingdom", "British"),
    "china": ("China", "Chinese"),
    "tiongkok": ("China", "Chinese"),
    "jepang": ("Japan", "Japanese"),
    "australia": ("Australia", "Australian"),
    "indonesia": ("Indonesia", "Indonesian"),
    "ri": ("Indonesia", "Indonesian"),
    "malaysia": ("Malaysia", "Malaysian"),
    "singapura": ("Singapore", "Singaporean"),
    "filipina": ("the Philippines", "Philippine"),
    "thailand": ("Thailand", "Thai"),
    "vietnam": ("Vietnam", "Vietnamese"),
    "india": ("India", "Indian"),
    "pakistan": ("Pakistan", "Pakistani"),
    "iran": ("Iran", "Iranian"),
    "irak": ("Iraq", "Iraqi"),
    "israel": ("Israel", "Israeli"),
    "palestina": ("Palestine", "Palestinian"),
    "mesir": ("Egypt", "Egyptian"),
    "arab saudi": ("Saudi Arabia", "Saudi"),
    "turki": ("Turkey", "Turkish"),
    "jerman": ("Germany", "German"),
    "prancis": ("France", "French"),
    "perancis": ("France", "French"),
    "italia": ("Italy", "Italian"),
    "spanyol": ("Spain", "Spanish"),
    "belanda": ("the Netherlands", "Dutch"),
    "polandia": ("Poland", "Polish"),
    "kanada": ("Canada", "Canadian"),
    "brasil": ("Brazil", "Brazilian"),
    "taiwan": ("Taiwan", "Taiwanese"),
    "barat": ("the West", "Western"),
    "eropa": ("Europe", "European"),
    "uni eropa": ("the European Union", "EU"),
}

#: Indonesian provinces and big cities: kept as they are in English.
PLACES: frozenset[str] = frozenset(
    """aceh sumatera utara sumatera barat riau jambi bengkulu lampung bangka belitung
    kepulauan riau dki jakarta jakarta jawa barat jawa tengah jawa timur banten yogyakarta
    diy bali nusa tenggara barat ntb nusa tenggara timur ntt kalimantan barat kalimantan
    tengah kalimantan selatan kalimantan timur kalimantan utara sulawesi utara sulawesi
    tengah sulawesi selatan sulawesi tenggara sulawesi barat gorontalo maluku maluku utara
    papua papua barat metro jaya bandung surabaya semarang medan makassar palembang
    denpasar bogor depok bekasi tangerang malang solo surakarta padang pekanbaru
    balikpapan samarinda pontianak manado kupang mataram jayapura ambon cianjur garut
    sleman bantul kursk donetsk kyiv kiev moskow pyongyang seoul washington jateng jatim jabar
    jakbar jaksel jakpus jakut jaktim kaltim kalbar kalsel kalteng kaltara sulsel sulut sulteng
    sultra sulbar sumut sumbar sumsel babel kepri jogja sumedang karawang purwakarta subang
    tasikmalaya cirebon kediri madiun jember banyuwangi probolinggo pasuruan sidoarjo gresik
    lamongan tuban bojonegoro magelang klaten boyolali sukoharjo wonogiri karanganyar sragen
    kudus pati rembang demak jepara tegal brebes pekalongan batang kendal salatiga purwokerto
    banyumas cilacap kebumen purworejo wonosobo temanggung""".split()
)

#: Multi-word places, matched as phrases.
PLACE_PHRASES: tuple[str, ...] = (
    "sumatera utara", "sumatera barat", "sumatera selatan", "bangka belitung", "kepulauan riau",
    "dki jakarta", "jawa barat", "jawa tengah", "jawa timur", "nusa tenggara barat",
    "nusa tenggara timur", "kalimantan barat", "kalimantan tengah", "kalimantan selatan",
    "kalimantan timur", "kalimantan utara", "sulawesi utara", "sulawesi tengah",
    "sulawesi selatan", "sulawesi tenggara", "sulawesi barat", "maluku utara", "papua barat",
    "metro jaya", "daerah istimewa yogyakarta",
)

#: Words that head an organisation's name, with their English rendering.
ORG_HEADS: dict[str, str] = {
    "kementerian": "Ministry",
    "kemenkes": "Ministry of Health",
    "departemen": "Department",
    "badan": "Agency",
    "dinas": "Agency",
    "lembaga": "Institute",
    "komisi": "Commission",
    "dewan": "Council",
    "direktorat": "Directorate",
    "kantor": "Office",
    "pusat": "Centre",
    "biro": "Bureau",
    "kepolisian": "Police",
    "polda": "Regional Police",
    "polres": "District Police",
    "polresta": "City Police",
    "polrestabes": "City Police",
    "polsek": "Sub-district Police",
    "kejaksaan": "Prosecutor's Office",
    "pengadilan": "Court",
    "mahkamah": "Court",
    "pemerintah": "government",
    "pemprov": "provincial government",
    "pemkab": "regency government",
    "pemkot": "city government",
    "kedutaan besar": "Embassy",
    "kedubes": "Embassy",
    "konsulat": "Consulate",
    "universitas": "University",
    "partai": "Party",
    "pasukan": "Forces",
    "angkatan": "Forces",
    "militer": "military",
    "tentara": "army",
    "rumah sakit": "Hospital",
    "rs": "Hospital",
    "bank": "Bank",
    "perusahaan": "company",
    "pt": "PT",
    "yayasan": "Foundation",
    "organisasi": "Organisation",
    "kelompok": "group",
    "satgas": "Task Force",
    "satuan tugas": "Task Force",
    "otoritas": "Authority",
    "intelijen": "intelligence",
    "posko": "command post",
    "timnas": "national team",
    "tim nasional": "national team",
    "pos pengamatan": "observation post",
}

#: Words inside organisation names.
ORG_WORDS: dict[str, str] = {
    "kesehatan": "Health",
    "pertahanan": "Defence",
    "luar negeri": "Foreign Affairs",
    "dalam negeri": "Home Affairs",
    "keuangan": "Finance",
    "pendidikan": "Education",
    "kebudayaan": "Culture",
    "perdagangan": "Trade",
    "perdagangan luar negeri": "Foreign Trade",
    "perdagangan dalam negeri": "Domestic Trade",
    "hubungan masyarakat": "Public Relations",
    "perekonomian": "Economic Affairs",
    "komunikasi": "Communication",
    "informatika": "Informatics",
    "perhubungan": "Transportation",
    "sosial": "Social Affairs",
    "agama": "Religious Affairs",
    "pertanian": "Agriculture",
    "perindustrian": "Industry",
    "hukum": "Law",
    "ham": "Human Rights",
    "energi": "Energy",
    "sumber daya mineral": "Mineral Resources",
    "kelautan": "Maritime Affairs",
    "perikanan": "Fisheries",
    "pariwisata": "Tourism",
    "lingkungan hidup": "Environment",
    "kehutanan": "Forestry",
    "ketenagakerjaan": "Manpower",
    "tenaga kerja": "Manpower",
    "intelijen": "Intelligence",
    "nasional": "National",
    "keamanan": "Security",
    "penanggulangan bencana": "Disaster Management",
    "pencarian dan pertolongan": "Search and Rescue",
    "statistik": "Statistics",
    "pemadam kebakaran": "Fire and Rescue",
    "pendapatan": "Revenue",
    "pajak": "Tax",
    "bea cukai": "Customs",
    "imigrasi": "Immigration",
    "pekerjaan umum": "Public Works",
    "perumahan": "Housing",
    "khusus": "Special",
    "resor": "District",
    "sektor": "Sub-district",
    "daerah": "Regional",
    "provinsi": "Provincial",
    "kota": "City",
    "kabupaten": "Regency",
    "negara": "State",
    "republik": "Republic",
    "tinggi": "High",
    "agung": "Supreme",
    "umum": "General",
    "pusat": "Central",
    "rakyat": "People's",
    "perwakilan": "Representative",
    "pemberantasan korupsi": "Corruption Eradication",
    "pengawas": "Supervisory",
    "pemilihan": "Election",
    "pemilu": "Election",
    "meteorologi": "Meteorology",
    "klimatologi": "Climatology",
    "geofisika": "Geophysics",
    "jasa": "Services",
    "gedung putih": "White House",
    "angkatan darat": "Army",
    "angkatan laut": "Navy",
    "angkatan udara": "Air Force",
    "bersenjata": "Armed",
}

#: Well-known entities: key -> (English display name, kind, aliases in Indonesian/English).
#: An alias in parentheses after a long name ("... (Pentagon)") also makes an alias at run time.
KNOWN_ENTITIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "nato": ("NATO", "organization", (
        "nato", "north atlantic treaty organization", "pakta pertahanan atlantik utara",
        "aliansi pertahanan atlantik utara", "organisasi pakta atlantik utara",
    )),
    "pentagon": ("Pentagon (US Department of Defense)", "organization", (
        "pentagon", "departemen pertahanan amerika serikat", "departemen pertahanan as",
        "kementerian pertahanan amerika serikat", "kementerian pertahanan as", "dephan as",
        "us department of defense", "department of defense",
    )),
    "nis": ("South Korea's National Intelligence Service", "organization", (
        "badan intelijen nasional korea selatan", "badan intelijen korea selatan",
        "badan intelijen nasional korsel", "badan intelijen korsel", "dinas intelijen korea selatan",
        "dinas intelijen nasional korea selatan", "intelijen korea selatan", "nis",
        "national intelligence service",
    )),
    "white-house-nsc": ("White House National Security Council", "organization", (
        "dewan keamanan nasional gedung putih", "dewan nasional gedung putih",
        "dewan keamanan nasional as", "dewan keamanan nasional amerika serikat",
    )),
    "white-house": ("the White House", "organization", ("gedung putih",)),
    "kremlin": ("the Kremlin", "organization", ("kremlin",)),
    "hur": ("Ukraine's Defence Intelligence Directorate (HUR)", "organization", (
        "direktorat intelijen pertahanan ukraina", "direktorat intelijen utama ukraina",
        "badan intelijen militer ukraina", "intelijen militer ukraina", "hur",
    )),
    "ukraine-special-forces": ("Ukraine's Special Operations Forces", "organization", (
        "pasukan khusus ukraina", "pasukan operasi khusus ukraina",
    )),
    "bnpb": ("BNPB (National Disaster Management Agency)", "organization", (
        "bnpb", "badan nasional penanggulangan bencana",
    )),
    "bpbd": ("BPBD (Regional Disaster Management Agency)", "organization", (
        "bpbd", "badan penanggulangan bencana daerah",
    )),
    "basarnas": ("Basarnas (National Search and Rescue Agency)", "organization", (
        "basarnas", "badan nasional pencarian dan pertolongan", "badan sar nasional",
    )),
    "bmkg": ("BMKG (Meteorology, Climatology and Geophysics Agency)", "organization", (
        "bmkg", "badan meteorologi klimatologi dan geofisika", "badan meteorologi, klimatologi, dan geofisika",
    )),
    "bps": ("BPS (Statistics Indonesia)", "organization", ("bps", "badan pusat statistik")),
    "kemenkes": ("Ministry of Health", "organization", (
        "kemenkes", "kementerian kesehatan", "kementerian kesehatan ri", "depkes",
    )),
    "kemlu": ("Ministry of Foreign Affairs", "organization", (
        "kemlu", "kemenlu", "kementerian luar negeri", "kementerian luar negeri ri",
    )),
    "kemhan": ("Ministry of Defence", "organization", (
        "kemhan", "kemenhan", "kementerian pertahanan", "kementerian pertahanan ri",
    )),
    "kemenkeu": ("Ministry of Finance", "organization", ("kemenkeu", "kementerian keuangan")),
    "kemendagri": ("Ministry of Home Affairs", "organization", ("kemendagri", "kementerian dalam negeri")),
    "kpk": ("KPK (Corruption Eradication Commission)", "organization", (
        "kpk", "komisi pemberantasan korupsi",
    )),
    "polri": ("Indonesian National Police (Polri)", "organization", (
        "polri", "kepolisian negara republik indonesia", "kepolisian ri", "mabes polri",
    )),
    "tni": ("Indonesian Armed Forces (TNI)", "organization", ("tni", "tentara nasional indonesia")),
    "bi": ("Bank Indonesia", "organization", ("bank indonesia",)),
    "ojk": ("OJK (Financial Services Authority)", "organization", ("ojk", "otoritas jasa keuangan")),
    "kpu": ("KPU (General Elections Commission)", "organization", ("kpu", "komisi pemilihan umum")),
    "bawaslu": ("Bawaslu (Election Supervisory Agency)", "organization", ("bawaslu", "badan pengawas pemilu")),
    "dpr": ("DPR (House of Representatives)", "organization", ("dpr", "dpr ri", "dewan perwakilan rakyat")),
    "kejagung": ("Attorney General's Office", "organization", ("kejagung", "kejaksaan agung")),
    "mk": ("Constitutional Court", "organization", ("mahkamah konstitusi",)),
    "kadin": ("Kadin (Indonesian Chamber of Commerce and Industry)", "organization", ("kadin", "kamar dagang dan industri indonesia")),
    "mui": ("MUI (Indonesian Ulema Council)", "organization", ("mui", "majelis ulama indonesia")),
    "pbnu": ("PBNU (Nahdlatul Ulama executive board)", "organization", ("pbnu", "pengurus besar nahdlatul ulama")),
    "apindo": ("Apindo (Employers' Association of Indonesia)", "organization", ("apindo", "asosiasi pengusaha indonesia")),
    "pln": ("PLN (state electricity company)", "organization", ("pln", "pt pln", "perusahaan listrik negara")),
    "pertamina": ("Pertamina (state energy company)", "organization", ("pertamina", "pt pertamina")),
    "bpjs": ("BPJS (social security agency)", "organization", ("bpjs", "bpjs kesehatan", "bpjs ketenagakerjaan")),
    "bappenas": ("Bappenas (National Development Planning Agency)", "organization", ("bappenas", "badan perencanaan pembangunan nasional")),
    "brin": ("BRIN (National Research and Innovation Agency)", "organization", ("brin", "badan riset dan inovasi nasional")),
    "bnn": ("BNN (National Narcotics Agency)", "organization", ("bnn", "badan narkotika nasional")),
    "bnpt": ("BNPT (National Counter-Terrorism Agency)", "organization", ("bnpt", "badan nasional penanggulangan terorisme")),
    "densus": ("Densus 88 (counter-terrorism police)", "organization", ("densus 88", "densus 88 antiteror")),
    "bareskrim": ("Bareskrim (Criminal Investigation Agency, Polri)", "organization", ("bareskrim", "bareskrim polri", "badan reserse kriminal")),
    "komnas-ham": ("Komnas HAM (National Human Rights Commission)", "organization", ("komnas ham", "komisi nasional hak asasi manusia")),
    "kpai": ("KPAI (Indonesian Child Protection Commission)", "organization", ("kpai", "komisi perlindungan anak indonesia")),
    "bpk": ("BPK (Audit Board)", "organization", ("bpk", "badan pemeriksa keuangan")),
    "lps": ("LPS (Deposit Insurance Corporation)", "organization", ("lembaga penjamin simpanan",)),
    "ksp": ("Presidential Staff Office (KSP)", "organization", ("kantor staf presiden", "ksp")),
    "istana": ("the Presidential Palace", "organization", ("istana kepresidenan", "istana negara", "istana")),
    "pvmbg": ("PVMBG (Volcanology and Geological Hazard Mitigation Centre)", "organization", ("pvmbg",)),
    "un": ("the United Nations", "organization", ("pbb", "perserikatan bangsa-bangsa", "perserikatan bangsa bangsa")),
    "who": ("the World Health Organization", "organization", ("who", "organisasi kesehatan dunia")),
    "imf": ("the IMF", "organization", ("imf", "dana moneter internasional")),
    "world-bank": ("the World Bank", "organization", ("bank dunia", "world bank")),
    "eu": ("the European Union", "organization", ("uni eropa",)),
}

#: News outlets and agencies: a medium is never a confirmer. Canonical name -> aliases.
OUTLETS: dict[str, tuple[str, ...]] = {
    "AFP": ("afp", "agence france-presse", "agence france presse", "kantor berita afp"),
    "Reuters": ("reuters", "reuter", "kantor berita reuters"),
    "AP": ("associated press", "ap"),
    "ABC News": ("abc news", "abc"),
    "BBC": ("bbc", "bbc news"),
    "CNN": ("cnn",),
    "CNN Indonesia": ("cnn indonesia", "cnnindonesia", "cnnindonesia.com"),
    "CNBC Indonesia": ("cnbc indonesia",),
    "Al Jazeera": ("al jazeera", "aljazeera"),
    "Kyiv Independent": ("kyiv independent", "the kyiv independent"),
    "Kyiv Post": ("kyiv post",),
    "Tribunnews": ("tribunnews", "tribunnews.com", "tribun"),
    "Kontan": ("kontan", "kontan.co.id"),
    "Kompas": ("kompas", "kompas.com", "harian kompas"),
    "Detik": ("detik", "detikcom", "detik.com", "detiknews"),
    "Tempo": ("tempo", "tempo.co"),
    "Antara": ("antara", "kantor berita antara", "antaranews"),
    "Liputan6": ("liputan6", "liputan6.com"),
    "Okezone": ("okezone",),
    "Sindonews": ("sindonews",),
    "Republika": ("republika",),
    "Kumparan": ("kumparan",),
    "IDN Times": ("idn times",),
    "Bloomberg": ("bloomberg",),
    "The Guardian": ("the guardian", "guardian"),
    "The New York Times": ("new york times", "the new york times", "nyt"),
    "The Washington Post": ("washington post", "the washington post"),
    "The Wall Street Journal": ("wall street journal", "wsj"),
    "Financial Times": ("financial times",),
    "Yonhap": ("yonhap", "kantor berita yonhap"),
    "KCNA": ("kcna", "kantor berita pusat korea"),
    "TASS": ("tass", "kantor berita tass"),
    "RIA Novosti": ("ria novosti",),
    "Xinhua": ("xinhua",),
    "Kyodo": ("kyodo",),
    "NHK": ("nhk",),
    "Sky News": ("sky news",),
    "Sky Sports": ("sky sports", "sky sports italia"),
    "ESPN": ("espn",),
    "Goal": ("goal.com",),
    "Merdeka": ("merdeka.com",),
    "Brilio": ("brilio.net",),
    "Viva": ("viva.co.id",),
    "JPNN": ("jpnn", "jpnn.com"),
    "Jawa Pos": ("jawa pos", "jawapos", "jawapos.com"),
    "iNews": ("inews", "inews.id"),
    "Metro TV": ("metro tv", "metrotvnews"),
    "TVOne": ("tvone", "tv one"),
    "Kompas TV": ("kompas tv",),
    "Berita Satu": ("beritasatu", "berita satu"),
    "The Straits Times": ("straits times", "the straits times"),
    "South China Morning Post": ("south china morning post", "scmp"),
    "Nikkei": ("nikkei", "nikkei asia"),
    "Channel News Asia": ("channel news asia", "cna"),
    "Le Monde": ("le monde",),
    "Der Spiegel": ("der spiegel", "spiegel"),
    "The Times": ("the times",),
    "The Telegraph": ("the telegraph", "telegraph"),
    "The Independent": ("the independent",),
    "Daily Mail": ("daily mail",),
    "Newsweek": ("newsweek",),
    "Time": ("majalah time",),
    "Interfax": ("interfax",),
    "RT": ("russia today",),
    "Ukrainska Pravda": ("ukrainska pravda",),
    "NK News": ("nk news",),
    "Korea Herald": ("korea herald", "the korea herald"),
    "Korea JoongAng Daily": ("joongang", "korea joongang daily"),
    "Chosun Ilbo": ("chosun ilbo", "chosun"),
    "Fox News": ("fox news",),
    "NBC News": ("nbc", "nbc news"),
    "CBS News": ("cbs", "cbs news"),
    "Politico": ("politico",),
    "Axios": ("axios",),
    "VOA": ("voa", "voice of america"),
    "Deutsche Welle": ("deutsche welle", "dw"),
    "The Jakarta Post": ("jakarta post", "the jakarta post"),
    "Media Indonesia": ("media indonesia",),
    "Suara": ("suara.com",),
    "Bisnis Indonesia": ("bisnis indonesia", "bisnis.com"),
    "Katadata": ("katadata",),
}

#: People whose job is to report (never a source of the claim).
REPORTER_WORDS: frozenset[str] = frozenset({"wartawan", "reporter", "jurnalis", "koresponden", "awak media", "media"})

#: Words that open an anonymous source ("seorang pejabat Barat").
ANON_OPENERS: frozenset[str] = frozenset({"seorang", "salah satu", "salah seorang", "sejumlah", "beberapa", "para", "sebuah", "dua", "tiga"})

#: Pronouns standing for a source named elsewhere.
PRONOUNS: frozenset[str] = frozenset({"ia", "dia", "beliau", "mereka", "pihaknya", "-nya", "nya"})

#: Nouns for a document rather than a speaker ("Laporan yang diperoleh AFP").
REPORT_NOUNS: frozenset[str] = frozenset(
    """laporan data informasi dokumen hasil catatan rilis pernyataan keterangan kabar berita
    penilaian analisis temuan survei penelitian kajian estimasi perkiraan""".split()
)

_ANON_MARKERS = (
    "tidak disebutkan namanya", "tak disebutkan namanya", "enggan disebutkan namanya",
    "enggan disebut namanya", "tidak mau disebutkan namanya", "yang tidak disebutkan",
    "anonim", "tanpa nama",
)

_STOP_NAME = frozenset(
    """yang dan atau di ke dari pada untuk dengan oleh dalam bahwa ini itu tersebut juga
    telah sudah akan sedang baru-baru langsung secara resmi kepada saat ketika usai""".split()
)

_ACRONYM_RE = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9&.\-]{1,11}$")
_RANK_PHRASE_RE = re.compile(
    r"\((?:pol|purn|purn\.|tni|ret)\)|"
    r"\b(?:ajun\s+)?komisari?s?\s+(?:besar|jenderal)(?:\s+polisi)?\b|\b(?:ajun\s+)?komisaris\s+polisi\b|\binspektur\s+jenderal(?:\s+polisi)?\b|"
    r"\bbrigadir\s+jenderal(?:\s+polisi)?\b|\b(?:mayor|letnan)\s+jenderal\b|\b(?:laksamana|marsekal)\s+(?:muda|madya|pertama)\b",
    re.I,
)
_PAREN_RE = re.compile(r"\(([^()]{1,80})\)")


# --------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """A source phrase taken apart. Indonesian spans are kept next to their English."""

    text: str  # the Indonesian phrase as found
    kind: str  # person | organization | anonymous | country | medium | reporter | pronoun | document
    who: str | None = None  # a person's name without rank or title ("Mark Rutte")
    role: str | None = None  # English ("Secretary General")
    role_id: str | None = None  # Indonesian span ("Sekjen")
    organization: str | None = None  # English ("NATO")
    organization_id: str | None = None  # Indonesian span ("Pakta Pertahanan Atlantik Utara (NATO)")
    org_key: str | None = None  # canonical key of the organisation, when known
    affiliation: str | None = None  # English adjective for anonymous sources ("Western")
    speaks_for_org: bool = False
    former: bool = False
    aliases: tuple[str, ...] = ()  # acronyms defined in parentheses


@dataclass(frozen=True)
class Entity:
    """A canonical source: everything said by its aliases is grouped under `key`."""

    key: str
    name: str  # English display name ("Mark Rutte, NATO Secretary General")
    kind: str
    who: str | None = None
    role: str | None = None
    organization: str | None = None


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("“", "").replace("”", "").replace('"', "")
    text = re.sub(r"[.,;:]+$", "", text.strip())
    return re.sub(r"\s+", " ", text).strip().lower()


def _alias_table() -> list[tuple[str, str]]:
    pairs = [(alias, key) for key, (_, _, aliases) in KNOWN_ENTITIES.items() for alias in aliases]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _outlet_table() -> list[tuple[str, str]]:
    pairs = [(alias, name) for name, aliases in OUTLETS.items() for alias in aliases]
    return sorted(pairs, key=lambda p: -len(p[0]))


_ALIASES = tuple(_alias_table())
_OUTLET_ALIASES = tuple(_outlet_table())
_ROLE_KEYS = tuple(sorted(ROLES, key=lambda r: -len(r)))
_COUNTRY_KEYS = tuple(sorted(COUNTRIES, key=lambda c: -len(c)))
_ORG_WORD_KEYS = tuple(sorted(ORG_WORDS, key=lambda w: -len(w)))
_ORG_HEAD_KEYS = tuple(sorted(ORG_HEADS, key=lambda w: -len(w)))


#: Known entities that are Indonesian bodies: followed by another country, they are that country's.
_INDONESIAN_BODIES = frozenset({"kemenkes", "kemlu", "kemhan", "kemenkeu", "kemendagri", "polri", "tni", "dpr", "kejagung",
                                "mk", "bnpb", "bmkg", "bps", "kpk", "kpu", "bawaslu", "bnn", "bnpt", "bpk"})

_SHORT_ENTITY_ALIASES = frozenset({"pbb", "who", "imf", "kpk", "bps", "tni", "dpr", "kpu", "nis", "hur", "ojk",
                                   "mui", "pln", "bnn", "bpk", "ksp"})


def _alternation(aliases: list[str]) -> re.Pattern[str]:
    ordered = sorted(set(aliases), key=lambda a: -len(a))
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in ordered) + r")(?![\w])")


_ENTITY_KEYS = {alias: key for alias, key in _ALIASES if len(alias) > 3 or alias in _SHORT_ENTITY_ALIASES}
_ENTITY_RE = _alternation(list(_ENTITY_KEYS))
_OUTLET_NAMES = {alias: name for alias, name in _OUTLET_ALIASES}
_OUTLET_LONG_RE = _alternation([a for a in _OUTLET_NAMES if len(a) > 3])
_OUTLET_SHORT_RE = _alternation([a.upper() for a in _OUTLET_NAMES if len(a) <= 3])


def _prefix_re(keys: tuple[str, ...], stop: str = r"\s") -> re.Pattern[str]:
    """Match any key at the start of a string, longest first, ending at `stop` or the end."""
    ordered = sorted(keys, key=lambda k: -len(k))
    return re.compile(r"(?:" + "|".join(re.escape(k) for k in ordered) + r")(?=" + stop + r"|$)")


_ROLE_PREFIX = _prefix_re(_ROLE_KEYS, r"[\s,]")
_COUNTRY_PREFIX = _prefix_re(_COUNTRY_KEYS)
_ORG_HEAD_PREFIX = _prefix_re(_ORG_HEAD_KEYS)
_ORG_WORD_PREFIX = _prefix_re(_ORG_WORD_KEYS)


def _prefix(pattern: re.Pattern[str], low: str) -> str | None:
    """The longest table key that `low` starts with, as a whole word or words."""
    m = pattern.match(low)
    return m.group(0) if m else None


def find_medium(text: str) -> str | None:
    """The canonical name of the news outlet or agency named in `text`, if any.

    Short acronyms count only in their upper-case form ("AP", "ABC"); the longest name wins.
    """
    low = _norm(text)
    found = [m.group(0) for m in _OUTLET_LONG_RE.finditer(low)]
    found += [m.group(0).lower() for m in _OUTLET_SHORT_RE.finditer(text)]
    if not found:
        return None
    return _OUTLET_NAMES[max(found, key=len)]


def is_medium(text: str) -> bool:
    """True when the phrase is (mostly) the name of an outlet: "Kyiv Independent", "kantor berita AFP"."""
    name = find_medium(text)
    if name is None:
        return False
    rest = _norm(text)
    for alias in sorted(OUTLETS[name], key=len, reverse=True):
        rest = rest.replace(alias, " ")
    rest = re.sub(r"\b(kantor berita|media|situs|laman|harian|surat kabar|stasiun televisi|the)\b", " ", rest)
    return len(rest.split()) <= 2


def _known_entity(low: str) -> tuple[str, re.Match[str]] | None:
    matches = list(_ENTITY_RE.finditer(low))
    if not matches:
        return None
    best = max(matches, key=lambda m: len(m.group(0)))
    return _ENTITY_KEYS[best.group(0)], best


def translate_org(text: str) -> str:
    """English for an organisation's Indonesian name, word by word from the tables.

    "Kementerian Kesehatan" -> "Ministry of Health"; "Dinas Pemadam Kebakaran DKI Jakarta"
    -> "DKI Jakarta Fire and Rescue Agency". Words not in the tables are kept as they are.
    """
    low = _norm(text)
    match = _known_entity(low)
    if match and match[1].group(0) == low:
        return KNOWN_ENTITIES[match[0]][0]
    located = re.match(r"^(.+?)\s+di\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)$", _norm_keep_case(text))
    if located:
        return f"{translate_org(located.group(1))} in {located.group(2)}"
    words = low.split()
    head = None
    key = _prefix(_ORG_HEAD_PREFIX, low)
    if key is not None:
        head = ORG_HEADS[key]
        words = low[len(key):].split()
    parts: list[str] = []
    place: str | None = None
    i = 0
    original = _norm_keep_case(text).split()
    offset = len(original) - len(words)
    while i < len(words):
        rest = " ".join(words[i:])
        if words[i] in ("kabupaten", "kota", "provinsi", "kab.", "kab") and i + 1 < len(words):
            kind = {"kota": "City", "provinsi": "Province"}.get(words[i], "Regency")
            parts.insert(0, f"{original[offset + i + 1] if offset + i + 1 < len(original) else words[i + 1]} {kind}")
            i += 2
            continue
        hit = _prefix(_ORG_WORD_PREFIX, rest)
        if hit:
            parts.append(ORG_WORDS[hit])
            i += len(hit.split())
            continue
        place_hit = next((p for p in PLACE_PHRASES if rest == p or rest.startswith(p + " ")), None)
        if place_hit:
            n = len(place_hit.split())
            place_words = original[offset + i: offset + i + n]
            parts.insert(0, " ".join(place_words))
            i += n
            continue
        country = _prefix(_COUNTRY_PREFIX, rest)
        if country:
            place = COUNTRIES[country][0]
            i += len(country.split())
            continue
        if words[i] in ("dan", "&"):
            parts.append("and")
        elif words[i] not in ("ri", "republik", "indonesia"):
            parts.append(original[offset + i] if offset + i < len(original) else words[i])
        i += 1
    if head in ("PT", "Bank", "University", "Party", "Foundation", "Hospital", "Hospital"):
        return _norm_keep_case(text)  # a proper name: "Universitas Indonesia", "PT Pertamina"
    known_words = set(ORG_WORDS.values())
    if parts and place is None and head and head[0].isupper() and not any(p in known_words or " " in p for p in parts):
        return _norm_keep_case(text)  # nothing to translate: keep the Indonesian proper name
    tail: list[str] = []
    while parts and parts[-1][:1].isupper() and parts[-1] not in known_words and len(parts) > 1:
        tail.insert(0, parts.pop())  # "Kepolisian Resor Bogor": Bogor is the place
    if tail:
        parts.insert(0, " ".join(tail))
    if head is None:
        name = " ".join(parts) or _norm_keep_case(text)
        return f"{name} of {place}" if place else name
    if head in ("Ministry", "Department", "Directorate", "Office", "Centre", "Bureau"):
        name = f"{head} of {' '.join(parts)}" if parts else head
    else:
        name = f"{' '.join(parts)} {head}".strip()
    if place:
        name = f"{_possessive(place)} {name}"
    return name


def _possessive(place: str) -> str:
    place = place.removeprefix("the ")
    return f"{place}'" if place.endswith("s") else f"{place}'s"


def _norm_keep_case(text: str) -> str:
    text = text.replace("“", "").replace("”", "").replace('"', "")
    text = re.sub(r"[.,;:]+$", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def _is_name_token(word: str) -> bool:
    bare = word.strip(".,'’()")
    if not bare or not bare[0].isupper():
        return False
    low = bare.lower()
    if low in RANKS or low in _STOP_NAME or low in COUNTRIES or low in ROLES or low in PLACES:
        return False
    return not bare.isdigit()


# --------------------------------------------------------------------------------------
# Parsing a source phrase
# --------------------------------------------------------------------------------------


def parse_source(text: str) -> Source | None:
    """Take apart an Indonesian source phrase; None when nothing in it names a source.

    >>> parse_source("Sekjen NATO, Mark Rutte").who
    'Mark Rutte'
    """
    raw = _norm_keep_case(text)
    raw = re.sub(r"^(?:pihak|kalangan)\s+", "", raw, flags=re.I)
    if not raw:
        return None
    low = raw.lower()
    raw = _RANK_PHRASE_RE.sub(" ", raw)
    raw = re.sub(r"\s+", " ", raw).strip(" ,")
    if not raw:
        return None
    low = raw.lower()
    aliases = tuple(
        m.group(1).strip() for m in _PAREN_RE.finditer(raw)
        if _ACRONYM_RE.match(m.group(1).strip()) or _known_entity(m.group(1).strip().lower())
    )
    plain = _PAREN_RE.sub(" ", raw)
    plain = re.sub(r"\s+", " ", plain).strip(" ,")
    plain_low = plain.lower()
    words_low = plain_low.replace(",", " ").split()
    if not words_low:
        return None

    if "," in plain:
        merged = _parse_segments(raw, plain, aliases)
        if merged is not None:
            return merged
    if words_low[0] in PRONOUNS or plain_low in PRONOUNS:
        return Source(text=raw, kind="pronoun")
    if words_low[0] in REPORT_NOUNS or (
        len(words_low) > 1 and words_low[0] in ("sebuah", "satu", "hasil") and words_low[1] in REPORT_NOUNS
    ):
        return Source(text=raw, kind="document")
    if any(w in REPORTER_WORDS for w in words_low[:2]) and not find_medium(plain):
        return Source(text=raw, kind="reporter", role="reporter")
    if is_medium(plain) and not _known_entity(plain_low):
        return Source(text=raw, kind="medium", organization=find_medium(plain))

    former = False
    body = plain
    if re.match(r"^(mantan|eks|bekas)\s", body, re.I):
        former = True
        body = body.split(" ", 1)[1]

    anonymous = False
    opener = re.match(r"^(seorang|salah satu|salah seorang|sejumlah|beberapa|para|dua|tiga|sebuah)\s+", body, re.I)
    if opener:
        anonymous = True
        body = body[opener.end():]
        if re.match(r"^(mantan|eks)\s", body, re.I):
            former = True
            body = body.split(" ", 1)[1]
    if any(m in low for m in _ANON_MARKERS):
        anonymous = True

    # Role at the start ("Juru Bicara Pentagon ...", "Kapolda Metro Jaya ...")
    body_low = body.lower()
    role_key = _prefix(_ROLE_PREFIX, body_low)
    role_id = body[: len(role_key)] if role_key else None
    rest = body[len(role_key):].strip(" ,") if role_key else body
    role_en, speaks = ROLES[role_key] if role_key else (None, False)
    joined = _JOINED_ROLE_RE.match(rest) if role_key else None
    second = _prefix(_ROLE_PREFIX, rest[joined.end():].lower()) if joined else None
    if joined and second:
        # "Co-Founder & CEO Ruangguru ...", "Pendiri sekaligus CEO ...": two roles held at once
        end = joined.end() + len(second)
        role_id = f"{role_id} {rest[:end]}".strip()
        role_en = f"{role_en} and {ROLES[second][0]}"
        speaks = speaks and ROLES[second][1]
        role_key = second
        rest = rest[end:].strip(" ,")
    rest = re.sub(r"^(dari|di|pada)\s+", "", rest, flags=re.I)
    rest = re.sub(r"^(aliansi|pakta|organisasi)\s+(?=[A-Z])", "", rest)

    # Organisation: a known entity, else a country, else an org head ("Dinas X")
    organization = organization_id = org_key = None
    affiliation = None
    rest_low = rest.lower()
    name_part = rest
    known = _known_entity(rest_low)
    if known is None and aliases:
        for alias in aliases:
            known_alias = _known_entity(alias.lower())
            if known_alias:
                known = (known_alias[0], None)  # type: ignore[assignment]
                break
    if known is not None:
        org_key = known[0]
        organization = KNOWN_ENTITIES[org_key][0]
        if known[1] is not None:
            m = known[1]
            organization_id = rest[: m.end()].strip(" ,") if m.start() < 40 else rest[m.start(): m.end()]
            name_part = rest[m.end():]
            place = name_part.split()[0].strip(",.") if name_part.split() else ""
            if place.lower() in PLACES and not m.group(0) in ("pentagon", "kremlin", "nato"):
                # "KPU Jateng", "BPBD Garut": the regional branch is an organisation of its own
                organization = f"{organization} {place}"
                organization_id = f"{organization_id} {place}"
                org_key = f"org:{_norm(organization_id)}"
                name_part = name_part.split(None, 1)[1] if len(name_part.split()) > 1 else ""
            foreign = _prefix(_COUNTRY_PREFIX, name_part.strip(" ,").lower())
            if foreign and COUNTRIES[foreign][0] != "Indonesia" and org_key in _INDONESIAN_BODIES:
                # "Kementerian Kesehatan Arab Saudi": another country's ministry, not Indonesia's
                n = len(foreign.split())
                words = name_part.strip(" ,").split()
                organization_id = f"{organization_id} {' '.join(words[:n])}"
                organization = translate_org(organization_id)
                org_key = "org:" + _norm(organization_id)
                name_part = " ".join(words[n:])
        else:
            # the alias came from parentheses: the org's long name runs up to where they stood
            organization_id = _long_name_before_paren(raw, aliases)
            name_part = _after_org(rest, organization_id)
    elif aliases and "," not in raw and rest:
        # "Lembaga Penjamin Simpanan (LPS) Purbaya": the org's name runs up to its acronym
        n_before = len(raw[: raw.find("(" + aliases[0])].split())
        n_prefix = len(plain.split()) - len(rest.split())
        rest_words = rest.split()
        cut = max(0, min(len(rest_words), n_before - n_prefix))
        org_text = " ".join(rest_words[:cut])
        name_part = " ".join(rest_words[cut:])
        if org_text:
            organization = translate_org(org_text)
            organization_id = org_text
            org_key = "org:" + _norm(org_text)
    else:
        org_text, name_part = _split_org_and_name(rest, after_role=role_key in PLACE_ROLES or role_key in ORG_LED_ROLES)
        if role_key is None and org_text and _prefix(_ORG_HEAD_PREFIX, org_text.lower()) is not None \
                and "," not in rest and not any(w.lower() in RANKS for w in rest.split()):
            org_text, name_part = rest.strip(" ,"), ""  # "Lembaga Penjamin Simpanan": all of it is the name
        countries = [COUNTRIES.get(c.strip()) for c in re.split(r"\s+dan\s+|\s*,\s*", org_text.lower())] if org_text else []
        if org_text and len(countries) > 1 and all(countries):
            organization = " and ".join(c[0] for c in countries)  # type: ignore[index]
            organization_id = org_text
            affiliation = " and ".join(c[1] for c in countries)  # type: ignore[index]
            org_key = "country:" + organization
        elif org_text:
            country = COUNTRIES.get(org_text.lower())
            if country is not None:
                organization = country[0]
                organization_id = org_text
                affiliation = country[1]
                org_key = "country:" + country[0]
            else:
                organization = translate_org(org_text)
                organization_id = org_text
                org_key = "org:" + _norm(org_text)
    if aliases and org_key and org_key.startswith("org:"):
        organization = f"{organization} ({aliases[0]})"
    if role_key in ROLE_ORGS and (org_key is None or not org_key.startswith(("polri", "tni"))):
        base = ROLE_ORGS[role_key]
        place = _split_org_and_name(rest)[0] if base not in ("Polri", "TNI", "TNI AD") else None
        organization_id = f"{base} {place}".strip() if place and base != "Polri" else base
        base_known = _known_entity(base.lower())
        if base_known:
            org_key = base_known[0]
            organization = KNOWN_ENTITIES[org_key][0]
        else:
            organization = f"{place} {ORG_HEADS.get(base.lower(), base)}".strip() if place else base
            org_key = "org:" + _norm(organization_id)
            affiliation = None
        name_part = rest[len(place):] if place and rest.lower().startswith(place.lower()) else rest

    who = _name_from(name_part)
    if who and organization and who.lower() in organization.lower():
        who = None
    if who and anonymous:
        who = None

    if anonymous:
        if role_en is None and not organization:
            return None
        if affiliation is None and org_key and org_key.startswith("country:"):
            affiliation = COUNTRIES.get((organization_id or "").lower(), (None, None))[1]
        return Source(
            text=raw, kind="anonymous", role=role_en or "source", role_id=role_id,
            organization=organization, organization_id=organization_id, org_key=org_key,
            affiliation=affiliation, speaks_for_org=True, former=former, aliases=aliases,
        )
    if who:
        return Source(
            text=raw, kind="person", who=who, role=role_en, role_id=role_id,
            organization=organization, organization_id=organization_id, org_key=org_key,
            affiliation=affiliation, speaks_for_org=speaks, former=former, aliases=aliases,
        )
    if role_en and speaks:
        # "juru bicara Pentagon", "pejabat Ukraina dan AS" without a name
        return Source(
            text=raw, kind="anonymous" if organization else "role", role=role_en, role_id=role_id,
            organization=organization, organization_id=organization_id, org_key=org_key,
            affiliation=affiliation, speaks_for_org=True, former=former, aliases=aliases,
        )
    if organization:
        kind = "country" if org_key and org_key.startswith("country:") else "organization"
        return Source(
            text=raw, kind=kind, role=role_en, role_id=role_id, organization=organization,
            organization_id=organization_id, org_key=org_key, affiliation=affiliation,
            former=former, aliases=aliases,
        )
    if role_en:
        return Source(text=raw, kind="role", role=role_en, role_id=role_id, former=former)
    return None


def _parse_segments(raw: str, plain: str, aliases: tuple[str, ...]) -> Source | None:
    """"Sekjen NATO, Mark Rutte" or "John Foreman, mantan atase ...": a role and a name apart."""
    segments = [seg.strip() for seg in plain.split(",") if seg.strip()]
    parsed = [parse_source(seg) for seg in segments]
    name_only = [i for i, (seg, src) in enumerate(zip(segments, parsed))
                 if src is not None and src.kind == "person" and not src.role and not src.organization]
    with_role = [i for i, src in enumerate(parsed) if src is not None and (src.role or src.organization)
                 and src.kind not in ("medium", "reporter")
                 and not (src.role is None and src.org_key is not None and src.org_key.startswith("org:")
                          and (src.organization_id or "").lower() in PLACES)]
    if not with_role:
        return None
    base = parsed[with_role[0]]
    assert base is not None
    if name_only and base.role and base.kind in ("role", "anonymous", "organization", "country", "person"):
        who = parsed[name_only[0]].who  # type: ignore[union-attr]
        if base.who and base.who != who and base.organization:
            # "Kepala BPBD Cilacap, Satria": the stray word after the org is a place
            base = replace(base, organization=f"{base.organization} {base.who}",
                           organization_id=f"{base.organization_id} {base.who}", who=None)
        elif base.who and base.who != who:
            # "pelatih Persija, Stefano Cugurra Teco": the word after the role names the organisation
            base = replace(base, organization=base.who, organization_id=base.who,
                           org_key="org:" + _norm(base.who), who=None)
        return replace(base, text=raw, who=who, kind="person", aliases=aliases or base.aliases)
    if len(with_role) == 1 and not name_only:
        return replace(base, text=raw, aliases=aliases or base.aliases)
    return replace(base, text=raw, aliases=aliases or base.aliases)


def _long_name_before_paren(raw: str, aliases: tuple[str, ...]) -> str:
    idx = raw.find("(" + aliases[0])
    before = raw[:idx].strip() if idx > 0 else raw
    return f"{before} ({aliases[0]})" if idx > 0 else before


def _after_org(rest: str, organization_id: str | None) -> str:
    close = rest.find(")")
    return rest[close + 1:] if close >= 0 else ""


_ORG_CONTINUE = frozenset(
    {w for k in ORG_WORDS for w in k.split()}
    | {w for k in ORG_HEADS for w in k.split()}
    | {w for k in COUNTRIES for w in k.split()}
    | {w for p in PLACE_PHRASES for w in p.split()}
    | PLACES
    | {"dan", "republik", "ri", "provinsi", "kabupaten", "kota", "daerah", "negara", "nasional", "tbk", "persero"}
)


#: Roles usually followed by the name of their organisation, then the person's
#: ("CEO Tesla Elon Musk", "pelatih Persib Djadjang Nurdjaman"): with three capitalised
#: words after the role, the first is the organisation.
ORG_LED_ROLES: frozenset[str] = frozenset(
    """ceo cfo coo cto cmo co-founder founder pendiri vice president senior vice president svp
    general manager managing director country manager manajer pelatih kapten juru bicara jubir
    direktur direktur utama dirut presiden direktur presdir direktur eksekutif pemilik produser
    komisaris komisaris utama""".split("\n")[0].split()
) | frozenset({"vice president", "senior vice president", "general manager", "managing director",
               "country manager", "juru bicara", "direktur utama", "presiden direktur", "direktur eksekutif",
               "komisaris utama", "manajer", "pelatih", "kapten", "jubir", "dirut", "presdir", "pemilik",
               "produser", "komisaris", "pendiri", "ekonom", "peneliti", "analis", "pengamat", "bek", "kiper",
               "gelandang", "penyerang", "striker"})

_JOINED_ROLE_RE = re.compile(r"\s*(?:&|dan|sekaligus|merangkap|/)\s*", re.I)

_NAMED_HEADS = frozenset({"pt", "bank", "universitas", "partai", "rs", "yayasan", "perum", "cv", "tbk", "persero"})


def _is_acronym(word: str) -> bool:
    bare = word.strip(".,()")
    return len(bare) >= 2 and bare.isupper() and bare.isalpha() and bare.lower() not in RANKS


def _split_org_and_name(rest: str, after_role: bool = True) -> tuple[str | None, str]:
    """("Kementerian Kesehatan Budi Sadikin") -> ("Kementerian Kesehatan", "Budi Sadikin")."""
    text = rest.strip(" ,")
    if not text:
        return None, ""
    if "," in text:
        head, tail = text.split(",", 1)
        org, leftover = _split_org_and_name(head)
        return org, (leftover + " " + tail).strip()
    words = text.split()
    low = [w.lower().strip(".") for w in words]
    # a country or place phrase at the start
    joined = " ".join(low)
    name = _prefix(_COUNTRY_PREFIX, joined)
    if name is not None:
        n = len(name.split())
        tail = " ".join(low[n:])
        if low[n:n + 1] == ["dan"]:
            second = _prefix(_COUNTRY_PREFIX, tail[4:])
            if second:
                n += 1 + len(second.split())
        return " ".join(words[:n]), " ".join(words[n:])
    starts_with_head = _prefix(_ORG_HEAD_PREFIX, joined) is not None
    n = 0
    while n < len(words) and (low[n] in _ORG_CONTINUE or (n == 0 and starts_with_head) or _is_acronym(words[n])):
        if low[n] in RANKS:
            break
        n += 1
        if low[n - 1] in _NAMED_HEADS and low[n - 1] not in ("tbk", "persero") and n < len(words) and words[n][:1].isupper() and low[n] not in RANKS:
            n += 1  # "PT Pertamina", "Universitas Airlangga": the head's own name
    if n == 0:
        # "Bupati Bantul Abdul Halim": an unknown place word, then a name of two or more words
        caps = [w for w in words if w[:1].isupper()]
        if after_role and len(words) >= 3 and len(caps) == len(words) and low[0] not in RANKS:
            return words[0], " ".join(words[1:])
        return None, text
    # a name must keep at least one word; the org stops before a rank
    return " ".join(words[:n]), " ".join(words[n:])


_ORG_HEAD_WORDS = frozenset(k for k in ORG_HEADS if " " not in k and k not in ("pusat", "militer", "tentara", "intelijen"))


def _name_from(text: str) -> str | None:
    text = _PAREN_RE.sub(" ", text)
    tokens = [t.strip(".,;:()") for t in text.replace(",", " ").split()]
    names: list[str] = []
    skipping = False
    for i, tok in enumerate(tokens):
        if not tok:
            continue
        if tok.lower().strip(".") in RANKS:
            if names:
                break
            continue
        if tok.lower() in _ORG_HEAD_WORDS and tok[:1].isupper():
            names, skipping = [], True  # "... Polda Metro Jaya Argo Yuwono": the name follows the organisation
            continue
        if skipping and tok.lower() in _ORG_CONTINUE:
            continue
        skipping = False
        inner_capital = (  # "Dan Bartel": a capitalised "Dan" before a name is a name, not "dan"
            tok[:1].isupper() and tok.lower() in _STOP_NAME and i + 1 < len(tokens) and _is_name_token(tokens[i + 1])
        )
        if _is_name_token(tok) or inner_capital or (names and tok[:1].isupper()) or (names and tok.lower() in ("bin", "binti", "van", "de", "al")):
            names.append(tok)
        elif names:
            break
    if not names:
        return None
    # honorific suffixes such as "CBE" stay: they are part of how the name is printed
    return " ".join(names)


# --------------------------------------------------------------------------------------
# Resolving sources to canonical entities
# --------------------------------------------------------------------------------------


def _person_role_label(source: Source) -> str | None:
    if not source.role:
        return None
    label = _role_label(source)
    return f"former {label}" if source.former and label else label


def _role_label(source: Source) -> str | None:
    if not source.role:
        return None
    role = source.role
    org = source.organization
    if not org or (source.role_id or "").lower() in ("kapolri", "wakapolri", "panglima tni", "kasad"):
        return role
    if source.org_key and source.org_key.startswith("country:"):
        adj = COUNTRIES.get((source.organization_id or "").lower(), (org, org))[1]
        return f"{adj} {role}"
    short = org.split(" (")[0]
    if len(short.split()) <= 2 and " of " not in short:
        return f"{short} {role}"
    if role == "Minister":
        return f"{role} of {short}"
    if short.startswith(("Ministry", "Department", "Directorate", "Office", "the ")) or "'s " in short:
        return f"{role}, {short}"
    return f"{role} of the {short}"


class EntityResolver:
    """Turns parsed sources into canonical entities; remembers names seen with a role.

    Make one per question: what it learns ("Rutte" is NATO's Secretary General) holds for
    the articles of that question only.
    """

    def __init__(self) -> None:
        self._people: dict[str, Entity | None] = {}  # lower-case full name -> entity (None: ambiguous)
        # (scope, name part) -> entity: a bare "Joko" is the Joko of the same article
        self._parts: dict[tuple[str | None, str], Entity | None] = {}
        # a surname ("Rutte") or several parts ("Sri Mulyani") also hold across articles
        self._surnames: dict[str, Entity | None] = {}
        self._any_part: dict[str, Entity | None] = {}
        self._acronyms: dict[str, str] = {}  # acronym defined in parentheses -> org key

    def learn(self, source: Source, scope: str | None = None) -> None:
        """Remember a person seen with a role, and acronyms defined in parentheses.

        `scope` (an article id) limits what a bare first name resolves to: "Joko" in one
        article is not the "Joko Widodo" of another, while a surname ("Rutte") and a
        name of several parts ("Sri Mulyani") resolve across articles.
        """
        if source.org_key:
            for alias in source.aliases:
                self._acronyms.setdefault(alias.lower(), source.org_key)
        if source.kind != "person" or not source.who:
            return
        if not (source.role or source.organization):
            return
        entity = self._person_entity(source)
        full = source.who.lower()
        self._people[full] = entity
        parts = full.split()
        if len(parts) >= 2:
            for i, part in enumerate(parts):
                if len(part) < 3 or part == full:
                    continue
                _remember(self._parts, (scope, part), entity)
                _remember(self._any_part, part, entity)
                if i == len(parts) - 1:
                    _remember(self._surnames, part, entity)

    def knows(self, name: str, scope: str | None = None) -> bool:
        """True when `name` (or each of its parts) resolves to one remembered person."""
        probe = Source(text=name, kind="person", who=name)
        return self.resolve(probe, scope).key != "person:" + name.lower() or name.lower() in self._people

    def _known_person(self, who: str, scope: str | None) -> Entity | None:
        name = who.lower()
        known = self._people.get(name)
        if known is not None:
            return known
        words = [p for p in name.split() if len(p) >= 3]
        if not words:
            return None
        local = [self._parts.get((scope, p)) for p in words]
        if all(e is not None and e.key == local[0].key for e in local):  # type: ignore[union-attr]
            return local[0]
        if scope is None:
            return None
        # across articles: a surname alone, or every part of a longer name
        found = [self._surnames.get(words[0])] if len(words) == 1 else [self._any_part.get(p) for p in words]
        if all(e is not None and e.key == found[0].key for e in found):  # type: ignore[union-attr]
            return found[0]
        return None

    def _person_entity(self, source: Source) -> Entity:
        if source.speaks_for_org and source.org_key and not source.org_key.startswith("country:"):
            return self._org_entity(source)
        label = _person_role_label(source)
        name = f"{source.who}, {label}" if label else str(source.who)
        return Entity(
            key="person:" + str(source.who).lower(), name=name, kind="person", who=source.who,
            role=("former " + source.role) if source.former and source.role else source.role,
            organization=source.organization,
        )

    def resolve(self, source: Source, scope: str | None = None) -> Entity:
        """The canonical entity a source stands for (`scope`: the article it was found in)."""
        if source.kind == "person" and source.who:
            if source.speaks_for_org and source.org_key and not source.org_key.startswith("country:"):
                return self._org_entity(source)
            # "Sri Mulyani" after "Sri Mulyani Indrawati": every part points to one person
            known = self._known_person(source.who, scope)
            if known is not None and not (source.role and known.role and source.role != known.role and source.organization != known.organization):
                return known
            if source.speaks_for_org and source.org_key:
                return self._org_entity(source)
            return self._person_entity(source)
        if source.kind == "anonymous":
            if source.org_key and not source.org_key.startswith("country:"):
                return self._org_entity(source)
            affiliation = source.affiliation or source.organization or "unidentified"
            return Entity(
                key="anon:" + affiliation.lower(), name=_anon_name(affiliation, (source.role or "source",)),
                kind="anonymous", role=source.role, organization=source.organization,
            )
        if source.kind in ("organization", "country"):
            return self._org_entity(source)
        if source.kind == "role":
            return Entity(key="role:" + str(source.role).lower(), name=f"a {source.role}", kind="role", role=source.role)
        label = source.organization or source.text
        return Entity(key=f"{source.kind}:" + _norm(label), name=label, kind=source.kind)

    def _org_entity(self, source: Source) -> Entity:
        key = source.org_key or "org:" + _norm(source.organization or source.text)
        key = self._acronyms.get(key.removeprefix("org:"), key)
        if key in KNOWN_ENTITIES:
            name = KNOWN_ENTITIES[key][0]
        elif key.startswith("country:"):
            name = key.removeprefix("country:")
        else:
            name = source.organization or source.text
        return Entity(key=key, name=name, kind="organization", organization=name)


def _remember(table: dict, key: object, entity: Entity) -> None:  # type: ignore[type-arg]
    """Store `entity` under `key`; a key seen with two different entities becomes ambiguous (None)."""
    seen = table.get(key, entity)
    table[key] = entity if seen is not None and seen.key == entity.key else None


def _anon_name(affiliation: str, roles: tuple[str, ...]) -> str:
    """"unnamed Western official/diplomat"."""
    adj = affiliation
    if affiliation.lower() in {c[0].lower() for c in COUNTRIES.values()}:
        adj = next(a for n, a in COUNTRIES.values() if n.lower() == affiliation.lower())
    roles_text = "/".join(dict.fromkeys(roles))
    return f"unnamed {adj} {roles_text}".replace("  ", " ")


def anonymous_group_name(affiliation: str, roles: tuple[str, ...]) -> str:
    """Display name for a group of unnamed sources of one affiliation."""
    return _anon_name(affiliation, roles)
