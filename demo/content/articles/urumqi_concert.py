"""Demo story (2025), written first in Russian, with a gallery. Invented."""

from ..sections import BYLINE, CREDIT


def _gallery(locale, title, captions, alts):
    keys = ["urumqi-stage", "urumqi-audience", "urumqi-concert"]
    return {
        "title": title,
        "images": [
            {"image": key, "alt_text": alt, "caption": caption, "credit": CREDIT[locale]}
            for key, caption, alt in zip(keys, captions, alts, strict=True)
        ],
    }


URUMQI_CONCERT = {
    "name": "urumqi-concert",
    "source_locale": "ru",
    "published": (2025, 5, 17, 20, 45),
    "categories": ["culture"],
    "country": "CN",
    "tags": ["china", "music"],
    "hero": "urumqi-concert",
    "byline": BYLINE,
    "text": {
        "ru": {
            "title": "Юные домбристы из Алматы дали концерт в Урумчи",
            "slug": "yunye-dombristy-iz-almaty-dali-koncert-v-urumchi",
            "dateline": "УРУМЧИ",
            "lead": "Молодёжный ансамбль домбристов из Алматы исполнил кюи и народные песни "
            "для казахской общины Урумчи в рамках гастролей по программе культурного обмена.",
            "hero_alt": "Демонстрационная иллюстрация к концерту в Урумчи",
            "hero_caption": "Ансамбль исполнил классические кюи и народные песни.",
            "body": [
                (
                    "paragraph",
                    "Классические кюи в программе соседствовали с новыми "
                    "аранжировками народных песен. Музыканты — студенты алматинского музыкального "
                    "колледжа — провели и открытую репетицию для местных детей, которые учатся "
                    "играть на домбре.",
                ),
                (
                    "gallery",
                    _gallery(
                        "ru",
                        "Концерт в фотографиях",
                        [
                            "Ансамбль на сцене.",
                            "Семьи заполнили зал.",
                            "После концерта музыканты встретились с юными домбристами.",
                        ],
                        [
                            "Демонстрационная иллюстрация: ансамбль на сцене",
                            "Демонстрационная иллюстрация: зрители в зале",
                            "Демонстрационная иллюстрация: встреча после концерта",
                        ],
                    ),
                ),
                (
                    "paragraph",
                    "Гастроли подготовили организаторы обмена вместе с местными "
                    "культурными объединениями. Следующий концерт запланирован на осень.",
                ),
            ],
        },
        "kk": {
            "title": "Алматылық жас домбырашылар Үрімжіде концерт берді",
            "slug": "almatylyq-zhas-dombyrashylar-urimzhide-koncert-berdi",
            "dateline": "ҮРІМЖІ",
            "lead": "Алматыдан келген жастар домбыра ансамблі мәдени алмасу сапары аясында "
            "Үрімжідегі қазақ қауымына күйлер мен халық әндерін орындады.",
            "hero_alt": "Үрімжідегі концертке арналған демо-иллюстрация",
            "hero_caption": "Ансамбль классикалық күйлер мен халық әндерін орындады.",
            "body": [
                (
                    "paragraph",
                    "Бағдарламада классикалық күйлер халық әндерінің жаңа "
                    "өңдеулерімен ұштасты. Музыканттар – Алматыдағы музыка колледжінің "
                    "студенттері – домбыра үйреніп жүрген жергілікті балаларға ашық репетиция да "
                    "өткізді.",
                ),
                (
                    "gallery",
                    _gallery(
                        "kk",
                        "Концерт суреттерде",
                        [
                            "Ансамбль сахнада.",
                            "Отбасылар залды толтырды.",
                            "Концерттен кейін музыканттар жас домбырашылармен кездесті.",
                        ],
                        [
                            "Демо-иллюстрация: ансамбль сахнада",
                            "Демо-иллюстрация: залдағы көрермендер",
                            "Демо-иллюстрация: концерттен кейінгі кездесу",
                        ],
                    ),
                ),
                (
                    "paragraph",
                    "Сапарды алмасу бағдарламасын ұйымдастырушылар жергілікті мәдени "
                    "бірлестіктермен бірге дайындады. Келесі концерт күзге жоспарланған.",
                ),
            ],
        },
        "en": {
            "title": "Young dombra players from Almaty give a concert in Urumqi",
            "slug": "young-dombra-players-from-almaty-give-a-concert-in-urumqi",
            "dateline": "URUMQI",
            "lead": "A youth dombra ensemble from Almaty played kuis and folk songs for the "
            "Kazakh community of Urumqi during a cultural exchange tour.",
            "hero_alt": "Demo illustration for the concert in Urumqi",
            "hero_caption": "The ensemble played classical kuis and folk songs.",
            "body": [
                (
                    "paragraph",
                    "The programme set classical kuis beside new arrangements of folk "
                    "songs. The musicians, students of a music college in Almaty, also held an "
                    "open rehearsal for local children who are learning the dombra.",
                ),
                (
                    "gallery",
                    _gallery(
                        "en",
                        "The concert in pictures",
                        [
                            "The ensemble on stage.",
                            "Families filled the hall.",
                            "After the concert the musicians met young dombra players.",
                        ],
                        [
                            "Demo illustration: the ensemble on stage",
                            "Demo illustration: the audience in the hall",
                            "Demo illustration: meeting after the concert",
                        ],
                    ),
                ),
                (
                    "paragraph",
                    "The tour was prepared by the exchange's organisers together with "
                    "local cultural associations. The next concert is planned for autumn.",
                ),
            ],
        },
    },
}
