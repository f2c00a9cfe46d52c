"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

- Chromium: /usr/bin/chromium (`make browser` installs it); Playwright's own browsers
  are never downloaded. Without Chromium or Playwright every test here is skipped,
  with the reason.
- Server: `live_server` (pytest-django's, started after the test database, see
  below) runs the WSGI app in a thread on 127.0.0.1 with the test database, and
  serves static files (finders) and media. The tests are transactional, so the
  server sees what the tests write and the reverse.
- Each test starts with the demo content (`load_demo`: locale trees, roles, demo
  users; built once, then copied back, see DemoSnapshot) in a database that is
  emptied after it.
- Screenshots of each step go to var/screenshots/ (not committed).
- A test fails on any JavaScript error of a page and on any Content Security Policy
  violation (the policy is the settings' CONTENT_SECURITY_POLICY, README, Security).
"""

import json
import os
import shutil
import sqlite3
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(django_settings.BASE_DIR) / "var" / "screenshots"
TIMEOUT_MS = 15_000
HOST = "127.0.0.1"  # not "localhost", which Chromium would try on ::1 first
# Run in every frame of every page before its own scripts: each Content Security Policy
# violation (enforced or report-only) is handed to the test (Site.csp_violations).
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolation({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: `${event.sourceFile}:${event.lineNumber}`,
    sample: event.sample,
    disposition: event.disposition,
  });
});
"""


def pytest_collection_modifyitems(config, items):
    """Skip the browser tests, with the reason, when there is nothing to drive."""
    reason = None
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        reason = f"Chromium not found at {CHROMIUM}: run `make browser` (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "Playwright is not installed: `make deps` installs requirements.txt"
    if reason:
        here = Path(__file__).parent
        for item in items:
            if here in Path(item.fspath).parents:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, for the fixtures' teardown to see."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


class SerialWSGIServer(WSGIServer):
    """Serves one request at a time; Django closes each connection of a non-threaded server."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="session")
def live_server(django_db_setup, django_db_blocker):
    """pytest-django's live server, started once the test database exists.

    pytest-django's own fixture does not wait for the database: started before it,
    its threads open their own connections to SQLite's in-memory test database,
    whose shared cache locks whole tables ("database table is locked"). Started
    after it, the server shares the test's connection, and then must serve one
    request at a time: the admin sends several at once (autosave, editing
    sessions), and their transactions would interleave on that one connection.
    On PostgreSQL it stays threaded.
    """
    from django.db import connection
    from django.test.testcases import LiveServerThread
    from pytest_django.live_server_helper import LiveServer

    with pytest.MonkeyPatch.context() as patch:
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            patch.setattr(LiveServerThread, "server_class", SerialWSGIServer)
        with django_db_blocker.unblock():
            server = LiveServer(HOST)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser(django_db_setup):
    """Chromium, for the tests of one module.

    Playwright's sync API keeps an asyncio loop running in this thread, so Django takes
    the tests for async code: it refuses their ORM calls (DJANGO_ALLOW_ASYNC_UNSAFE lifts
    that; they are plain sync code) and keeps database connections in a separate store,
    where the test database's connections are put back (for in-memory SQLite the
    connection is the database; it also holds what serialized_rollback restores).
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    existing = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            for alias, connection in existing.items():
                connections[alias] = connection
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture(scope="module", autouse=True)
def _restore_migrated_data(django_db_setup, django_db_blocker):
    """Put back what migrations created (root page, locales, groups…) after the module.

    A transactional test ends by emptying every table; serialized_rollback restores
    the migrations' data at the start of the next such test only, and the
    transactional tests of other modules expect to find it.
    """
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            data = getattr(connection, "_test_serialized_contents", None)
            if data:
                connection.creation.deserialize_db_from_string(data)


class DemoSnapshot:
    """`load_demo`'s result, made once per run: its database and its files.

    The demo takes 15 to 25 s to build; each test needs it new. On SQLite's in-memory
    test database, the database after the first build is copied aside (SQLite's backup
    API) and copied back for each later test, with the media and demo-users.json it
    wrote. Elsewhere each test builds it.
    """

    def __init__(self, folder):
        self.folder = folder
        self.database = None

    def load_into(self, var_dir):
        from django.db import connection

        if self.database is None:
            call_command("load_demo", stdout=StringIO())
            if connection.vendor == "sqlite" and connection.is_in_memory_db():
                self.database = sqlite3.connect(":memory:", check_same_thread=False)
                connection.connection.backup(self.database)
                shutil.copytree(var_dir, self.folder, dirs_exist_ok=True)
            return
        connection.ensure_connection()
        self.database.backup(connection.connection)
        shutil.copytree(self.folder, var_dir, dirs_exist_ok=True)


@pytest.fixture(scope="session")
def demo_snapshot(tmp_path_factory):
    snapshot = DemoSnapshot(tmp_path_factory.mktemp("demo-snapshot"))
    yield snapshot
    if snapshot.database is not None:
        snapshot.database.close()


class Site:
    """The running site: its URL, the demo users' passwords, browser sessions, screenshots."""

    def __init__(self, url, browser, passwords, prefix):
        self.url = url
        self.browser = browser
        self.passwords = passwords
        self.prefix = prefix
        self.contexts = []
        self.errors = []
        self.csp_violations = []

    def new_page(self, locale="en-GB"):
        """A page in a fresh browser context (own cookies): one per user."""
        context = self.browser.new_context(
            base_url=self.url,
            locale=locale,  # Accept-Language: the admin speaks English
            timezone_id="Asia/Almaty",
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(TIMEOUT_MS)
        self.watch_csp(context)
        self.contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        return page

    def watch_csp(self, context):
        """Record every CSP violation in the context's pages and frames, popups included.

        The page's own report (securitypolicyviolation) says what and where; Chromium's
        console line ("Refused to ... Content Security Policy") also covers what no page
        can see, such as a frame its ancestors' policy refused.
        """

        def report(source, violation):
            url = source["frame"].url
            self.csp_violations.append(
                f"{url}: {violation['disposition']} {violation['directive']} blocked"
                f" {violation['blocked'] or '(inline)'} at {violation['source']}"
                + (f" ({violation['sample']!r})" if violation["sample"] else "")
            )

        def console(message):
            if "Content Security Policy" in message.text:
                self.csp_violations.append(f"console: {message.text}")

        context.expose_binding("__cspViolation", report)
        context.add_init_script(CSP_LISTENER)
        context.on("console", console)

    def login(self, username):
        page = self.new_page()
        page.goto("/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(self.passwords[username])
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/admin/")
        return page

    def screenshot(self, page, name, full_page=True):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{self.prefix}-{name}.png"
        page.screenshot(path=path, full_page=full_page, animations="disabled")
        return path

    def close(self, failed=False):
        """Close the sessions; after a failure, first take a screenshot of every page."""
        for number, context in enumerate(self.contexts):
            for page in context.pages if failed else ():
                self.screenshot(page, f"FAILED-{number}", full_page=False)
            context.close()


@pytest.fixture
def site(request, browser, live_server, settings, transactional_db, tmp_path, demo_snapshot):
    """The live server with the demo content, its URLs pointing at itself."""
    frontend = f"{live_server.url}/reader"
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # absolute media and rendition URLs
    settings.FRONTEND_BASE_URL = frontend
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        **settings.WAGTAIL_HEADLESS_PREVIEW,
        "CLIENT_URLS": {"default": frontend},  # the admin's Preview
        "SERVE_BASE_URL": frontend,  # "View live"
    }
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.VAR_DIR = tmp_path  # var/demo-users.json of this run
    demo_snapshot.load_into(tmp_path)
    passwords = json.loads((tmp_path / "demo-users.json").read_text())
    site = Site(live_server.url, browser, passwords, request.node.name.removeprefix("test_"))
    yield site
    report = getattr(request.node, "report_call", None)
    site.close(failed=report is None or report.failed)
    assert not site.errors, f"JavaScript errors: {site.errors}"
    violations = Counter(site.csp_violations)
    assert not violations, "Content Security Policy violations:\n" + "\n".join(
        f"{text}" + (f" (x{count})" if count > 1 else "") for text, count in violations.items()
    )
