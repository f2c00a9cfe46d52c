"""The lead article: the founding of the Association of Kazakhs in Japan.

Facts from the news page the project started from (a Kazinform article), written anew
in each language.
"""

from ..sections import CREDIT

JAPAN_ASSOCIATION = {
    "name": "japan-association",
    "source_locale": "kk",
    "published": (2021, 4, 15, 22, 6),
    "categories": ["compatriots"],
    "country": "JP",
    "tags": ["japan", "diaspora"],
    "hero": "tokyo-meeting",
    "agency": "KAZINFORM",
    "text": {
        "kk": {
            "title": "Жапонияда қазақтар қауымдастығы құрылды",
            "slug": "zhaponiyada-qazaqtar-qauymdastygy-quryldy",
            "dateline": "ТОКИО",
            "lead": "Жапонияда тұратын қазақтар өз қауымдастығын құрды: оның құрылтай жиналысы "
            "Қазақстанның Токиодағы елшілігінде өтті.",
            "hero_alt": "Токиодағы құрылтай жиналысына арналған демо-иллюстрация",
            "hero_caption": "Жапониядағы қазақтар қауымдастығының құрылтай жиналысы "
            "Қазақстан елшілігінде өтті.",
            "body": [
                (
                    "paragraph",
                    "Бұл – Жапониядағы осындай алғашқы қоғамдық ұйым. Ол елде тұратын "
                    "Қазақстан азаматтары мен этникалық қазақтардың басын қосып, бір-бірімен "
                    "байланыс ұстап, өзара қолдау көрсетуіне мүмкіндік береді.",
                ),
                (
                    "paragraph",
                    "Елшіліктің дерегінше, Жапонияда 191 Қазақстан азаматы және Қытай, "
                    "Моңғолия мен Өзбекстаннан келген 70-ке жуық этникалық қазақ тұрақты тұрады. "
                    "Олардың көбі осында жұмыс істейді немесе білім алады.",
                ),
                (
                    "paragraph",
                    "Қауымдастықты Джунтендо университеті ауруханасының хирургы "
                    "Әбдібек Қалыбек басқарады. Жиналыста ол ұйымның жоспарымен таныстырды. "
                    "Негізгі бағыттар – кәсіпкерлер арасындағы ынтымақтастық, мәдени және "
                    "гуманитарлық жобалар, ақпараттық қолдау.",
                ),
                (
                    "paragraph",
                    "Елші Ерлан Баударбек-Қожатаев COVID-19 пандемиясы кезінде "
                    "Жапониядағы қазақтар бірлік танытып, Қазақстан халқына гуманитарлық көмек "
                    "жіберуге бірге атсалысқанын еске салды. Қауымдастық құру идеясы осы "
                    "тәжірибеден туған.",
                ),
                (
                    "image",
                    {
                        "image": "tokyo-memorandum",
                        "alt_text": "Меморандумға қол қою рәсіміне арналған демо-иллюстрация",
                        "caption": "Қауымдастық пен «Отандастар» қоры ынтымақтастық туралы "
                        "меморандумға қол қойды.",
                        "credit": CREDIT["kk"],
                    },
                ),
                (
                    "paragraph",
                    "Салтанатты шарада қауымдастық пен «Отандастар» қоры "
                    "ынтымақтастық туралы меморандумға қол қойды. Қордың вице-президенті Мағауия "
                    "Сарбасов шетелдегі қазақтармен байланысты кеңейтудің маңызына тоқталып, "
                    "тілдік және этномәдени бірегейлікті сақтауға көмектесетін қор "
                    "бағдарламалары туралы айтты.",
                ),
                (
                    "quote",
                    {
                        "quote": "Шетелде жұмыс істейтін көпшілігіміз отандастарымызбен байланысты "
                        "үзгіміз келмейді, сондықтан қауымдастықтың құрылғанына қуаныштымыз.",
                        "attribution": "Антон Голуб, 2015 жылдан бері Жапонияда тұрады",
                    },
                ),
                (
                    "fact_box",
                    {
                        "title": "Анықтама",
                        "text": "2018 жылдан бері Жапониядағы қазақ студенттерінің қауымдастығы да "
                        "жұмыс істейді. Оның басты мақсаты – студенттердің күнделікті тұрмысқа, "
                        "оқу үдерісіне және елдің әлеуметтік-мәдени ортасына бейімделуіне "
                        "көмектесу.",
                    },
                ),
            ],
        },
        "ru": {
            "title": "В Японии создана Ассоциация казахов",
            "slug": "v-yaponii-sozdana-associaciya-kazahov",
            "dateline": "ТОКИО",
            "lead": "Казахи, живущие в Японии, объединились в ассоциацию: её учредительное "
            "собрание прошло в посольстве Казахстана в Токио.",
            "hero_alt": "Демонстрационная иллюстрация к учредительному собранию в Токио",
            "hero_caption": "Учредительное собрание Ассоциации казахов Японии прошло "
            "в посольстве Казахстана.",
            "body": [
                (
                    "paragraph",
                    "Это первая общественная организация такого рода в Японии. Она "
                    "объединяет граждан Казахстана и этнических казахов, живущих в стране, чтобы "
                    "они поддерживали связь друг с другом и помогали друг другу.",
                ),
                (
                    "paragraph",
                    "По данным посольства, в Японии постоянно живут 191 гражданин "
                    "Казахстана и около 70 этнических казахов из Китая, Монголии и Узбекистана. "
                    "Большинство из них здесь работают или учатся.",
                ),
                (
                    "paragraph",
                    "Ассоциацию возглавил Абдибек Калыбек, хирург больницы "
                    "университета Дзюнтэндо; на собрании он рассказал о её планах. Основные "
                    "направления работы — сотрудничество между предпринимателями, культурные "
                    "и гуманитарные проекты, информационная поддержка.",
                ),
                (
                    "paragraph",
                    "Посол Ерлан Баударбек-Кожатаев напомнил, что во время пандемии "
                    "COVID-19 казахи Японии проявили единство и вместе собирали гуманитарную "
                    "помощь для жителей Казахстана. Из этого опыта и родилась идея ассоциации.",
                ),
                (
                    "image",
                    {
                        "image": "tokyo-memorandum",
                        "alt_text": "Демонстрационная иллюстрация к подписанию меморандума",
                        "caption": "Ассоциация и фонд «Отандастар» подписали меморандум "
                        "о сотрудничестве.",
                        "credit": CREDIT["ru"],
                    },
                ),
                (
                    "paragraph",
                    "В ходе церемонии ассоциация и фонд «Отандастар» подписали "
                    "меморандум о сотрудничестве. Вице-президент фонда Магауия Сарбасов подчеркнул "
                    "важность расширения связей с казахами за рубежом и рассказал о программах "
                    "фонда, которые помогают сохранить язык и этнокультурную идентичность.",
                ),
                (
                    "quote",
                    {
                        "quote": "Многие из нас, работая за границей, хотят поддерживать связь "
                        "с соотечественниками, поэтому появление ассоциации очень радует.",
                        "attribution": "Антон Голуб, живёт в Японии с 2015 года",
                    },
                ),
                (
                    "fact_box",
                    {
                        "title": "Справка",
                        "text": "С 2018 года в Японии действует и Ассоциация казахских студентов. "
                        "Её главная цель — помочь студентам освоиться в быту, в учёбе и "
                        "в социокультурной среде страны.",
                    },
                ),
            ],
        },
        "en": {
            "title": "Association of Kazakhs founded in Japan",
            "slug": "association-of-kazakhs-founded-in-japan",
            "dateline": "TOKYO",
            "lead": "Kazakhs living in Japan have formed an association of their own: its "
            "inaugural meeting took place at the Embassy of Kazakhstan in Tokyo.",
            "hero_alt": "Demo illustration for the inaugural meeting in Tokyo",
            "hero_caption": "The inaugural meeting of the Association of Kazakhs in Japan "
            "at the Embassy of Kazakhstan.",
            "body": [
                (
                    "paragraph",
                    "It is the first public organisation of its kind in Japan. It "
                    "brings together citizens of Kazakhstan and ethnic Kazakhs living in the "
                    "country so that they can stay in touch and support one another.",
                ),
                (
                    "paragraph",
                    "According to the embassy, 191 citizens of Kazakhstan and about 70 "
                    "ethnic Kazakhs from China, Mongolia and Uzbekistan live permanently in Japan, "
                    "most of them for work or study.",
                ),
                (
                    "paragraph",
                    "The association is headed by Abdibek Kalybek, a surgeon at "
                    "Juntendo University Hospital, who presented its plans at the meeting. Its "
                    "main areas of work are cooperation between entrepreneurs, cultural and "
                    "humanitarian projects, and information support.",
                ),
                (
                    "paragraph",
                    "Ambassador Yerlan Baudarbek-Kozhatayev recalled that during the "
                    "COVID-19 pandemic the Kazakhs of Japan stood together and joined forces to "
                    "send humanitarian aid to the people of Kazakhstan. The idea of an association "
                    "grew out of that experience.",
                ),
                (
                    "image",
                    {
                        "image": "tokyo-memorandum",
                        "alt_text": "Demo illustration for the signing of the memorandum",
                        "caption": "The association and the «Otandastar» Foundation signed "
                        "a Memorandum of Cooperation.",
                        "credit": CREDIT["en"],
                    },
                ),
                (
                    "paragraph",
                    "During the ceremony the association and the «Otandastar» "
                    "Foundation signed a Memorandum of Cooperation. Magauiya Sarbasov, the "
                    "foundation's vice-president, spoke about the importance of closer ties with "
                    "Kazakhs abroad and about the foundation's programmes that help preserve their "
                    "language and ethnocultural identity.",
                ),
                (
                    "quote",
                    {
                        "quote": "Many of us who work abroad want to keep in touch with our "
                        "compatriots, so we are very glad the association exists.",
                        "attribution": "Anton Golub, living in Japan since 2015",
                    },
                ),
                (
                    "fact_box",
                    {
                        "title": "Reference",
                        "text": "Since 2018 the Association of Kazakh Students in Japan has also "
                        "been active. Its main aim is to help students adapt to everyday life, to "
                        "their studies and to the social and cultural environment of the country.",
                    },
                ),
            ],
        },
    },
}
