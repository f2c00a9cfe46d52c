"""The skeleton of each locale's tree: home page, section index pages, "About".

Also the labels that every demo article shares (credit, byline).
"""

CREDIT = {
    "kk": "Otandas демо-иллюстрациясы",
    "ru": "Демо-иллюстрация Otandas",
    "en": "Otandas demo illustration",
}

BYLINE = {
    "kk": "Otandas редакциясы",
    "ru": "Редакция Otandas",
    "en": "Otandas newsroom",
}

HOME = {
    "name": "home",
    "text": {
        "kk": {
            "title": "Отандас",
            "slug": "home-kk",
            "intro": "Шетелдегі қазақтар туралы жаңалықтар, мәдени жобалар және "
            "отандастарға арналған бағдарламалар.",
        },
        "ru": {
            "title": "Отандас",
            "slug": "home-ru",
            "intro": "Новости о казахах за рубежом, культурные проекты и программы "
            "для соотечественников.",
        },
        "en": {
            "title": "Otandas",
            "slug": "home-en",
            "intro": "News about Kazakhs abroad, cultural projects and programmes for compatriots.",
        },
    },
}

# name: (page type, {locale: (title, intro)}); the slug is the name in every locale.
INDEXES = {
    "news": (
        "news.NewsIndexPage",
        {
            "kk": ("Жаңалықтар", "Шетелдегі қазақ қауымдарының өмірінен соңғы жаңалықтар."),
            "ru": ("Новости", "Последние новости из жизни казахских общин за рубежом."),
            "en": ("News", "The latest news from Kazakh communities abroad."),
        },
    ),
    "programmes": (
        "partners.ProgrammeIndexPage",
        {
            "kk": (
                "Бағдарламалар",
                "Серіктес қорлармен бірге жүзеге асырылатын отандастарға арналған бағдарламалар.",
            ),
            "ru": (
                "Программы",
                "Программы для соотечественников, которые мы проводим вместе с фондами-партнёрами.",
            ),
            "en": (
                "Programmes",
                "Programmes for compatriots that we run with partner foundations.",
            ),
        },
    ),
    "projects": (
        "partners.CulturalProjectIndexPage",
        {
            "kk": ("Мәдени жобалар", "Қазақ мәдениетін әлемге таныстыратын жобалар."),
            "ru": ("Культурные проекты", "Проекты, которые знакомят мир с казахской культурой."),
            "en": ("Cultural projects", "Projects that share Kazakh culture with the world."),
        },
    ),
}

ABOUT = {
    "name": "about",
    "text": {
        "kk": {
            "title": "Біз туралы",
            "slug": "about",
            "intro": "Отандас – шетелде тұратын қазақтар туралы жазатын жаңалықтар басылымы.",
            "body": [
                (
                    "paragraph",
                    "Біз әлемнің түкпір-түкпіріндегі қазақ қауымдарының өмірі, мәдени "
                    "жобалар мен отандастарға арналған бағдарламалар туралы қазақ, орыс және "
                    "ағылшын тілдерінде жазамыз.",
                ),
                ("paragraph", "Бұл сайттағы мәтіндер мен суреттер – демонстрациялық мазмұн."),
            ],
        },
        "ru": {
            "title": "О нас",
            "slug": "about",
            "intro": "Отандас — новостное издание о казахах, живущих за рубежом.",
            "body": [
                (
                    "paragraph",
                    "Мы пишем на казахском, русском и английском языках о жизни "
                    "казахских общин по всему миру, о культурных проектах и программах для "
                    "соотечественников.",
                ),
                ("paragraph", "Тексты и изображения на этом сайте — демонстрационное содержимое."),
            ],
        },
        "en": {
            "title": "About us",
            "slug": "about",
            "intro": "Otandas is a news publication about Kazakhs living abroad.",
            "body": [
                (
                    "paragraph",
                    "We write in Kazakh, Russian and English about the life of Kazakh "
                    "communities around the world, about cultural projects and about programmes "
                    "for compatriots.",
                ),
                ("paragraph", "The texts and images on this site are demo content."),
            ],
        },
    },
}
