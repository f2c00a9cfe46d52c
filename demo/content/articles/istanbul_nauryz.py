"""Demo story (2022), written first in Russian: Nauryz in Istanbul. Invented, no real quotes."""

from ..sections import CREDIT

ISTANBUL_NAURYZ = {
    "name": "istanbul-nauryz",
    "source_locale": "ru",  # written first in Russian
    "published": (2022, 3, 22, 18, 30),
    "categories": ["culture", "compatriots"],
    "country": "TR",
    "tags": ["turkey", "nauryz"],
    "hero": "istanbul-nauryz",
    "text": {
        "ru": {
            "title": "Казахи Стамбула отметили Наурыз",
            "slug": "kazahi-stambula-otmetili-nauryz",
            "dateline": "СТАМБУЛ",
            "lead": "Несколько сотен соотечественников собрались в Стамбуле, чтобы встретить "
            "Наурыз с музыкой, национальными играми и праздничным дастарханом.",
            "hero_alt": "Демонстрационная иллюстрация к празднованию Наурыза в Стамбуле",
            "hero_caption": "Наурыз во дворе культурного центра казахской общины.",
            "body": [
                (
                    "paragraph",
                    "Праздник прошёл во дворе культурного центра местной казахской "
                    "общины. Семьи приехали из разных районов города, многие — в национальных "
                    "костюмах.",
                ),
                ("heading", "Наурыз-коже для каждого гостя"),
                (
                    "paragraph",
                    "Волонтёры сварили наурыз-коже — традиционное блюдо из семи "
                    "ингредиентов — и угостили им каждого гостя. Дети соревновались в игре в асыки "
                    "и в перетягивании каната, а юные музыканты исполнили кюи на домбре.",
                ),
                (
                    "image",
                    {
                        "image": "istanbul-kitchen",
                        "alt_text": "Демонстрационная иллюстрация: праздничный дастархан",
                        "caption": "Волонтёры угощали гостей наурыз-коже.",
                        "credit": CREDIT["ru"],
                    },
                ),
                (
                    "paragraph",
                    "По словам организаторов, праздник стал местом встречи трёх "
                    "поколений казахов Турции: тех, чьи семьи поселились здесь десятилетия назад, "
                    "и студентов, приехавших совсем недавно.",
                ),
            ],
        },
        "kk": {
            "title": "Ыстамбұл қазақтары Наурызды тойлады",
            "slug": "ystambul-qazaqtary-nauryzdy-toilady",
            "dateline": "ЫСТАМБҰЛ",
            "lead": "Ыстамбұлда бірнеше жүз отандасымыз жиналып, Наурыз мерекесін ән-күймен, "
            "ұлттық ойындармен және мерекелік дастарханмен қарсы алды.",
            "hero_alt": "Ыстамбұлдағы Наурыз мерекесіне арналған демо-иллюстрация",
            "hero_caption": "Қазақ қауымының мәдени орталығының ауласындағы Наурыз.",
            "body": [
                (
                    "paragraph",
                    "Мереке жергілікті қазақ қауымының мәдени орталығының ауласында "
                    "өтті. Отбасылар қаланың әр ауданынан келді, олардың көбі ұлттық киім киген.",
                ),
                ("heading", "Әр қонаққа – наурыз көже"),
                (
                    "paragraph",
                    "Еріктілер жеті түрлі дәмнен тұратын дәстүрлі наурыз көже "
                    "пісіріп, әр қонаққа ұсынды. Балалар асық ату мен арқан тартыстан жарысты, ал "
                    "жас музыканттар домбырамен күй орындады.",
                ),
                (
                    "image",
                    {
                        "image": "istanbul-kitchen",
                        "alt_text": "Демо-иллюстрация: мерекелік дастархан",
                        "caption": "Еріктілер қонақтарға наурыз көже ұсынды.",
                        "credit": CREDIT["kk"],
                    },
                ),
                (
                    "paragraph",
                    "Ұйымдастырушылардың айтуынша, мереке Түркиядағы қазақтардың үш "
                    "буынының басын қосатын орынға айналды: отбасылары мұнда ондаған жыл бұрын "
                    "қоныстанғандар да, жақында ғана келген студенттер де бар.",
                ),
            ],
        },
        "en": {
            "title": "Kazakh community in Istanbul celebrates Nauryz",
            "slug": "kazakh-community-in-istanbul-celebrates-nauryz",
            "dateline": "ISTANBUL",
            "lead": "Several hundred compatriots gathered in Istanbul to welcome Nauryz with "
            "music, national games and a festive dastarkhan.",
            "hero_alt": "Demo illustration for the Nauryz celebration in Istanbul",
            "hero_caption": "Nauryz in the courtyard of the community's cultural centre.",
            "body": [
                (
                    "paragraph",
                    "The celebration took place in the courtyard of the local Kazakh "
                    "community's cultural centre. Families came from all over the city, many of "
                    "them in national dress.",
                ),
                ("heading", "Nauryz kozhe for every guest"),
                (
                    "paragraph",
                    "Volunteers cooked nauryz kozhe, the traditional dish of seven "
                    "ingredients, and served it to every guest. Children competed at asyk and tug "
                    "of war, and young musicians played kuis on the dombra.",
                ),
                (
                    "image",
                    {
                        "image": "istanbul-kitchen",
                        "alt_text": "Demo illustration: the festive table",
                        "caption": "Volunteers served nauryz kozhe to the guests.",
                        "credit": CREDIT["en"],
                    },
                ),
                (
                    "paragraph",
                    "The organisers say the holiday has become a meeting point for "
                    "three generations of Kazakhs in Turkey: families who settled here decades ago "
                    "and students who arrived only recently.",
                ),
            ],
        },
    },
}
