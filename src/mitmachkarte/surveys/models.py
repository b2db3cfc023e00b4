"""Surveys: a questionnaire (sections, questions, choices), invitations and responses.

Texts are stored in German and English; `text` etc. follow the active language.
Anonymous surveys store no link from a response to an organisation or an invitation and
keep only the administrative region as aggregation dimension (see README, "Surveys").
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.organisations.models import Organisation
from mitmachkarte.taxonomy.models import Category


def _pick(obj, field: str) -> str:
    lang = (get_language() or "de")[:2]
    english = getattr(obj, f"{field}_en") if lang == "en" else ""
    return english or getattr(obj, f"{field}_de")


def new_secret() -> str:
    return secrets.token_urlsafe(24)


class QuestionType(models.TextChoices):
    SINGLE = "single", _("single choice")
    MULTIPLE = "multiple", _("multiple choice")
    SCALE = "scale", _("scale 1–5")
    YES_NO = "yes_no", _("yes/no")
    NUMBER = "number", _("number")
    SHORT_TEXT = "short_text", _("short text")
    LONG_TEXT = "long_text", _("long text")


CHOICE_TYPES = {QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.YES_NO}
TEXT_TYPES = {QuestionType.SHORT_TEXT, QuestionType.LONG_TEXT}


class Survey(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    intro_de = models.TextField(_("introduction (German)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    is_template = models.BooleanField(
        _("template"),
        default=False,
        help_text=_("Templates are never answered; the network team copies them."),
    )
    anonymous = models.BooleanField(
        _("anonymous"),
        default=False,
        help_text=_(
            "Answers are never linked to an organisation; only the administrative "
            "region is kept for the results."
        ),
    )
    open_link = models.BooleanField(
        _("open link"),
        default=False,
        help_text=_("Anyone with the survey's address may answer, not only invited organisations."),
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "slug"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.title_de

    def get_absolute_url(self) -> str:
        return reverse("surveys:answer", args=[self.slug])

    @property
    def title(self) -> str:
        return _pick(self, "title")

    @property
    def intro(self) -> str:
        return _pick(self, "intro")

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            not self.is_template
            and self.opens_at is not None
            and self.opens_at <= now
            and (self.closes_at is None or now < self.closes_at)
        )

    def has_closed(self, now=None) -> bool:
        return self.closes_at is not None and (now or timezone.now()) >= self.closes_at


class Section(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField(default=0)
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        ordering = ["survey", "position", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.title_de

    @property
    def title(self) -> str:
        return _pick(self, "title")

    @property
    def description(self) -> str:
        return _pick(self, "description")


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(default=0)
    key = models.SlugField(
        _("key"), max_length=60, help_text=_("Stable machine name, e.g. the column in exports.")
    )
    type = models.CharField(_("type"), max_length=12, choices=QuestionType.choices)
    text_de = models.CharField(_("question (German)"), max_length=400)
    text_en = models.CharField(_("question (English)"), max_length=400, blank=True)
    help_de = models.CharField(_("help text (German)"), max_length=400, blank=True)
    help_en = models.CharField(_("help text (English)"), max_length=400, blank=True)
    required = models.BooleanField(_("required"), default=False)
    allow_other = models.BooleanField(_("“other: …” option"), default=False)
    min_value = models.DecimalField(
        _("minimum"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("maximum"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    low_label_de = models.CharField(_("label of 1 (German)"), max_length=80, blank=True)
    low_label_en = models.CharField(_("label of 1 (English)"), max_length=80, blank=True)
    high_label_de = models.CharField(_("label of 5 (German)"), max_length=80, blank=True)
    high_label_en = models.CharField(_("label of 5 (English)"), max_length=80, blank=True)
    # Show-if: shown only when the earlier question's answer includes one of these keys
    # (choice keys; "1"…"5" for a scale).
    condition_question = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dependants",
        verbose_name=_("show if the answer to"),
    )
    condition_values = models.JSONField(_("is one of"), default=list, blank=True)

    class Meta:
        ordering = ["survey", "section__position", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["survey", "key"], name="question_unique_key")
        ]

    def __str__(self) -> str:
        return self.text_de

    @property
    def text(self) -> str:
        return _pick(self, "text")

    @property
    def help(self) -> str:
        return _pick(self, "help")

    @property
    def low_label(self) -> str:
        return _pick(self, "low_label")

    @property
    def high_label(self) -> str:
        return _pick(self, "high_label")

    @property
    def has_choices(self) -> bool:
        return self.type in CHOICE_TYPES


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveIntegerField(default=0)
    key = models.SlugField(_("key"), max_length=60)
    label_de = models.CharField(_("label (German)"), max_length=200)
    label_en = models.CharField(_("label (English)"), max_length=200, blank=True)

    class Meta:
        ordering = ["question", "position", "pk"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="choice_unique_key")
        ]

    def __str__(self) -> str:
        return self.label_de

    @property
    def label(self) -> str:
        return _pick(self, "label")


class Invitation(models.Model):
    """A personal link for one organisation. The token is signed (see tokens.py)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="survey_invitations"
    )
    nonce = models.CharField(max_length=40, default=new_secret, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # Anonymous surveys: a flag without a time, so it cannot be matched to a response.
    responded = models.BooleanField(default=False)

    class Meta:
        ordering = ["survey", "organisation__name"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "organisation"], name="invitation_unique_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey} → {self.organisation}"


class ResponseStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")


class Response(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    status = models.CharField(
        max_length=10, choices=ResponseStatus.choices, default=ResponseStatus.DRAFT
    )
    # The respondent's key for resuming (kept in their session; never shown to others).
    secret = models.CharField(max_length=40, unique=True, default=new_secret, editable=False)
    # Personal surveys only; always null in anonymous surveys.
    invitation = models.OneToOneField(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="response"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_responses",
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_responses",
    )
    category = models.ForeignKey(
        Category, on_delete=models.SET_NULL, null=True, blank=True, related_name="survey_responses"
    )
    region = models.CharField(max_length=3, blank=True)
    language = models.CharField(max_length=8, default="de")
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Anonymous surveys store dates only (no time to match against an invitation).
    started_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["survey", "pk"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["survey", "status"], name="response_survey_status")]

    def __str__(self) -> str:
        return f"{self.survey} #{self.pk}"

    @property
    def is_submitted(self) -> bool:
        return self.status == ResponseStatus.SUBMITTED


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choices = models.ManyToManyField(Choice, blank=True, related_name="answers")
    other_text = models.CharField(max_length=300, blank=True)
    number = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(-(10**9)), MaxValueValidator(10**9)],
    )
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["response", "question"]
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_unique_question")
        ]

    def __str__(self) -> str:
        return f"{self.response_id}:{self.question_id}"


class ResponseNeed(models.Model):
    """A need of the support exchange made from a support wish of a response ("into
    action"): at most one per response and type of need, so a second click links to it."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="created_needs")
    need_type = models.CharField(max_length=12)
    need = models.ForeignKey("support.Need", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["response", "need_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "need_type"], name="response_need_unique_type"
            )
        ]

    def __str__(self) -> str:
        return f"{self.response_id} → {self.need_id}"
