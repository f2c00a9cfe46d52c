"""What wagtail-localize's translation editor offers each user, and our review bar above it.

The editor is a React component whose footer is built, in the browser, from the
`perms` and `links` of its props (wagtail_localize/views/edit_translation.py):
its main button is the last that applies of Stop Synced translation, Convert
to alias page, Delete, Lock, Unlock, Unpublish and "Publish in <language>";
the others go under "More actions". As wagtail-localize builds them, a
translator's main button was Delete, an editor's Convert to alias page (which
the server refuses them: newsroom.guards), and the reviewer of a translation
under review was offered to publish it around the workflow.

So the props are adjusted before the editor renders (our
templates/wagtail_localize/admin/edit_translation.html) from what the
Publish button does for the user (newsroom.review.publish_button_action):

- "submit": who may not publish the page gets the Publish button, which the
  server turns into a submission for review, as "Submit for review";
- "approve": the reviewer gets it as the workflow's "Approve and Publish",
  which the server takes as an approval; the review bar adds the other
  actions (approve with comment, request changes), as Wagtail's page editor
  posts them;
- "publish": left as it is.

Who may not publish the page is offered neither Convert to alias page (the
server refuses it to them) nor Delete (Wagtail lets whoever may edit a page
delete it while it was never published; the page listing's menu still offers
that, with its confirmation).

The button's label is gettext("Publish in ") followed by the language, and
gettext reads the catalogue the template loads: the template replaces that
entry on this page (`labels`). Nothing here grants anything: the server
decides what each post does.

A few words the editor writes in English whatever the language (not through
gettext in wagtail-localize 1.14: the "<source> to <target> translation"
heading, "More actions") are put in the user's language once rendered
(`texts`, replaced by the template's script).
"""

import json
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState

from newsroom.review import publish_button_action, review_actions, user_can_publish

# The editor's msgids for its Publish button ("Publish in " + language, and while sending).
PUBLISH_LABEL = "Publish in "
PUBLISHING_LABEL = "Publishing..."


@dataclass
class ReviewBar:
    state: WorkflowState | None  # in progress or needing changes
    actions: list = field(default_factory=list)  # [(name, label, URL of its form or "")]
    can_submit: bool = False  # the footer's main button submits the translation


@dataclass
class TranslationEditor:
    props: str  # the editor's props, JSON
    labels: dict = field(default_factory=dict)  # the editor's msgid: what it says here
    review: ReviewBar | None = None  # the bar above the editor, if any
    texts: dict = field(default_factory=dict)  # English the editor hard-codes: what it says


def hard_coded_texts(data):
    """The editor's English words that bypass its catalogue, in the user's language."""
    source, target = data["sourceLocale"]["displayName"], data["locale"]["displayName"]
    texts = {
        f"{source} to {target} translation": _("%(source)s to %(target)s translation")
        % {"source": source, "target": target},
        "More actions": _("More actions"),
    }
    return {english: said for english, said in texts.items() if said != english}


def translation_editor(user, instance, props):
    """The translation editor of `instance` for `user`, from wagtail-localize's `props`."""
    data = json.loads(props)
    texts = hard_coded_texts(data)
    if not isinstance(instance, Page):
        return TranslationEditor(props=props, texts=texts)  # snippets: no drafts, no review
    if not user_can_publish(user, instance):
        data["perms"]["canDelete"] = False
        data["links"]["convertToAliasUrl"] = None
    action = publish_button_action(instance, user)
    if action != "publish":
        data["perms"]["canPublish"] = True  # the main button, relabelled
    labels = {}
    if action == "submit":
        submit = _("Submit for review")  # not in the f-string: makemessages would miss it
        labels = {
            PUBLISH_LABEL: f"{submit}: ",
            PUBLISHING_LABEL: _("Submitting…"),
        }
    actions = review_actions(instance, user)
    if action == "approve":
        approvals = sorted((form, label) for name, label, form in actions if name == "approve")
        labels = {PUBLISH_LABEL: f"{approvals[0][1]}: "}  # without a form first
    review = None
    if action == "submit" or actions:
        state = instance.current_workflow_state
        review = ReviewBar(
            state=state,
            actions=[
                (name, label, _form_url(instance, name) if form else "")
                for name, label, form in sorted(actions, key=_primary_first)
            ],
            can_submit=action == "submit",
        )
    return TranslationEditor(props=json.dumps(data), labels=labels, review=review, texts=texts)


def _primary_first(action):
    name, _label, form = action
    return (name != "approve", form)


def _form_url(page, name):
    """Wagtail's modal asking for the action's details (a comment), posted back to us."""
    return reverse(
        "wagtailadmin_pages:collect_workflow_action_data",
        args=[page.pk, name, page.current_workflow_task_state.pk],
    )
