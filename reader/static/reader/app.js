/*
 * Otandas reference reader: a small front end that reads ONLY the public GraphQL API.
 *
 * Start here if you are building a client. Everything this page shows comes
 * from POST /graphql/ with the documents below; nothing else is read.
 *
 *   - every query takes a `locale` ("kk", "ru", "en"); pages carry their own
 *     `locale`, `url` (the public path, e.g. /kk/news/<slug>/, which this reader
 *     serves under /reader/), `translations` (live versions in other locales) and
 *     `isFallback`/`contentLocale` (true when the locale has no translation yet
 *     and the page shows another locale's text);
 *   - images: ask for allow-listed renditions only (width-320/640/960/1280/1920,
 *     fill-640x360…, each optionally |format-webp/avif/jpeg; see
 *     cms/settings/images.py); `srcSet` builds a `srcset` string from them;
 *   - errors: the standard `errors` array with a stable `extensions.code`
 *     (NOT_FOUND beside `null` data, HTTP 200); a query that does not validate
 *     is HTTP 400;
 *   - drafts: only with a preview token (`page(token:)`), which the admin's
 *     "Preview" puts in the URL: /reader/?content_type=…&token=….
 *
 * No build step, no dependencies: plain ES2020 in a <script type="module">.
 */

// --- GraphQL documents ---------------------------------------------------------------
// Fragments first, then the queries that use them. A document must include every
// fragment it spreads and no others (unused fragments fail validation), hence
// the small `withFragments()` helper below.

/** An image in the text column: one fallback rendition plus a webp srcset. */
const BODY_IMAGE = /* GraphQL */ `
  fragment BodyImage on Image {
    alt                                         # alt text in the page's locale, if any
    width
    height
    rendition(width: 960, format: "webp") { url width height }
    srcSet(sizes: [320, 640, 960, 1280], format: "webp")   # widths off the allow-list are dropped
  }`;

/**
 * One block of a StreamField body. `blockType` names the block's GraphQL type;
 * inline fragments pick each type's fields. Fields that share a name but not a
 * type across blocks (FactBoxBlock.title is String!, GalleryBlock.title is String)
 * need aliases, or the document fails validation.
 */
const BODY_BLOCK = /* GraphQL */ `
  fragment BodyBlock on StreamFieldInterface {
    id
    blockType
    ... on RichTextBlock { value }                            # a paragraph: HTML
    ... on HeadingBlock { text level }                        # level: h2, h3 or h4
    ... on CaptionedImageBlock { altText caption credit image { ...BodyImage } }
    ... on QuoteBlock { quote attribution }
    ... on FactBoxBlock { boxTitle: title boxText: text }     # the "Reference" box; text is HTML
    ... on GalleryBlock {
      galleryTitle: title
      # items of a list block have no id: asking for one fails
      images { ... on CaptionedImageBlock { altText caption credit image { ...BodyImage } } }
    }
    ... on DocumentLinkBlock { linkText: title document { url title } }
    ... on EmbedBlock { url }                                 # shown as a link, not an iframe
  }`;

/** What a list of articles needs: a 16:9 webp thumbnail and the dateline. */
const ARTICLE_CARD = /* GraphQL */ `
  fragment ArticleCard on NewsArticlePage {
    id
    title
    url
    dateline
    lead
    firstPublishedAt
    heroImage { alt rendition(fill: "640x360", format: "webp") { url width height } }
  }`;

/** A whole article. */
const ARTICLE = /* GraphQL */ `
  fragment Article on NewsArticlePage {
    id
    title
    url
    locale
    isFallback                      # true: no translation into this locale yet
    contentLocale                   # the language the text below is actually in
    translations { locale url }     # published versions in the other locales
    dateline
    source
    sourceUrl
    byline
    lead
    firstPublishedAt
    lastPublishedAt
    heroImage {
      alt
      width
      height
      rendition(width: 1280, format: "webp") { url width height }
      srcSet(sizes: [480, 640, 960, 1280, 1920], format: "webp")
    }
    heroCaption
    heroCredit
    body { ...BodyBlock }
    categories { name slug }
    country { name code }
    tags { name }
  }`;

const PROGRAMME = /* GraphQL */ `
  fragment Programme on ProgrammePage {
    summary
    eligibility                     # HTML
    howToApply                      # HTML
    applicationDeadline             # a date, YYYY-MM-DD
    country { name code }
    partner { name website }
    body { ...BodyBlock }
  }`;

const PROJECT = /* GraphQL */ `
  fragment Project on CulturalProjectPage {
    summary
    place
    startDate
    endDate
    country { name code }
    partners { name website }
    gallery { ...BodyBlock }
    body { ...BodyBlock }
  }`;

/**
 * Any page by its public path, or a draft by preview token. `page` returns the
 * PageInterface; inline fragments add each page type's own fields.
 */
const PAGE_FIELDS = /* GraphQL */ `
  fragment PageFields on PageInterface {
    __typename
    id
    title
    url
    locale
    isFallback
    contentLocale
    translations { locale url }
    ... on NewsArticlePage { ...Article }
    ... on ProgrammePage { ...Programme }
    ... on CulturalProjectPage { ...Project }
    ... on StandardPage { intro body { ...BodyBlock } }
    ... on NewsIndexPage { intro }
    ... on ProgrammeIndexPage { intro }
    ... on CulturalProjectIndexPage { intro }
  }`;

/** The header: weather in the cities (names in the locale) and exchange rates in tenge. */
const TICKER_QUERY = /* GraphQL */ `
  query Ticker($locale: String!) {
    ticker(locale: $locale) {
      weather { city temperatureC observedAt }
      exchangeRates { currency rate date }
    }
  }`;

/**
 * The home page in one request: the latest news (page 1; the "more" button asks
 * NEWS_LIST_QUERY for `pagination.nextPage`), programmes and cultural projects.
 */
const HOME_QUERY = withFragments(
  /* GraphQL */ `
  query Home($locale: String!, $perPage: Int!) {
    newsArticles(locale: $locale, page: 1, perPage: $perPage) {
      items { ...ArticleCard }
      pagination { total currentPage nextPage totalPages }
    }
    programmes(locale: $locale, perPage: 5) {
      items { id title url summary applicationDeadline }
    }
    culturalProjects(locale: $locale, perPage: 5) {
      items { id title url summary place startDate endDate }
    }
  }`,
  ARTICLE_CARD,
);

/** One page of the news list: newest first; `nextPage` is null on the last page. */
const NEWS_LIST_QUERY = withFragments(
  /* GraphQL */ `
  query NewsList($locale: String!, $page: Int!, $perPage: Int!) {
    newsArticles(locale: $locale, page: $page, perPage: $perPage) {
      items { ...ArticleCard }
      pagination { total currentPage nextPage totalPages }
    }
  }`,
  ARTICLE_CARD,
);

/** Programmes and projects for their index pages. */
const PROGRAMMES_QUERY = /* GraphQL */ `
  query Programmes($locale: String!) {
    programmes(locale: $locale, perPage: 50) { items { id title url summary applicationDeadline } }
  }`;
const PROJECTS_QUERY = /* GraphQL */ `
  query Projects($locale: String!) {
    culturalProjects(locale: $locale, perPage: 50) {
      items { id title url summary place startDate endDate }
    }
  }`;

/** One article by its slug in a locale (NOT_FOUND error and null when there is none). */
const ARTICLE_QUERY = withFragments(
  /* GraphQL */ `
  query Article($locale: String!, $slug: String!) {
    newsArticle(locale: $locale, slug: $slug) { ...Article }
  }`,
  ARTICLE,
  BODY_BLOCK,
  BODY_IMAGE,
);

/** Any page by its public path, e.g. /kk/programmes/<slug>/ (null when there is none). */
const PAGE_BY_PATH_QUERY = withFragments(
  /* GraphQL */ `
  query PageByPath($locale: String!, $urlPath: String!) {
    page(locale: $locale, urlPath: $urlPath) { ...PageFields }
  }`,
  PAGE_FIELDS,
  ARTICLE,
  PROGRAMME,
  PROJECT,
  BODY_BLOCK,
  BODY_IMAGE,
);

/** A draft, from the token the admin's Preview adds to the URL. */
const PREVIEW_QUERY = withFragments(
  /* GraphQL */ `
  query Preview($token: String!) {
    page(token: $token) { ...PageFields }
  }`,
  PAGE_FIELDS,
  ARTICLE,
  PROGRAMME,
  PROJECT,
  BODY_BLOCK,
  BODY_IMAGE,
);

function withFragments(query, ...fragments) {
  return [query, ...fragments].join("\n");
}

// --- configuration and texts ----------------------------------------------------------

const root = document.documentElement;
const CONFIG = {
  graphqlUrl: root.dataset.graphqlUrl || "/graphql/",
  base: root.dataset.readerBase || "/reader/",
  locales: (root.dataset.locales || "kk,ru,en").split(","), // script variants as kk-latn
  defaultLocale: root.dataset.defaultLocale || "kk",
};
const NEWS_PER_PAGE = 6;

const LANGUAGE_NAMES = { kk: "Қазақша", "kk-latn": "Qazaqşa", ru: "Русский", en: "English" };

/** Script variants served from another locale's pages: {"kk-latn": "kk"}. */
const SCRIPT_VARIANTS = Object.fromEntries(
  (root.dataset.scriptVariants || "")
    .split(",")
    .filter(Boolean)
    .map((pair) => pair.split(":")),
);

/** The reader's own words, per locale (the content comes translated from the API). */
const TEXTS = {
  kk: {
    site: "Отандас",
    tagline: "Шетелдегі қазақтар туралы жаңалықтар",
    skip: "Мазмұнға өту",
    languages: "Тіл",
    weather: "Ауа райы",
    rates: "Валюта бағамы",
    latest: "Соңғы жаңалықтар",
    more: "Тағы жүктеу",
    noNews: "Әзірге жаңалық жоқ.",
    programmes: "Бағдарламалар",
    projects: "Мәдени жобалар",
    nothing: "Әзірге ештеңе жоқ.",
    loading: "Жүктелуде…",
    notFound: "Бет табылмады",
    notFoundText: "Мұндай бет жоқ немесе ол әлі жарияланбаған.",
    error: "Қате шықты",
    errorText: "Бетті жүктеу мүмкін болмады. Кейінірек қайталап көріңіз.",
    home: "Басты бетке оралу",
    notTranslated: "әлі аударылмаған",
    // "Not yet translated": `code` is the language the text is shown in.
    fallback: (code) => {
      const language = { ru: "орыс", en: "ағылшын" }[code] || code;
      return `Бұл бет қазақ тіліне әлі аударылмаған: мәтін ${language} тілінде.`;
    },
    preview: "Алдын ала қарау",
    previewText: "Бұл — жарияланбаған нобай. Оқырмандар оны көрмейді.",
    published: "Жарияланды",
    updated: "Жаңартылды",
    photo: "Фото",
    categories: "Санаттар",
    country: "Ел",
    tags: "Тегтер",
    deadline: "Өтінім қабылдаудың соңғы күні",
    eligibility: "Кімдер қатыса алады",
    howToApply: "Қалай өтінім беруге болады",
    partner: "Серіктес",
    partners: "Серіктестер",
    dates: "Өтетін уақыты",
    place: "Өтетін орны",
    document: "Құжат",
    external: "Сыртқы материал",
  },
  // Kazakh in Latin script (the 2021 alphabet), as languages.transliteration writes it.
  "kk-latn": {
    site: "Otandas",
    tagline: "Şeteldegı qazaqtar turaly jañalyqtar",
    skip: "Mazmūnğa ötu",
    languages: "Tıl",
    weather: "Aua raiy",
    rates: "Valiuta bağamy",
    latest: "Soñğy jañalyqtar",
    more: "Tağy jükteu",
    noNews: "Äzırge jañalyq joq.",
    programmes: "Bağdarlamalar",
    projects: "Mädeni jobalar",
    nothing: "Äzırge eşteñe joq.",
    loading: "Jüktelude…",
    notFound: "Bet tabylmady",
    notFoundText: "Mūndai bet joq nemese ol älı jariialanbağan.",
    error: "Qate şyqty",
    errorText: "Bettı jükteu mümkın bolmady. Keiınırek qaitalap körıñız.",
    home: "Basty betke oralu",
    notTranslated: "älı audarylmağan",
    // "Not yet translated": `code` is the language the text is shown in.
    fallback: (code) => {
      const language = { ru: "orys", en: "ağylşyn" }[code] || code;
      return `Būl bet qazaq tılıne älı audarylmağan: mätın ${language} tılınde.`;
    },
    preview: "Aldyn ala qarau",
    previewText: "Būl — jariialanbağan nobai. Oqyrmandar ony körmeidı.",
    published: "Jariialandy",
    updated: "Jañartyldy",
    photo: "Foto",
    categories: "Sanattar",
    country: "El",
    tags: "Tegter",
    deadline: "Ötınım qabyldaudyñ soñğy künı",
    eligibility: "Kımder qatysa alady",
    howToApply: "Qalai ötınım beruge bolady",
    partner: "Serıktes",
    partners: "Serıktester",
    dates: "Ötetın uaqyty",
    place: "Ötetın orny",
    document: "Qūjat",
    external: "Syrtqy material",
  },
  ru: {
    site: "Отандас",
    tagline: "Новости о казахах за рубежом",
    skip: "Перейти к содержанию",
    languages: "Язык",
    weather: "Погода",
    rates: "Курсы валют",
    latest: "Последние новости",
    more: "Показать ещё",
    noNews: "Новостей пока нет.",
    programmes: "Программы",
    projects: "Культурные проекты",
    nothing: "Пока ничего нет.",
    loading: "Загрузка…",
    notFound: "Страница не найдена",
    notFoundText: "Такой страницы нет или она ещё не опубликована.",
    error: "Что-то пошло не так",
    errorText: "Не удалось загрузить страницу. Попробуйте позже.",
    home: "На главную",
    notTranslated: "ещё не переведено",
    fallback: (code) => {
      const language = { kk: "казахском", en: "английском" }[code] || code;
      return `Эта страница ещё не переведена на русский: текст на ${language} языке.`;
    },
    preview: "Предпросмотр",
    previewText: "Это черновик, он ещё не опубликован. Читатели его не видят.",
    published: "Опубликовано",
    updated: "Обновлено",
    photo: "Фото",
    categories: "Рубрики",
    country: "Страна",
    tags: "Теги",
    deadline: "Приём заявок до",
    eligibility: "Кто может участвовать",
    howToApply: "Как подать заявку",
    partner: "Партнёр",
    partners: "Партнёры",
    dates: "Даты",
    place: "Место",
    document: "Документ",
    external: "Внешний материал",
  },
  en: {
    site: "Otandas",
    tagline: "News about Kazakhs abroad",
    skip: "Skip to content",
    languages: "Language",
    weather: "Weather",
    rates: "Exchange rates",
    latest: "Latest news",
    more: "More news",
    noNews: "No news yet.",
    programmes: "Programmes",
    projects: "Cultural projects",
    nothing: "Nothing here yet.",
    loading: "Loading…",
    notFound: "Page not found",
    notFoundText: "There is no such page, or it is not published yet.",
    error: "Something went wrong",
    errorText: "The page could not be loaded. Please try again later.",
    home: "Back to the home page",
    notTranslated: "not yet translated",
    fallback: (code) => {
      const language = { kk: "Kazakh", ru: "Russian" }[code] || code;
      return `This page is not yet translated into English: the text is in ${language}.`;
    },
    preview: "Preview",
    previewText: "This is a draft, not yet published. Readers cannot see it.",
    published: "Published",
    updated: "Updated",
    photo: "Photo",
    categories: "Categories",
    country: "Country",
    tags: "Tags",
    deadline: "Application deadline",
    eligibility: "Who can take part",
    howToApply: "How to apply",
    partner: "Partner",
    partners: "Partners",
    dates: "Dates",
    place: "Place",
    document: "Document",
    external: "External content",
  },
};

function texts(locale) {
  return TEXTS[locale] || TEXTS.en;
}

// --- talking to the API -----------------------------------------------------------------

class ApiError extends Error {
  constructor(message, codes = []) {
    super(message);
    this.codes = codes;
  }
}
class NotFound extends Error {}

/**
 * Run a document; returns `data`, or throws NotFound / ApiError.
 *
 * As a persisted query (Apollo's protocol): a GET with the document's SHA-256 only, which
 * caches and CDNs keep; when the API does not know the hash yet (PERSISTED_QUERY_NOT_FOUND)
 * a POST with the document registers it. `persisted: false` (a preview's token must not
 * go into a URL), or a page without Web Crypto (plain http off localhost): a POST.
 */
async function graphql(query, variables = {}, { persisted = true } = {}) {
  const hash = persisted ? await documentHash(query) : null;
  if (hash) {
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const params = new URLSearchParams({
      variables: JSON.stringify(variables),
      extensions: JSON.stringify(extensions),
    });
    const [response, payload] = await send(`${CONFIG.graphqlUrl}?${params}`, { method: "GET" });
    const codes = (payload.errors || []).map((error) => error.extensions?.code);
    if (!codes.includes("PERSISTED_QUERY_NOT_FOUND")) return dataOf(response, payload);
    return dataOf(...(await post({ query, variables, extensions })));
  }
  return dataOf(...(await post({ query, variables })));
}

const documentHashes = new Map();
async function documentHash(query) {
  if (!globalThis.crypto?.subtle) return null;
  if (!documentHashes.has(query)) {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(query));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0"));
    documentHashes.set(query, hex.join(""));
  }
  return documentHashes.get(query);
}

function post(body) {
  return send(CONFIG.graphqlUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** [response, parsed JSON body]; ApiError when there is no answer or no JSON. */
async function send(url, init) {
  let response;
  try {
    const headers = { Accept: "application/json", ...init.headers };
    response = await fetch(url, { ...init, headers });
  } catch (error) {
    throw new ApiError(`Network error: ${error.message}`);
  }
  try {
    return [response, await response.json()];
  } catch {
    throw new ApiError(`HTTP ${response.status} without a JSON body`);
  }
}

function dataOf(response, payload) {
  const errors = payload.errors || [];
  const codes = errors.map((error) => error.extensions?.code).filter(Boolean);
  if (codes.includes("NOT_FOUND")) throw new NotFound(errors[0].message);
  if (!response.ok || errors.length || !payload.data) {
    const message = errors.map((error) => error.message).join("; ") || `HTTP ${response.status}`;
    throw new ApiError(message, codes);
  }
  return payload.data;
}

/** The ticker changes rarely: one request per locale and visit. */
const tickerRequests = new Map();
function loadTicker(locale) {
  if (!tickerRequests.has(locale)) {
    const request = graphql(TICKER_QUERY, { locale }).then((data) => data.ticker);
    request.catch(() => tickerRequests.delete(locale));
    tickerRequests.set(locale, request);
  }
  return tickerRequests.get(locale);
}

// --- small DOM helpers ---------------------------------------------------------------------

/** h("a", {href: "/x", class: "y"}, "text", child…): an element; `html` sets trusted HTML. */
function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") element.className = value;
    else if (name === "html") element.innerHTML = value;
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === "") continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Rich text from the CMS (editors' HTML, cleaned by Wagtail): internal links made reader links. */
function richText(html, className = "rich-text") {
  const element = h("div", { class: className, html: html || "" });
  for (const link of element.querySelectorAll("a[href^='/']")) {
    link.setAttribute("href", readerHref(link.getAttribute("href")));
  }
  return element;
}

/** A public path from the API (/kk/news/<slug>/) as a link in this reader (/reader/kk/…). */
function readerHref(path) {
  const locale = path.split("/")[1];
  if (!CONFIG.locales.includes(locale)) return path; // /documents/…, /media/…: leave alone
  return CONFIG.base + path.replace(/^\//, "");
}

/*
 * Dates and numbers in the reader's language with Intl. Browsers may ship without
 * data for a language: Chromium's built-in ICU formats Kazakh with the root locale
 * ("2026 M11 28", "1,234.5"). For such locales the reader uses its own month names
 * (CLDR's patterns) and the number conventions of a locale that shares them.
 */
const FORMAT_FALLBACKS = {
  kk: {
    months: [
      "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
      "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
    ],
    date: (year, month, day) => `${year} ж. ${day} ${month}`, // CLDR kk: y 'ж'. d MMMM
    numbers: "ru", // space between thousands, comma before decimals, like Kazakh
  },
  "kk-latn": {
    months: [
      "qañtar", "aqpan", "nauryz", "säuır", "mamyr", "mausym",
      "şılde", "tamyz", "qyrküiek", "qazan", "qaraşa", "jeltoqsan",
    ],
    date: (year, month, day) => `${year} j. ${day} ${month}`,
    numbers: "ru",
  },
};

function hasIntlData(locale) {
  const month = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" });
  return !/M\d/.test(month.format(new Date(Date.UTC(2020, 0, 15))));
}

function fallbackFor(locale) {
  return FORMAT_FALLBACKS[locale] && !hasIntlData(locale) ? FORMAT_FALLBACKS[locale] : null;
}

function numberFormat(locale, options) {
  return new Intl.NumberFormat(fallbackFor(locale)?.numbers || locale, options);
}

/** A moment (ISO 8601 with offset), in the reader's time zone: date and time. */
function formatDateTime(iso, locale) {
  if (!iso) return "";
  const date = new Date(iso);
  const fallback = fallbackFor(locale);
  if (fallback) {
    const pad = (number) => String(number).padStart(2, "0");
    const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
    const day = fallback.date(date.getFullYear(), fallback.months[date.getMonth()], date.getDate());
    return `${day}, ${time}`;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" }).format(date);
}

/** A calendar date ("2027-02-28"): formatted in UTC so that no time zone shifts the day. */
function formatDate(isoDate, locale) {
  if (!isoDate) return "";
  const date = new Date(`${isoDate}T00:00:00Z`);
  const fallback = fallbackFor(locale);
  if (fallback) {
    const month = fallback.months[date.getUTCMonth()];
    return fallback.date(date.getUTCFullYear(), month, date.getUTCDate());
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

function dateRange(start, end, locale) {
  if (!start) return "";
  if (!end || end === start) return formatDate(start, locale);
  if (fallbackFor(locale)) return `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  return format.formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
}

function timeElement(iso, locale, format = formatDateTime) {
  return iso ? h("time", { datetime: iso }, format(iso, locale)) : null;
}

/** <img> with srcset/sizes from an Image selected with BodyImage or the article's hero. */
function responsiveImage(image, alt, sizes) {
  if (!image) return null;
  const rendition = image.rendition || {};
  return h("img", {
    src: rendition.url,
    srcset: image.srcSet || null,
    sizes: image.srcSet ? sizes : null,
    width: rendition.width || image.width,
    height: rendition.height || image.height,
    alt: alt ?? image.alt ?? "",
    loading: "lazy",
    decoding: "async",
  });
}

function figure(image, { alt, caption, credit, sizes, locale, className = "figure" }) {
  const t = texts(locale);
  const captionParts = [
    caption ? h("span", { class: "caption" }, caption) : null,
    credit ? h("span", { class: "credit" }, `${t.photo}: ${credit}`) : null,
  ];
  return h(
    "figure",
    { class: className },
    responsiveImage(image, alt, sizes),
    caption || credit ? h("figcaption", null, captionParts) : null,
  );
}

// --- body blocks -------------------------------------------------------------------------

const TEXT_COLUMN = "(min-width: 48rem) 44rem, calc(100vw - 2rem)";

/** One renderer per `blockType`; unknown types are skipped, so new blocks never break a page. */
const BLOCK_RENDERERS = {
  RichTextBlock: (block) => richText(block.value, "rich-text block-paragraph"),
  HeadingBlock: (block) => {
    const level = ["h2", "h3", "h4"].includes(block.level) ? block.level : "h2";
    return h(level, { class: "block-heading" }, block.text);
  },
  CaptionedImageBlock: (block, locale) =>
    figure(block.image, {
      alt: block.altText || block.image?.alt || "",
      caption: block.caption,
      credit: block.credit,
      sizes: TEXT_COLUMN,
      locale,
      className: "figure block-image",
    }),
  QuoteBlock: (block) =>
    h(
      "figure",
      { class: "block-quote" },
      h("blockquote", null, h("p", null, block.quote)),
      block.attribution ? h("figcaption", null, block.attribution) : null,
    ),
  FactBoxBlock: (block) => {
    const id = `box-${block.id}`;
    return h(
      "aside",
      { class: "fact-box", "aria-labelledby": id },
      h("h2", { class: "fact-box-title", id }, block.boxTitle),
      richText(block.boxText),
    );
  },
  GalleryBlock: (block, locale) =>
    h(
      "section",
      { class: "gallery", "aria-label": block.galleryTitle || null },
      block.galleryTitle ? h("h2", { class: "gallery-title" }, block.galleryTitle) : null,
      h(
        "ul",
        { class: "gallery-grid", role: "list" },
        (block.images || []).map((item) =>
          h(
            "li",
            null,
            figure(item.image, {
              alt: item.altText || item.image?.alt || "",
              caption: item.caption,
              credit: item.credit,
              sizes: "(min-width: 48rem) 22rem, calc(100vw - 2rem)",
              locale,
            }),
          ),
        ),
      ),
    ),
  DocumentLinkBlock: (block, locale) =>
    h(
      "p",
      { class: "document-link" },
      h("span", { class: "label" }, `${texts(locale).document}: `),
      h("a", { href: block.document?.url }, block.linkText || block.document?.title),
    ),
  EmbedBlock: (block, locale) =>
    h(
      "p",
      { class: "embed-link" },
      h("span", { class: "label" }, `${texts(locale).external}: `),
      h("a", { href: block.url, rel: "noopener" }, block.url),
    ),
};

function renderBody(blocks, locale) {
  return h(
    "div",
    { class: "body" },
    (blocks || []).map((block) => {
      const render = BLOCK_RENDERERS[block.blockType];
      if (!render) console.debug("reader: no renderer for", block.blockType);
      return render ? render(block, locale) : null;
    }),
  );
}

// --- the header: site name, ticker, language switcher ---------------------------------

const header = {
  brand: document.getElementById("brand"),
  ticker: document.getElementById("ticker"),
  languages: document.getElementById("languages"),
  skip: document.getElementById("skip-link"),
  footer: document.getElementById("footer-text"),
};

function renderChrome(locale) {
  const t = texts(locale);
  root.lang = locale;
  header.brand.replaceChildren(
    h("a", { href: `${CONFIG.base}${locale}/`, class: "brand-name" }, t.site),
    h("span", { class: "brand-tagline" }, t.tagline),
  );
  header.skip.textContent = t.skip;
  header.languages.setAttribute("aria-label", t.languages);
  header.footer.textContent = `${t.site} · GraphQL: ${CONFIG.graphqlUrl}`;
  renderTicker(locale);
}

async function renderTicker(locale) {
  const t = texts(locale);
  let ticker;
  try {
    ticker = await loadTicker(locale);
  } catch (error) {
    console.warn("reader: ticker unavailable", error);
    header.ticker.replaceChildren();
    return;
  }
  if (root.lang !== locale) return; // the reader switched language meanwhile
  const temperature = numberFormat(locale, {
    style: "unit",
    unit: "celsius",
    maximumFractionDigits: 0,
    signDisplay: "exceptZero",
  });
  const tenge = numberFormat(locale, {
    style: "currency",
    currency: "KZT",
    currencyDisplay: "narrowSymbol",
  });
  const groups = [
    tickerGroup("weather", t.weather, ticker.weather, (reading) => [
      formatDateTime(reading.observedAt, locale),
      h("span", { class: "city" }, reading.city),
      temperature.format(reading.temperatureC),
    ]),
    tickerGroup("rates", t.rates, ticker.exchangeRates, (rate) => [
      formatDate(rate.date, locale),
      h("span", { class: "currency" }, rate.currency),
      tenge.format(rate.rate),
    ]),
  ];
  header.ticker.replaceChildren(...groups.filter(Boolean)); // an empty group is left out
}

/** One group of the header ticker; `describe(item)` gives [tooltip, label, value]. */
function tickerGroup(name, title, items, describe) {
  if (!items.length) return null;
  return h(
    "div",
    { class: `ticker-group ${name}` },
    h("h2", { class: "ticker-title" }, title),
    h(
      "ul",
      { role: "list" },
      items.map((item) => {
        const [tooltip, label, value] = describe(item);
        return h("li", { title: tooltip }, label, " ", h("span", { class: "value" }, value));
      }),
    ),
  );
}

/**
 * Links to the other locales. On a page: its `translations`; a locale without one
 * is shown as "not yet translated". On the home page: every locale's home.
 */
function renderLanguages(locale, page = null) {
  const t = texts(locale);
  const items = CONFIG.locales.map((code) => {
    const name = LANGUAGE_NAMES[code] || code;
    if (code === locale) {
      const current = h("span", { class: "current", "aria-current": "true", lang: code }, name);
      return h("li", null, current);
    }
    const href = page ? translationPath(page, code) : `/${code}/`;
    if (!href) {
      return h(
        "li",
        null,
        h(
          "span",
          { class: "untranslated", lang: code },
          name,
          " ",
          h("small", { lang: locale }, `(${t.notTranslated})`),
        ),
      );
    }
    return h("li", null, h("a", { href: readerHref(href), hreflang: code, lang: code }, name));
  });
  header.languages.replaceChildren(h("ul", { role: "list" }, items));
}

/** The public path of `page` in locale `code`; a script variant and its base share pages. */
function translationPath(page, code) {
  const pageLocale = page.locale.toLowerCase();
  if (SCRIPT_VARIANTS[code] === pageLocale || SCRIPT_VARIANTS[pageLocale] === code) {
    return page.url.replace(/^\/[^/]+\//, `/${code}/`);
  }
  return page.translations?.find((tr) => tr.locale.toLowerCase() === code)?.url;
}

// --- pages -------------------------------------------------------------------------------------

const main = document.getElementById("main");

function articleCard(article, locale) {
  const image = article.heroImage?.rendition;
  return h(
    "li",
    { class: image ? "card" : "card card--text" }, // without an image: as tall as its text
    h(
      "article",
      null,
      image
        ? h("img", {
            src: image.url,
            width: image.width,
            height: image.height,
            alt: article.heroImage.alt || "",
            loading: "lazy",
          })
        : null,
      h("h3", { class: "card-title" }, h("a", { href: readerHref(article.url) }, article.title)),
      h(
        "p",
        { class: "card-meta" },
        article.dateline ? h("span", { class: "dateline" }, article.dateline) : null,
        timeElement(article.firstPublishedAt, locale),
      ),
      h("p", { class: "card-lead" }, article.lead),
    ),
  );
}

/** The news list with a "more" button that asks for `pagination.nextPage`. */
function newsList(locale, first) {
  const t = texts(locale);
  const list = h("ul", { class: "cards", role: "list" });
  const status = h("p", { class: "list-status", role: "status" });
  const more = h("button", { type: "button", class: "more" }, t.more);
  let nextPage = null;

  function append(result) {
    list.append(...result.items.map((article) => articleCard(article, locale)));
    nextPage = result.pagination.nextPage;
    more.hidden = !nextPage;
    if (!result.pagination.total) status.textContent = t.noNews;
  }
  more.addEventListener("click", async () => {
    more.disabled = true;
    more.setAttribute("aria-busy", "true");
    try {
      const data = await graphql(NEWS_LIST_QUERY, {
        locale,
        page: nextPage,
        perPage: NEWS_PER_PAGE,
      });
      const firstNew = list.children.length;
      append(data.newsArticles);
      list.children[firstNew]?.querySelector("a")?.focus(); // keyboard users land on the new items
    } catch (error) {
      console.error(error);
      status.textContent = t.errorText;
    } finally {
      more.disabled = false;
      more.removeAttribute("aria-busy");
    }
  });
  append(first);
  return [list, status, more];
}

function programmeItem(item, locale) {
  const t = texts(locale);
  return h(
    "li",
    null,
    h("h3", null, h("a", { href: readerHref(item.url) }, item.title)),
    h("p", null, item.summary),
    item.applicationDeadline
      ? h(
          "p",
          { class: "meta" },
          `${t.deadline}: `,
          timeElement(item.applicationDeadline, locale, formatDate),
        )
      : null,
  );
}

function projectItem(item, locale) {
  return h(
    "li",
    null,
    h("h3", null, h("a", { href: readerHref(item.url) }, item.title)),
    h("p", null, item.summary),
    h(
      "p",
      { class: "meta" },
      [item.place, dateRange(item.startDate, item.endDate, locale)].filter(Boolean).join(" · "),
    ),
  );
}

function sideList(title, items, render, locale) {
  return h(
    "section",
    { class: "side-list" },
    h("h2", null, title),
    items.length
      ? h("ul", { role: "list" }, items.map((item) => render(item, locale)))
      : h("p", null, texts(locale).nothing),
  );
}

async function homePage(route) {
  const { locale } = route;
  const t = texts(locale);
  const data = await graphql(HOME_QUERY, { locale, perPage: NEWS_PER_PAGE });
  renderLanguages(locale);
  return {
    title: t.site,
    content: h(
      "div",
      { class: "home" },
      h(
        "section",
        { class: "news", "aria-labelledby": "latest" },
        h("h1", { id: "latest", tabindex: "-1" }, t.latest),
        newsList(locale, data.newsArticles),
      ),
      h(
        "div",
        { class: "sidebar" },
        sideList(t.programmes, data.programmes.items, programmeItem, locale),
        sideList(t.projects, data.culturalProjects.items, projectItem, locale),
      ),
    ),
  };
}

function fallbackNotice(page, locale) {
  if (!page.isFallback) return null;
  const text = texts(locale).fallback(page.contentLocale);
  return h("p", { class: "notice fallback", role: "note" }, text);
}

function articleView(article, locale) {
  const t = texts(locale);
  const source = article.source
    ? article.sourceUrl
      ? h("a", { href: article.sourceUrl, class: "source", rel: "noopener" }, article.source)
      : h("span", { class: "source" }, article.source)
    : null;
  const updated =
    article.lastPublishedAt &&
    article.firstPublishedAt &&
    new Date(article.lastPublishedAt) - new Date(article.firstPublishedAt) > 60_000;
  const hero = article.heroImage
    ? figure(article.heroImage, {
        alt: article.heroImage.alt || "",
        caption: article.heroCaption,
        credit: article.heroCredit,
        sizes: "(min-width: 48rem) 44rem, 100vw",
        locale,
        className: "figure hero",
      })
    : null;
  hero?.querySelector("img")?.setAttribute("loading", "eager"); // the hero is above the fold
  const labels = (label, values) =>
    values.length
      ? [h("dt", null, label), h("dd", null, values.map((v) => h("span", { class: "chip" }, v)))]
      : null;
  const facts = h(
    "dl",
    { lang: locale },
    labels(t.categories, (article.categories || []).map((c) => c.name)),
    labels(t.country, article.country ? [article.country.name] : []),
    labels(t.tags, (article.tags || []).map((tag) => tag.name)),
  );
  return h(
    "article",
    { class: "article", lang: article.contentLocale },
    h(
      "header",
      { class: "article-header" },
      article.categories?.length
        ? h("p", { class: "kicker" }, article.categories.map((c) => c.name).join(" · "))
        : null,
      h("h1", { tabindex: "-1" }, article.title),
      h(
        "p",
        { class: "dateline-line" },
        article.dateline ? h("span", { class: "dateline" }, article.dateline) : null,
        article.dateline && source ? ". " : null,
        source,
      ),
      h(
        "p",
        { class: "article-meta", lang: locale },
        article.firstPublishedAt
          ? h("span", null, `${t.published}: `, timeElement(article.firstPublishedAt, locale))
          : null,
        updated
          ? h("span", null, `${t.updated}: `, timeElement(article.lastPublishedAt, locale))
          : null,
        article.byline ? h("span", { class: "byline" }, article.byline) : null,
      ),
    ),
    h("p", { class: "lead" }, article.lead),
    hero,
    renderBody(article.body, locale),
    facts.childElementCount ? h("footer", { class: "article-footer" }, facts) : null,
  );
}

/** A term and its description in a <dl>. */
function fact(term, description) {
  return [h("dt", null, term), h("dd", null, description)];
}

/** A programme or project page: kicker, title, summary and facts, then its content. */
function sectionPageView(page, locale, kind, kicker, facts, content) {
  return h(
    "article",
    { class: `article ${kind}`, lang: page.contentLocale },
    h(
      "header",
      { class: "article-header" },
      h("p", { class: "kicker", lang: locale }, kicker),
      h("h1", { tabindex: "-1" }, page.title),
    ),
    h("p", { class: "lead" }, page.summary),
    h("dl", { class: "facts", lang: locale }, facts),
    content,
  );
}

function programmeView(page, locale) {
  const t = texts(locale);
  return sectionPageView(
    page,
    locale,
    "programme",
    t.programmes,
    [
      page.applicationDeadline
        ? fact(t.deadline, timeElement(page.applicationDeadline, locale, formatDate))
        : null,
      page.partner ? fact(t.partner, partnerLink(page.partner)) : null,
      page.country ? fact(t.country, page.country.name) : null,
    ],
    [
      page.eligibility ? [h("h2", null, t.eligibility), richText(page.eligibility)] : null,
      page.howToApply ? [h("h2", null, t.howToApply), richText(page.howToApply)] : null,
      renderBody(page.body, locale),
    ],
  );
}

function projectView(page, locale) {
  const t = texts(locale);
  const partners = (page.partners || []).map((p) => h("span", { class: "chip" }, partnerLink(p)));
  return sectionPageView(
    page,
    locale,
    "project",
    t.projects,
    [
      page.startDate ? fact(t.dates, dateRange(page.startDate, page.endDate, locale)) : null,
      page.place ? fact(t.place, page.place) : null,
      page.country ? fact(t.country, page.country.name) : null,
      partners.length ? fact(t.partners, partners) : null,
    ],
    [renderBody(page.body, locale), renderBody(page.gallery, locale)],
  );
}

function partnerLink(partner) {
  return partner.website
    ? h("a", { href: partner.website, rel: "noopener" }, partner.name)
    : partner.name;
}

async function indexView(page, locale) {
  const t = texts(locale);
  const heading = [
    h("h1", { tabindex: "-1" }, page.title),
    page.intro ? h("p", { class: "lead" }, page.intro) : null,
  ];
  if (page.__typename === "NewsIndexPage") {
    const data = await graphql(NEWS_LIST_QUERY, { locale, page: 1, perPage: NEWS_PER_PAGE });
    return h("section", { class: "news index" }, heading, newsList(locale, data.newsArticles));
  }
  const [query, field, render] =
    page.__typename === "ProgrammeIndexPage"
      ? [PROGRAMMES_QUERY, "programmes", programmeItem]
      : [PROJECTS_QUERY, "culturalProjects", projectItem];
  const items = (await graphql(query, { locale }))[field].items;
  return h(
    "section",
    { class: "side-list index" },
    heading,
    items.length
      ? h("ul", { role: "list" }, items.map((item) => render(item, locale)))
      : h("p", null, t.nothing),
  );
}

/** Any page from `page(...)`, by its type. */
async function pageView(page, locale) {
  switch (page.__typename) {
    case "NewsArticlePage":
      return articleView(page, locale);
    case "ProgrammePage":
      return programmeView(page, locale);
    case "CulturalProjectPage":
      return projectView(page, locale);
    case "NewsIndexPage":
    case "ProgrammeIndexPage":
    case "CulturalProjectIndexPage":
      return indexView(page, locale);
    default: // StandardPage and anything with a title, an intro and a body
      return h(
        "article",
        { class: "article", lang: page.contentLocale },
        h("h1", { tabindex: "-1" }, page.title),
        page.intro ? h("p", { class: "lead" }, page.intro) : null,
        renderBody(page.body, locale),
      );
  }
}

function withPage(page, locale, content) {
  renderLanguages(locale, page);
  return { title: page.title, content: [fallbackNotice(page, locale), content] };
}

async function articlePage(route) {
  const data = await graphql(ARTICLE_QUERY, { locale: route.locale, slug: route.slug });
  if (!data.newsArticle) throw new NotFound();
  return withPage(data.newsArticle, route.locale, articleView(data.newsArticle, route.locale));
}

async function pageByPath(route) {
  const data = await graphql(PAGE_BY_PATH_QUERY, { locale: route.locale, urlPath: route.urlPath });
  if (!data.page) throw new NotFound();
  return withPage(data.page, route.locale, await pageView(data.page, route.locale));
}

async function previewPage(route) {
  const data = await graphql(PREVIEW_QUERY, { token: route.token }, { persisted: false });
  if (!data.page) throw new NotFound();
  const pageLocale = data.page.locale.toLowerCase(); // "kk-Latn" is the reader's kk-latn
  const locale = CONFIG.locales.includes(pageLocale) ? pageLocale : CONFIG.defaultLocale;
  renderChrome(locale);
  const t = texts(locale);
  const banner = h(
    "div",
    { class: "preview-banner", role: "status" },
    h("strong", null, t.preview),
    " ",
    t.previewText,
  );
  const view = withPage(data.page, locale, await pageView(data.page, locale));
  return { title: `${t.preview}: ${view.title}`, content: [banner, view.content] };
}

function messageView(locale, title, text, className) {
  const t = texts(locale);
  return {
    title,
    content: h(
      "section",
      { class: `message ${className}` },
      h("h1", { tabindex: "-1" }, title),
      h("p", null, text),
      h("p", null, h("a", { href: `${CONFIG.base}${locale}/` }, t.home)),
    ),
  };
}

// --- routing ---------------------------------------------------------------------------------

/**
 * /reader/                          → /reader/<default locale>/
 * /reader/<locale>/                 → home
 * /reader/<locale>/news/<slug>/     → newsArticle(locale, slug)
 * /reader/<locale>/<anything>/      → page(locale, urlPath): programmes, projects, about…
 * any path with ?token=…            → page(token): the admin's preview of a draft
 */
function parseRoute(location) {
  const token = new URLSearchParams(location.search).get("token");
  const rest = location.pathname.startsWith(CONFIG.base)
    ? location.pathname.slice(CONFIG.base.length)
    : "";
  const parts = rest.split("/").filter(Boolean);
  const locale = CONFIG.locales.includes(parts[0]) ? parts[0] : null;
  if (token) return { name: "preview", token, locale: locale || CONFIG.defaultLocale };
  if (!parts.length) return { name: "root", locale: CONFIG.defaultLocale };
  if (!locale) return { name: "notFound", locale: CONFIG.defaultLocale };
  if (parts.length === 1) return { name: "home", locale };
  if (parts[1] === "news" && parts.length === 3) {
    return { name: "article", locale, slug: decodeURIComponent(parts[2]) };
  }
  return { name: "page", locale, urlPath: `/${parts.map(decodeURIComponent).join("/")}/` };
}

const VIEWS = {
  home: homePage,
  article: articlePage,
  page: pageByPath,
  preview: previewPage,
  notFound: async () => {
    throw new NotFound();
  },
};

let renderCount = 0;

async function render() {
  const route = parseRoute(window.location);
  if (route.name === "root") {
    history.replaceState(null, "", `${CONFIG.base}${route.locale}/`);
    return render();
  }
  const current = ++renderCount;
  const t = texts(route.locale);
  if (route.name !== "preview") renderChrome(route.locale);
  main.setAttribute("aria-busy", "true");
  main.replaceChildren(h("p", { class: "loading" }, t.loading));
  let view;
  try {
    view = await VIEWS[route.name](route);
  } catch (error) {
    const locale = root.lang || route.locale;
    const tt = texts(locale);
    if (error instanceof NotFound) {
      view = messageView(locale, tt.notFound, tt.notFoundText, "not-found");
    } else {
      console.error("reader:", error);
      view = messageView(locale, tt.error, tt.errorText, "error");
    }
    if (route.name !== "home") renderLanguages(locale);
  }
  if (current !== renderCount) return; // a newer navigation won
  const site = texts(root.lang).site;
  document.title = view.title === site ? view.title : `${view.title} — ${site}`;
  main.replaceChildren(...[view.content].flat(Infinity).filter(Boolean));
  main.removeAttribute("aria-busy");
  document.body.dataset.route = route.name; // for styling and for tests: the page is ready
}

/** Links inside the reader navigate without reloading the page. */
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href]");
  if (!link || link.target || link.hasAttribute("download")) return;
  const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
  if (event.button !== 0 || modified) return;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin || !url.pathname.startsWith(CONFIG.base)) return;
  event.preventDefault();
  history.pushState(null, "", url.pathname + url.search + url.hash);
  navigate();
});

window.addEventListener("popstate", () => navigate());

async function navigate() {
  delete document.body.dataset.route;
  await render();
  window.scrollTo(0, 0);
  main.querySelector("h1")?.focus({ preventScroll: true }); // screen readers hear the new page
}

render();
