"""Demo story (2024), written first in English: a consultation day. Invented."""

from ..sections import BYLINE, CREDIT

BERLIN_CONSULTATION = {
    "name": "berlin-consultation",
    "source_locale": "en",  # written first in English
    "published": (2024, 2, 8, 16, 0),
    "categories": ["programmes", "education"],
    "country": "DE",
    "tags": ["germany", "studies"],
    "hero": "berlin-consultation",
    "byline": BYLINE,
    "text": {
        "en": {
            "title": "Compatriots in Germany get answers on studying in Kazakhstan",
            "slug": "compatriots-in-germany-ask-about-studying-in-kazakhstan",
            "dateline": "BERLIN",
            "lead": "An online consultation day for Kazakh families in Germany covered "
            "university quotas, language courses and the documents needed to study "
            "in Kazakhstan.",
            "hero_alt": "Demo illustration for the consultation day in Berlin",
            "hero_caption": "The consultation was streamed to families across Germany.",
            "body": [
                (
                    "paragraph",
                    "The session was organised by the «Otandastar» Foundation with "
                    "community volunteers in Berlin and streamed to families across Germany. More "
                    "than a hundred questions had been sent in advance.",
                ),
                ("heading", "What people asked"),
                (
                    "paragraph",
                    "<p>Most questions were about three topics:</p><ul>"
                    "<li>quotas for compatriots at universities in Kazakhstan;</li>"
                    "<li>free online courses in the Kazakh language;</li>"
                    "<li>which documents must be translated and certified.</li></ul>",
                ),
                (
                    "image",
                    {
                        "image": "berlin-consultation",
                        "alt_text": "Demo illustration: volunteers answering questions",
                        "caption": "Volunteers answered questions during the online session.",
                        "credit": CREDIT["en"],
                    },
                ),
                (
                    "paragraph",
                    "A recording of the session and a short guide will be published "
                    "on the foundation's channels. The next consultation is planned for autumn.",
                ),
            ],
        },
        "ru": {
            "title": "Соотечественникам в Германии рассказали об учёбе в Казахстане",
            "slug": "sootechestvennikam-v-germanii-rasskazali-ob-uchebe-v-kazahstane",
            "dateline": "БЕРЛИН",
            "lead": "На онлайн-консультации для казахских семей в Германии рассказали о квотах "
            "в вузах, языковых курсах и документах, нужных для учёбы в Казахстане.",
            "hero_alt": "Демонстрационная иллюстрация ко дню консультаций в Берлине",
            "hero_caption": "Трансляцию консультации смотрели семьи по всей Германии.",
            "body": [
                (
                    "paragraph",
                    "Консультацию провёл фонд «Отандастар» вместе с волонтёрами "
                    "общины в Берлине; трансляцию смотрели семьи по всей Германии. Заранее пришло "
                    "более ста вопросов.",
                ),
                ("heading", "О чём спрашивали"),
                (
                    "paragraph",
                    "<p>Больше всего вопросов касалось трёх тем:</p><ul>"
                    "<li>квот для соотечественников в вузах Казахстана;</li>"
                    "<li>бесплатных онлайн-курсов казахского языка;</li>"
                    "<li>того, какие документы нужно перевести и заверить.</li></ul>",
                ),
                (
                    "image",
                    {
                        "image": "berlin-consultation",
                        "alt_text": "Демонстрационная иллюстрация: волонтёры отвечают на вопросы",
                        "caption": "Волонтёры отвечали на вопросы во время онлайн-сессии.",
                        "credit": CREDIT["ru"],
                    },
                ),
                (
                    "paragraph",
                    "Запись консультации и краткую памятку опубликуют на каналах "
                    "фонда. Следующая встреча запланирована на осень.",
                ),
            ],
        },
        "kk": {
            "title": "Германиядағы отандастарға Қазақстанда оқу жайы түсіндірілді",
            "slug": "germaniyadagy-otandastarga-qazaqstanda-oqu-zhaiy-tusindirildi",
            "dateline": "БЕРЛИН",
            "lead": "Германиядағы қазақ отбасыларына арналған онлайн кеңес күнінде жоғары оқу "
            "орындарындағы квоталар, тіл курстары және Қазақстанда оқуға қажетті құжаттар "
            "туралы айтылды.",
            "hero_alt": "Берлиндегі кеңес күніне арналған демо-иллюстрация",
            "hero_caption": "Кеңесті Германияның түкпір-түкпіріндегі отбасылар тікелей көрді.",
            "body": [
                (
                    "paragraph",
                    "Кеңесті «Отандастар» қоры Берлиндегі қауым еріктілерімен бірге "
                    "ұйымдастырды, оны Германияның түкпір-түкпіріндегі отбасылар онлайн көрді. "
                    "Алдын ала жүзден астам сұрақ келіп түсті.",
                ),
                ("heading", "Не сұрады?"),
                (
                    "paragraph",
                    "<p>Сұрақтардың көбі үш тақырыпқа қатысты болды:</p><ul>"
                    "<li>Қазақстан жоғары оқу орындарындағы отандастарға арналған квоталар;</li>"
                    "<li>қазақ тілінің тегін онлайн курстары;</li>"
                    "<li>қандай құжаттарды аударып, куәландыру керектігі.</li></ul>",
                ),
                (
                    "image",
                    {
                        "image": "berlin-consultation",
                        "alt_text": "Демо-иллюстрация: еріктілер сұрақтарға жауап беруде",
                        "caption": "Еріктілер онлайн кездесу барысында сұрақтарға жауап берді.",
                        "credit": CREDIT["kk"],
                    },
                ),
                (
                    "paragraph",
                    "Кеңестің жазбасы мен қысқаша жадынама қордың арналарында "
                    "жарияланады. Келесі кездесу күзге жоспарланған.",
                ),
            ],
        },
    },
}
