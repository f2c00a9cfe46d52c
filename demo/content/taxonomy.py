"""Snippets of the demo (countries, categories, cities, partners) and header data."""

from decimal import Decimal

# ISO code: {locale: name}
COUNTRIES = {
    "KZ": {"kk": "Қазақстан", "ru": "Казахстан", "en": "Kazakhstan"},
    "JP": {"kk": "Жапония", "ru": "Япония", "en": "Japan"},
    "TR": {"kk": "Түркия", "ru": "Турция", "en": "Turkey"},
    "MN": {"kk": "Моңғолия", "ru": "Монголия", "en": "Mongolia"},
    "DE": {"kk": "Германия", "ru": "Германия", "en": "Germany"},
    "CN": {"kk": "Қытай", "ru": "Китай", "en": "China"},
    "RU": {"kk": "Ресей", "ru": "Россия", "en": "Russia"},
    "UZ": {"kk": "Өзбекстан", "ru": "Узбекистан", "en": "Uzbekistan"},
}

# name: {locale: (name, slug, description)}
CATEGORIES = {
    "compatriots": {
        "kk": ("Отандастар", "otandastar", "Шетелдегі қазақ диаспорасының өмірі."),
        "ru": ("Соотечественники", "sootechestvenniki", "Жизнь казахской диаспоры за рубежом."),
        "en": ("Compatriots", "compatriots", "Life of the Kazakh diaspora abroad."),
    },
    "culture": {
        "kk": ("Мәдениет", "madeniet", "Музыка, мерекелер, салт-дәстүр."),
        "ru": ("Культура", "kultura", "Музыка, праздники и традиции."),
        "en": ("Culture", "culture", "Music, holidays and traditions."),
    },
    "education": {
        "kk": ("Білім", "bilim", "Тіл үйрену, мектептер мен студенттер."),
        "ru": ("Образование", "obrazovanie", "Изучение языка, школы и студенты."),
        "en": ("Education", "education", "Language learning, schools and students."),
    },
    "programmes": {
        "kk": ("Бағдарламалар", "bagdarlamalar", "Отандастарға арналған бағдарламалар мен қолдау."),
        "ru": ("Программы", "programmy", "Программы и поддержка для соотечественников."),
        "en": ("Programmes", "programmes", "Programmes and support for compatriots."),
    },
}

# name: {locale: name}
CITIES = {
    "astana": {"kk": "Астана", "ru": "Астана", "en": "Astana"},
    "almaty": {"kk": "Алматы", "ru": "Алматы", "en": "Almaty"},
}

# name: shared fields and {locale: (name, description)}
PARTNERS = {
    "otandastar": {
        "logo": "logo-otandastar",
        "country": "KZ",
        "website": "https://example.org/demo/otandastar",
        "text": {
            "kk": (
                "«Отандастар» қоры",
                "Шетелдегі қазақтармен байланысты нығайтып, олардың тілі мен мәдениетін "
                "сақтауға көмектесетін қор.",
            ),
            "ru": (
                "Фонд «Отандастар»",
                "Фонд, который укрепляет связи с казахами за рубежом и помогает сохранять "
                "их язык и культуру.",
            ),
            "en": (
                "«Otandastar» Foundation",
                "A foundation that strengthens ties with Kazakhs abroad and helps preserve "
                "their language and culture.",
            ),
        },
    },
    "kazakhs-in-japan": {
        "logo": "logo-akj",
        "country": "JP",
        "website": "https://example.org/demo/kazakhs-in-japan",
        "text": {
            "kk": (
                "Жапониядағы қазақтар қауымдастығы",
                "Жапонияда тұратын қазақтардың басын қосатын алғашқы қоғамдық ұйым, "
                "2021 жылы құрылған.",
            ),
            "ru": (
                "Ассоциация казахов Японии",
                "Первая общественная организация, объединяющая казахов Японии; "
                "создана в 2021 году.",
            ),
            "en": (
                "Association of Kazakhs in Japan",
                "The first public organisation bringing together the Kazakhs of Japan, "
                "founded in 2021.",
            ),
        },
    },
    "istanbul-centre": {
        "logo": "logo-istanbul-centre",
        "country": "TR",
        "website": "",
        "text": {
            "kk": (
                "Ыстамбұлдағы қазақ мәдени орталығы (демо)",
                "Демо серіктес: қауым мерекелері мен тіл сабақтарын ұйымдастырады.",
            ),
            "ru": (
                "Казахский культурный центр в Стамбуле (демо)",
                "Демо-партнёр: проводит праздники общины и уроки языка.",
            ),
            "en": (
                "Kazakh Cultural Centre in Istanbul (demo)",
                "Demo partner: hosts community celebrations and language classes.",
            ),
        },
    },
}

WEATHER_SOURCE = "Kazhydromet (demo)"
WEATHER = {"astana": Decimal("7"), "almaty": Decimal("14")}

RATES_SOURCE = "National Bank of Kazakhstan (demo)"
RATES = {
    "USD": Decimal("421.58"),
    "EUR": Decimal("496.83"),
    "RUB": Decimal("5.53"),
    "CNY": Decimal("62.20"),
}
