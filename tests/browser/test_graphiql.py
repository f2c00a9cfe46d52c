"""Development pages in a real browser, with no internet: GraphiQL renders from this
server's files and runs a query; the admin's dashboard and preferences log no errors.

Requests to any other host are refused and recorded, so a CDN, Gravatar or the like
shows up as a failure instead of a slow timeout. Screenshots: var/screenshots/.
"""

from urllib.parse import urlsplit

import pytest

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def offline(site, page):
    """Refuse requests to other hosts; returns the lists of those and of console errors."""
    here = urlsplit(site.url).netloc
    elsewhere, console = [], []

    def handle(route):
        url = urlsplit(route.request.url)
        if url.scheme in ("data", "blob") or url.netloc == here:
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", handle)
    page.on("console", lambda msg: console.append(msg.text) if msg.type == "error" else None)
    return elsewhere, console


def test_graphiql_renders_and_runs_a_query(site):
    page = site.new_page()
    elsewhere, console = offline(site, page)
    page.goto("/graphiql/")
    editor = page.locator(".graphiql-query-editor .CodeMirror")
    expect(editor).to_be_visible()
    expect(page.locator(".graphiql-container")).to_be_visible()
    page.get_by_role("button", name="Execute query (Ctrl-Enter)").click()
    expect(page.locator(".result-window")).to_contain_text('"newsArticles"')
    site.screenshot(page, "graphiql")
    assert not elsewhere, f"requests to other hosts: {elsewhere}"
    assert not console, f"console errors: {console}"


def test_admin_pages_ask_no_one_else_and_log_no_errors(site):
    """No Gravatar on the dashboard; the preferences' time zones are all known to the
    browser (a "localtime" among them was a RangeError in the console)."""
    page = site.new_page()
    elsewhere, console = offline(site, page)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(site.passwords["editor"])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    expect(page.locator("#newsroom-my-drafts-section")).to_be_visible()
    page.goto("/admin/account/")
    zones = page.locator("select[name='locale-current_time_zone'] option")
    # w-locale labels each option with the browser's name of its zone, the last one too.
    expect(zones.last).to_contain_text(": ", timeout=3000)
    site.screenshot(page, "account")
    assert not elsewhere, f"requests to other hosts: {elsewhere}"
    assert not console, f"console errors: {console}"
    expect(zones.nth(1)).to_have_attribute("value", "Asia/Almaty")
