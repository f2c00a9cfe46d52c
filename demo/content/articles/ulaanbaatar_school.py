"""Demo story (2023): a summer Kazakh school in Ulaanbaatar. Invented, no real quotes."""

from ..sections import CREDIT

ULAANBAATAR_SCHOOL = {
    "name": "ulaanbaatar-summer-school",
    "source_locale": "kk",
    "published": (2023, 6, 12, 10, 15),
    "categories": ["education"],
    "country": "MN",
    "tags": ["mongolia", "kazakh-language"],
    "hero": "ulaanbaatar-school",
    "text": {
        "kk": {
            "title": "Ұланбатырда балаларға арналған қазақ тілі жазғы мектебі ашылды",
            "slug": "ulanbatyrda-qazaq-tili-zhazgy-mektebi-ashyldy",
            "dateline": "ҰЛАНБАТЫР",
            "lead": "Ұланбатырда қазақ отбасыларының балалары қазақша оқып, жазуды үйренетін "
            "үш апталық жазғы мектеп алғаш рет есігін ашты.",
            "hero_alt": "Ұланбатырдағы жазғы мектепке арналған демо-иллюстрация",
            "hero_caption": "Жазғы мектептің алғашқы күні.",
            "body": [
                (
                    "paragraph",
                    "Мектепке сегіз бен он төрт жас аралығындағы қырыққа жуық оқушы "
                    "жазылды. Сабақтар күн сайын таңертең өтеді, ал түстен кейін балалар ән "
                    "үйреніп, ұлттық ойындар ойнайды және ертегілерді дауыстап оқиды.",
                ),
                (
                    "image",
                    {
                        "image": "ulaanbaatar-lesson",
                        "alt_text": "Алғашқы сабаққа арналған демо-иллюстрация",
                        "caption": "Алғашқы сабақ: қазақ әліпбиі.",
                        "credit": CREDIT["kk"],
                    },
                ),
                (
                    "paragraph",
                    "Ата-аналардың айтуынша, балалар мектепте моңғолша сөйлейді, "
                    "сондықтан қазақ тілін біртіндеп ұмытып барады. Жергілікті қауымнан шыққан "
                    "ерікті мұғалімдер «Отандастар» қоры ұсынған оқулықтар мен онлайн "
                    "материалдарды пайдаланады.",
                ),
                (
                    "fact_box",
                    {
                        "title": "Анықтама",
                        "text": "Моңғолиядағы қазақтардың басым бөлігі батыстағы Баян-Өлгий "
                        "аймағында тұрады; астанада да үлкен қауым бар.",
                    },
                ),
            ],
        },
        "ru": {
            "title": "В Улан-Баторе открылась летняя школа казахского языка для детей",
            "slug": "v-ulan-batore-otkrylas-letnyaya-shkola-kazahskogo-yazyka",
            "dateline": "УЛАН-БАТОР",
            "lead": "В Улан-Баторе впервые открылась трёхнедельная летняя школа, где дети из "
            "казахских семей учатся читать и писать по-казахски.",
            "hero_alt": "Демонстрационная иллюстрация к летней школе в Улан-Баторе",
            "hero_caption": "Первый день летней школы.",
            "body": [
                (
                    "paragraph",
                    "В школу записались около сорока учеников от восьми до "
                    "четырнадцати лет. Уроки проходят каждое утро, а после обеда дети разучивают "
                    "песни, играют в национальные игры и читают вслух сказки.",
                ),
                (
                    "image",
                    {
                        "image": "ulaanbaatar-lesson",
                        "alt_text": "Демонстрационная иллюстрация к первому уроку",
                        "caption": "Первый урок: казахский алфавит.",
                        "credit": CREDIT["ru"],
                    },
                ),
                (
                    "paragraph",
                    "Родители говорят, что в школе дети общаются по-монгольски и "
                    "постепенно забывают казахский. Учителя — волонтёры из местной общины — "
                    "занимаются по учебникам и онлайн-материалам фонда «Отандастар».",
                ),
                (
                    "fact_box",
                    {
                        "title": "Справка",
                        "text": "Большинство казахов Монголии живёт в западном аймаке Баян-Улгий; "
                        "большая община есть и в столице.",
                    },
                ),
            ],
        },
        "en": {
            "title": "Summer Kazakh language school opens for children in Ulaanbaatar",
            "slug": "summer-kazakh-language-school-opens-in-ulaanbaatar",
            "dateline": "ULAANBAATAR",
            "lead": "A three-week summer school where children from Kazakh families learn to "
            "read and write in Kazakh has opened in Ulaanbaatar for the first time.",
            "hero_alt": "Demo illustration for the summer school in Ulaanbaatar",
            "hero_caption": "The first day of the summer school.",
            "body": [
                (
                    "paragraph",
                    "About forty pupils aged eight to fourteen have enrolled. Lessons "
                    "take place every morning; in the afternoon the children learn songs, play "
                    "national games and read fairy tales aloud.",
                ),
                (
                    "image",
                    {
                        "image": "ulaanbaatar-lesson",
                        "alt_text": "Demo illustration for the first lesson",
                        "caption": "The first lesson: the Kazakh alphabet.",
                        "credit": CREDIT["en"],
                    },
                ),
                (
                    "paragraph",
                    "Parents say the children speak Mongolian at school and are "
                    "gradually forgetting Kazakh. The teachers, volunteers from the local "
                    "community, work with textbooks and online materials from the "
                    "«Otandastar» Foundation.",
                ),
                (
                    "fact_box",
                    {
                        "title": "Reference",
                        "text": "Most Kazakhs in Mongolia live in the western province of "
                        "Bayan-Ölgii; there is also a large community in the capital.",
                    },
                ),
            ],
        },
    },
}
