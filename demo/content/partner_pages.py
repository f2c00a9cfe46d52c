"""A compatriot programme and a cultural project, run with partner foundations."""

from .sections import CREDIT

LANGUAGE_PROGRAMME = {
    "name": "kazakh-language-online",
    "source_locale": "kk",
    "partner": "otandastar",
    "country": None,  # open to compatriots everywhere
    "deadline": (2027, 2, 28),
    "text": {
        "kk": {
            "title": "Қазақ тілі онлайн: отандастарға арналған тегін курстар",
            "slug": "qazaq-tili-onlain",
            "summary": "Шетелде тұратын барлық жастағы отандастарға арналған қазақ тілінің "
            "тегін онлайн курстары – әліпбиден бастап еркін сөйлеуге дейін. Курстар "
            "«Отандастар» қорымен бірге өткізіледі.",
            "eligibility": "<p>Курсқа мыналар жазыла алады:</p><ul>"
            "<li>шетелде тұратын этникалық қазақтар мен Қазақстан азаматтары;</li>"
            "<li>олардың 10 жастан асқан отбасы мүшелері;</li>"
            "<li>жаңадан бастаушылар да, қазақ тілін жетілдіргісі келетіндер де.</li></ul>",
            "how_to_apply": "<ol><li>Қордың сайтындағы өтінім формасын толтырыңыз.</li>"
            "<li>Деңгейді анықтайтын қысқа онлайн тесттен өтіңіз.</li>"
            "<li>Топ нөмірі мен сабақ кестесі жазылған хатты күтіңіз.</li></ol>",
            "body": [
                (
                    "paragraph",
                    "Сабақтар аптасына екі рет шағын топтарда, Еуропа мен Азияның "
                    "уақыт белдеулеріне ыңғайлы кешкі уақытта өтеді. Курсты тәжірибелі қазақ тілі "
                    "мұғалімдері жүргізеді, ал оқу материалдары курс аяқталғаннан кейін де "
                    "қолжетімді болады.",
                ),
                (
                    "image",
                    {
                        "image": "language-course",
                        "alt_text": "Қазақ тілінің онлайн курстарына арналған демо-иллюстрация",
                        "caption": "Сабақтар шағын топтарда онлайн өтеді.",
                        "credit": CREDIT["kk"],
                    },
                ),
            ],
        },
        "ru": {
            "title": "Казахский язык онлайн: бесплатные курсы для соотечественников",
            "slug": "kazahskij-yazyk-onlajn",
            "summary": "Бесплатные онлайн-курсы казахского языка для соотечественников любого "
            "возраста, живущих за рубежом, — от алфавита до свободного разговора. Курсы "
            "проводятся вместе с фондом «Отандастар».",
            "eligibility": "<p>На курсы могут записаться:</p><ul>"
            "<li>этнические казахи и граждане Казахстана, живущие за рубежом;</li>"
            "<li>члены их семей старше 10 лет;</li>"
            "<li>как начинающие, так и те, кто хочет улучшить свой казахский.</li></ul>",
            "how_to_apply": "<ol><li>Заполните анкету на сайте фонда.</li>"
            "<li>Пройдите короткий онлайн-тест на уровень языка.</li>"
            "<li>Дождитесь письма с номером группы и расписанием занятий.</li></ol>",
            "body": [
                (
                    "paragraph",
                    "Занятия проходят дважды в неделю в небольших группах, вечером "
                    "по часовым поясам Европы и Азии. Ведут их опытные преподаватели казахского "
                    "языка, а материалы курса остаются доступными и после его окончания.",
                ),
                (
                    "image",
                    {
                        "image": "language-course",
                        "alt_text": "Демонстрационная иллюстрация к онлайн-курсам казахского языка",
                        "caption": "Занятия проходят онлайн в небольших группах.",
                        "credit": CREDIT["ru"],
                    },
                ),
            ],
        },
        "en": {
            "title": "Kazakh language online: free courses for compatriots",
            "slug": "kazakh-language-online",
            "summary": "Free online Kazakh courses for compatriots of all ages living abroad, "
            "from the alphabet to fluent conversation, run with the «Otandastar» Foundation.",
            "eligibility": "<p>The courses are open to:</p><ul>"
            "<li>ethnic Kazakhs and citizens of Kazakhstan living abroad;</li>"
            "<li>members of their families aged 10 and over;</li>"
            "<li>beginners as well as those who want to improve their Kazakh.</li></ul>",
            "how_to_apply": "<ol><li>Fill in the application form on the foundation's "
            "website.</li><li>Take a short online placement test.</li>"
            "<li>Wait for an email with your group and timetable.</li></ol>",
            "body": [
                (
                    "paragraph",
                    "Classes take place twice a week in small groups, in the evening "
                    "in European and Asian time zones. They are taught by experienced teachers of "
                    "Kazakh, and the course materials remain available after the course ends.",
                ),
                (
                    "image",
                    {
                        "image": "language-course",
                        "alt_text": "Demo illustration for the online Kazakh courses",
                        "caption": "Classes take place online in small groups.",
                        "credit": CREDIT["en"],
                    },
                ),
            ],
        },
    },
}


def _gallery(locale, title, captions):
    keys = ["culture-days", "culture-days-yurt", "culture-days-crafts"]
    return [
        (
            "gallery",
            {
                "title": title,
                "images": [
                    {
                        "image": key,
                        "alt_text": caption,
                        "caption": caption,
                        "credit": CREDIT[locale],
                    }
                    for key, caption in zip(keys, captions, strict=True)
                ],
            },
        )
    ]


CULTURE_DAYS_TOKYO = {
    "name": "culture-days-tokyo",
    "source_locale": "kk",
    "partners": ["kazakhs-in-japan", "otandastar"],
    "country": "JP",
    "dates": ((2026, 5, 15), (2026, 5, 17)),
    "text": {
        "kk": {
            "title": "Токиодағы қазақ мәдениеті күндері",
            "slug": "tokiodagy-qazaq-madenieti-kunderi",
            "place": "Токио",
            "summary": "Токиода үш күн бойы қазақ музыкасы, қолөнері мен ұлттық тағамдары "
            "таныстырылды. Жобаны Жапониядағы қазақтар қауымдастығы «Отандастар» қорымен "
            "бірге әзірледі.",
            "gallery": _gallery(
                "kk",
                "Мәдениет күндері суреттерде",
                [
                    "Мәдениет күндерінің ашылуы.",
                    "Келушілерге арналған киіз үй.",
                    "Киіз басу мен кесте тігуден шеберлік сабағы.",
                ],
            ),
            "body": [
                (
                    "paragraph",
                    "Бағдарламада дәстүрлі музыка концерті, кез келген адам кіре "
                    "алатын киіз үй, киіз басу мен кесте тігуден шеберлік сабақтары, бесбармақ пен "
                    "бауырсақ дәмін тату болды. Жапон тіліндегі дәрістер қонақтарды қазақ "
                    "даласының тарихымен таныстырды.",
                ),
                (
                    "paragraph",
                    "Ұйымдастырушылар Мәдениет күндерін жыл сайын өткізіп, "
                    "Жапонияның басқа қалаларына да апаруды көздейді.",
                ),
            ],
        },
        "ru": {
            "title": "Дни казахской культуры в Токио",
            "slug": "dni-kazahskoj-kultury-v-tokio",
            "place": "Токио",
            "summary": "Три дня казахской музыки, ремёсел и кухни в Токио — проект Ассоциации "
            "казахов Японии и фонда «Отандастар».",
            "gallery": _gallery(
                "ru",
                "Дни культуры в фотографиях",
                [
                    "Открытие Дней культуры.",
                    "Юрта, открытая для посетителей.",
                    "Мастер-класс по валянию войлока и вышивке.",
                ],
            ),
            "body": [
                (
                    "paragraph",
                    "В программе были концерт традиционной музыки, юрта, в которую "
                    "мог зайти каждый, мастер-классы по валянию войлока и вышивке, дегустация "
                    "бешбармака и баурсаков. Лекции на японском языке познакомили гостей "
                    "с историей казахской степи.",
                ),
                (
                    "paragraph",
                    "Организаторы надеются сделать Дни культуры ежегодными и провести "
                    "их и в других городах Японии.",
                ),
            ],
        },
        "en": {
            "title": "Kazakh Culture Days in Tokyo",
            "slug": "kazakh-culture-days-in-tokyo",
            "place": "Tokyo",
            "summary": "Three days of Kazakh music, crafts and food in Tokyo, prepared by the "
            "Association of Kazakhs in Japan with the «Otandastar» Foundation.",
            "gallery": _gallery(
                "en",
                "Culture Days in pictures",
                [
                    "The opening of the Culture Days.",
                    "A yurt open to visitors.",
                    "A workshop on felt making and embroidery.",
                ],
            ),
            "body": [
                (
                    "paragraph",
                    "The programme included a concert of traditional music, a yurt "
                    "that anyone could step into, workshops on felt making and embroidery, and a "
                    "tasting of beshbarmak and baursak. Talks in Japanese introduced guests to the "
                    "history of the Kazakh steppe.",
                ),
                (
                    "paragraph",
                    "The organisers hope to hold the Culture Days every year and to "
                    "take them to other cities in Japan.",
                ),
            ],
        },
    },
}
