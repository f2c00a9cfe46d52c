"""Demo story (2026), in Kazakh only.

It is not translated yet: the ru and en trees, synced from kk, show it as an alias.
"""

from ..sections import BYLINE

OMSK_ABAI_READINGS = {
    "name": "omsk-abai-readings",
    "source_locale": "kk",
    "locales": ["kk"],  # not translated yet
    "published": (2026, 11, 20, 15, 40),
    "categories": ["education"],
    "country": "RU",
    "tags": ["russia", "students"],
    "hero": "omsk-conference",
    "byline": BYLINE,
    "text": {
        "kk": {
            "title": "Омбыдағы қазақ студенттері Абай оқуларын өткізді",
            "slug": "ombydagy-qazaq-studentteri-abai-oqularyn-otkizdi",
            "dateline": "ОМБЫ",
            "lead": "Омбы қаласында оқитын қазақ студенттері Абай Құнанбайұлының "
            "шығармашылығына арналған оқулар ұйымдастырды.",
            "hero_alt": "Омбыдағы Абай оқуларына арналған демо-иллюстрация",
            "hero_caption": "Абай оқуларына жиырмадан астам студент қатысты.",
            "body": [
                (
                    "paragraph",
                    "Оқуларға жиырмадан астам студент қатысты. Олар Абайдың "
                    "өлеңдері мен қара сөздерін қазақ және орыс тілдерінде оқып, ақынның "
                    "ағартушылық идеяларының бүгінгі мәні туралы баяндама жасады.",
                ),
                (
                    "paragraph",
                    "Ұйымдастырушылар мұндай кездесулерді жыл сайын өткізіп, оған "
                    "басқа қалаларда оқитын студенттерді де шақыруды көздеп отыр.",
                ),
            ],
        },
    },
}
