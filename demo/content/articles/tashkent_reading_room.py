"""Demo story (2025): a Kazakh reading room in Tashkent. Invented, no real quotes."""

from ..sections import BYLINE, CREDIT

TASHKENT_READING_ROOM = {
    "name": "tashkent-reading-room",
    "source_locale": "kk",
    "published": (2025, 10, 3, 11, 20),
    "categories": ["compatriots", "culture"],
    "country": "UZ",
    "tags": ["uzbekistan", "books"],
    "hero": "tashkent-centre",
    "byline": BYLINE,
    "text": {
        "kk": {
            "title": "Ташкентте қазақ оқу залы ашылды",
            "slug": "tashkentte-qazaq-oqu-zaly-ashyldy",
            "dateline": "ТАШКЕНТ",
            "lead": "Ташкенттегі қоғамдық орталықта балаларға арналған ертегілерден бастап "
            "заманауи романдарға дейін қазақ тіліндегі екі мыңға жуық кітап жинақталған оқу "
            "залы ашылды.",
            "hero_alt": "Ташкенттегі оқу залына арналған демо-иллюстрация",
            "hero_caption": "Қоғамдық орталықтағы жаңа оқу залы.",
            "body": [
                (
                    "paragraph",
                    "Кітаптарды қауым мүшелері жинады, бір бөлігін Қазақстандағы "
                    "баспалар сыйға тартты. Оларды тегін алып оқуға болады, ал сенбі күндері "
                    "еріктілер балалар мен жасөспірімдерге арналған оқырмандар клубын өткізеді.",
                ),
                (
                    "image",
                    {
                        "image": "tashkent-centre",
                        "alt_text": "Оқу залының сөрелеріне арналған демо-иллюстрация",
                        "caption": "Залда екі мыңға жуық қазақ кітабы бар.",
                        "credit": CREDIT["kk"],
                    },
                ),
                (
                    "quote",
                    {
                        "quote": "Балалар қазақ сөзін отбасында ғана емес, басқа жерде де естісін "
                        "дедік.",
                        "attribution": "Еріктілердің бірі",
                    },
                ),
                (
                    "paragraph",
                    "Ұйымдастырушылар қорды аудиокітаптармен толықтырып, "
                    "Қазақстаннан жазушыларды оқырмандармен онлайн кездесуге шақыруды жоспарлап "
                    "отыр.",
                ),
            ],
        },
        "ru": {
            "title": "В Ташкенте открылся казахский читальный зал",
            "slug": "v-tashkente-otkrylsya-kazahskij-chitalnyj-zal",
            "dateline": "ТАШКЕНТ",
            "lead": "В общественном центре Ташкента открылся читальный зал, где собрано около "
            "двух тысяч книг на казахском языке — от детских сказок до современных романов.",
            "hero_alt": "Демонстрационная иллюстрация к читальному залу в Ташкенте",
            "hero_caption": "Новый читальный зал в общественном центре.",
            "body": [
                (
                    "paragraph",
                    "Книги собрали члены общины, часть передали издательства "
                    "Казахстана. Брать их можно бесплатно, а по субботам волонтёры проводят "
                    "читательские клубы для детей и подростков.",
                ),
                (
                    "image",
                    {
                        "image": "tashkent-centre",
                        "alt_text": "Демонстрационная иллюстрация: книжные полки читального зала",
                        "caption": "В зале около двух тысяч книг на казахском языке.",
                        "credit": CREDIT["ru"],
                    },
                ),
                (
                    "quote",
                    {
                        "quote": "Нам хотелось, чтобы казахская речь звучала для детей не только "
                        "дома.",
                        "attribution": "Одна из волонтёров",
                    },
                ),
                (
                    "paragraph",
                    "Организаторы планируют пополнить фонд аудиокнигами и приглашать "
                    "писателей из Казахстана на онлайн-встречи с читателями.",
                ),
            ],
        },
        "en": {
            "title": "Kazakh reading room opens in Tashkent",
            "slug": "kazakh-reading-room-opens-in-tashkent",
            "dateline": "TASHKENT",
            "lead": "A reading room with about two thousand books in Kazakh, from children's "
            "fairy tales to contemporary novels, has opened at a community centre in Tashkent.",
            "hero_alt": "Demo illustration for the reading room in Tashkent",
            "hero_caption": "The new reading room at the community centre.",
            "body": [
                (
                    "paragraph",
                    "The books were collected by members of the community, and "
                    "publishers in Kazakhstan donated some of them. Borrowing is free, and on "
                    "Saturdays volunteers run reading clubs for children and teenagers.",
                ),
                (
                    "image",
                    {
                        "image": "tashkent-centre",
                        "alt_text": "Demo illustration: the shelves of the reading room",
                        "caption": "The room holds about two thousand books in Kazakh.",
                        "credit": CREDIT["en"],
                    },
                ),
                (
                    "quote",
                    {
                        "quote": "We wanted children to hear Kazakh outside the family, too.",
                        "attribution": "One of the volunteers",
                    },
                ),
                (
                    "paragraph",
                    "The organisers plan to add audiobooks and to invite writers from "
                    "Kazakhstan to meet readers online.",
                ),
            ],
        },
    },
}
