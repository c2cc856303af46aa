"""Issue 5, end to end in headless Chromium at 390x844: engagement staff read
last quarter's board summary, correct and confirm themes on the review screen,
mark the corrected response for publication and issue codes for the members of
the service-user group; a member opens the group view with their code, sees the
published quote, chooses priorities and comments, checks them redacted and sends;
the board summary then shows the group's view beside the data; staff download
the board pack (a PDF whose text has the headings and the group's view) and
record an action; the public "you said, we did" page shows what people said,
the published quote and the action. axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2
AA) finds nothing on every page.

Runs on the `dev_server` (as `make run` serves it: demo data themed by a run
for every quarter, demo staff without two-factor)."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.helpers import audited_phone, axe, marker_word, sign_in
from webapp.feedback.questions import QUESTION_TEXT
from webapp.periods import recent_quarters
from webapp.themes.scope import feedback_quarter

pytestmark = pytest.mark.browser


class Audit:
    """axe on every page of the journey; all findings are reported together at the end."""

    def __init__(self, axe_source: str):
        self.axe_source = axe_source
        self.failures: dict[str, list[str]] = {}
        self.audited = 0

    def __call__(self, page: Page) -> None:
        page.wait_for_load_state("load")
        self.audited += 1
        violations = axe(page, self.axe_source)
        if violations:
            self.failures[f"{self.audited}: {page.url}"] = violations


def top_theme(page: Page) -> str:
    """The first theme in the summary's ranked table that has a count of 5 or more."""
    for row in page.locator("#themes-table tbody tr").all():
        if row.locator("td").first.inner_text().strip().isdigit():
            return row.locator("th").inner_text().strip()
    raise AssertionError("no theme with a count shown")


def correct_first_response(page: Page, theme: str) -> tuple[str, str]:
    """Give the first response on the review screen `theme` (as well as what it
    had); return its ref parts (response id, field)."""
    card = page.locator(".govuk-summary-card[id^='item-f-']").first
    response_id, field = re.match(r"item-f-(\d+)-(\w+)$", card.get_attribute("id")).groups()
    card.get_by_role("link", name=re.compile(r"^(Correct|Change)")).click()
    expect(page.locator("h1")).to_contain_text("theme", ignore_case=True)
    page.get_by_label(theme, exact=True).check()
    page.get_by_role("button", name="Save themes").click()
    expect(page.locator("main")).to_contain_text("Themes saved.")
    return response_id, field


def test_review_group_summary_pack_action_public(dev_server, demo_staff, new_phone, axe_source):
    base = dev_server.base_url
    page = new_phone().page  # staff on a phone-sized window too: every page is checked at 390x844
    quarter = recent_quarters(4)[1]
    scope = feedback_quarter(quarter)
    marker = marker_word()
    audit = Audit(axe_source)

    # --- Staff: the board summary before the group has spoken ---------------------------
    sign_in(page, base)
    page.goto(f"{base}/staff/reports/summary/{scope.key}")
    expect(page.locator("h1")).to_have_text(scope.label)
    expect(page.locator("main")).to_contain_text("The service-user group has not given its view")
    audit(page)
    theme = top_theme(page)

    # --- Review screen: correct one response to the top theme, confirm another -----------
    page.goto(f"{base}/staff/themes/scope/{scope.key}")
    expect(page.locator("h1")).to_have_text("Review themes")
    audit(page)
    response_id, field = correct_first_response(page, theme)
    audit(page)
    page.get_by_role("button", name="Confirm themes of this response").first.click()
    expect(page.locator("main")).to_contain_text("Themes confirmed.")

    # --- Moderation: mark that response's text for publication; issue the group code -----
    page.goto(f"{base}/staff/feedback/?quarter={quarter}")
    expect(page.locator("h1")).to_have_text("Feedback free text")
    audit(page)
    card = page.locator(f"#response-{response_id}")
    while not card.count():  # newest first: the response may be on a later page
        with page.expect_navigation():  # count() does not wait for the next page
            page.locator("a[rel='next']").click()
        card = page.locator(f"#response-{response_id}")
    published = card.locator(".heard-free-text").nth(
        [text.inner_text() for text in card.locator("h3").all()].index(QUESTION_TEXT[field])).inner_text()
    # (Chromium puts a space before the visually hidden part of a button's name.)
    card.get_by_role("button", name=re.compile(
        rf"^Mark for publication ?: {re.escape(QUESTION_TEXT[field])}, response {response_id}$")).click()
    expect(page.locator(f"#response-{response_id}")).to_contain_text("Marked for publication")
    page.locator("#group-codes-link").click()
    page.get_by_label("How many group members need a code?").fill("2")
    page.get_by_role("button", name="Issue codes").click()
    code = page.locator("#member-code-list code").first.inner_text()
    audit(page)

    # --- The group member, on a phone, with their own code ------------------------------
    member = new_phone().page
    member.goto(f"{base}/group/")
    expect(member.locator("h1")).to_have_text("Enter your access code")
    expect(member.locator("#exit-this-page")).to_be_visible()
    audit(member)
    member.get_by_label("Access code").fill("RIVER-0000")
    member.get_by_role("button", name="Continue").click()
    expect(member.locator(".govuk-error-summary")).to_contain_text("not right")
    audit(member)
    member.get_by_label("Access code").fill(code.lower())
    member.get_by_role("button", name="Continue").click()
    expect(member.locator("h1")).to_have_text("What people told us")
    main = member.locator("main")
    expect(main).to_contain_text(published)
    audit(member)
    member.get_by_role("group", name="Which themes matter most to you?").get_by_label(theme, exact=True).check()
    comment = f"Call people back sooner {marker}. Ask for Sarah Jones on 07700 900456."
    member.get_by_label(f"Your comment on {theme} (optional)").fill(comment)
    member.get_by_role("button", name="Continue").click()
    expect(member.locator("h1")).to_have_text("Check your answers before sending")
    audit(member)
    member.get_by_role("button", name="Send to the board").click()
    expect(member.locator("h1")).to_have_text("Thank you")
    audit(member)

    # --- The board summary shows the group's view beside the data ------------------------
    page.goto(f"{base}/staff/reports/summary/{scope.key}")
    group_view = page.locator("#group-view")
    row = group_view.locator("tr", has=page.locator("th", has_text=theme))
    expect(row).to_contain_text(f"Call people back sooner {marker}")
    expect(group_view).not_to_contain_text("07700 900456")
    expect(group_view).not_to_contain_text("Sarah Jones")
    audit(page)

    # --- The board pack -------------------------------------------------------------------
    with page.expect_download(timeout=60_000) as info:
        # The click waits until the download starts, after the PDF is made: seconds, more on a busy machine.
        page.get_by_role("link", name="Download the board pack (PDF)").click(timeout=60_000)
    pdf = info.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    flat = re.sub(r"\s+", " ", text)
    assert scope.label in flat and f"Call people back sooner {marker}" in flat
    assert "07700 900456" not in flat

    # --- Record an action -------------------------------------------------------------------
    page.get_by_role("link", name="Record an action").click()
    expect(page.locator("h1")).to_have_text("Record an action")
    audit(page)
    page.get_by_label("Theme").select_option(label=theme)
    action = f"Call every person back within two working days ({marker})"
    page.get_by_label("What will be done").fill(action)
    page.get_by_label("Owner organisation").fill("Northshire Outreach")
    page.get_by_label("In progress").check()
    page.get_by_role("button", name="Record action").click()
    expect(page.locator("#public-preview")).to_contain_text(action)
    audit(page)
    # A draft until someone with the board's or engagement role publishes it (issue 14).
    page.get_by_role("button", name="Publish on the public page").click()
    expect(page.locator("#public-text").locator("xpath=following-sibling::p[1]")).to_contain_text("Published")

    # --- The public page shows what people said and what was done ---------------------------
    public = new_phone().page
    public.goto(base + "/")
    public.get_by_role("link", name="You said, we did").first.click()
    expect(public.locator("h1")).to_have_text("You said, we did")
    audit(public)
    public.get_by_role("link", name=re.compile("What people said about services")).click()
    section = public.locator(f"#quarter-{quarter}")
    expect(section).to_contain_text(theme)
    expect(section).to_contain_text(published)
    did = section.locator(f"#did-{quarter}-actions")
    expect(did).to_contain_text(action)
    expect(did).to_contain_text("In progress")
    expect(did).to_contain_text("Northshire Outreach")
    audit(public)
    assert public.context.cookies() == []  # public pages without a form set no cookie
    assert audit.audited == 15 and audit.failures == {}


def test_public_and_group_pages_without_javascript(dev_server, new_phone, axe_source):
    """The finished demo consultations' public pages and the group's door to
    them without Heard's script: axe clean at 390x844, no cookie until a form."""
    base = dev_server.base_url
    audit = Audit(axe_source)
    page = audited_phone(new_phone, js=False).page  # axe itself needs JavaScript
    page.goto(base + "/you-said-we-did/")
    audit(page)
    links = [a.get_attribute("href") for a in page.locator("#finished-consultations a").all()]
    assert len(links) >= 2  # the demo has a closed and a published consultation
    for href in links:
        page.goto(base + href)
        expect(page.locator("h2").first).to_have_text("What people said")
        audit(page)
    page.goto(base + "/you-said-we-did/feedback")
    expect(page.locator("main section")).to_have_count(4)
    audit(page)
    assert page.context.cookies() == []
    page.goto(f"{base}/group/consultation/{links[0].rsplit('/', 1)[1]}")
    expect(page.locator("h1")).to_have_text(re.compile("Enter your access code|not ready yet"))
    audit(page)
    assert audit.failures == {}
