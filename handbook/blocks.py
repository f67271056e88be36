"""The building blocks of a handbook page.

Every block renders with a template in ``templates/handbook/blocks/`` and can
say what its text is (``plain_text``) so versions can be compared word by
word and hearings can be commented on section by section.
"""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock

from .privacy import handbook_page_is_private, handbook_restrictions

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class SectionHeadingBlock(blocks.CharBlock):
    """Starts a section: listed in the table of contents and commented on in hearings."""

    class Meta:
        icon = "title"
        label = _("Avsnittsoverskrift")
        template = "handbook/blocks/heading.html"
        form_classname = "title"


class ProcedureStepBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("Steg"), features=RICH_TEXT_FEATURES)
    responsible = blocks.CharBlock(
        label=_("Ansvarlig"), required=False, help_text=_("For eksempel «saksbehandler».")
    )

    class Meta:
        icon = "list-ol"


class ProcedureBlock(blocks.StructBlock):
    """Numbered steps of a routine, in the order they are carried out."""

    title = blocks.CharBlock(label=_("Tittel"), required=False)
    steps = blocks.ListBlock(ProcedureStepBlock(), label=_("Steg"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Prosedyre (nummererte steg)")
        template = "handbook/blocks/procedure.html"


class NoticeBlock(blocks.StructBlock):
    """A note or a warning, set apart from the running text."""

    kind = blocks.ChoiceBlock(
        label=_("Type"),
        choices=[("note", _("Merknad")), ("warning", _("Advarsel"))],
        default="note",
    )
    title = blocks.CharBlock(label=_("Tittel"), required=False)
    text = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Merknad eller advarsel")
        template = "handbook/blocks/notice.html"


class LegalReferenceBlock(blocks.StructBlock):
    """A reference to a law or regulation (hjemmel), linked to Lovdata when given."""

    act = blocks.CharBlock(
        label=_("Lov eller forskrift"), help_text=_("For eksempel «folketrygdloven».")
    )
    provision = blocks.CharBlock(
        label=_("Bestemmelse"), required=False, help_text=_("For eksempel «§ 4-3 annet ledd».")
    )
    summary = blocks.TextBlock(label=_("Kort om bestemmelsen"), required=False)
    url = blocks.URLBlock(label=_("Lenke (Lovdata)"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Henvisning til lov eller forskrift")
        template = "handbook/blocks/legal_reference.html"


class RelatedLinkBlock(blocks.StructBlock):
    """A link to another page in the handbook, a document or an external address."""

    label = blocks.CharBlock(label=_("Lenketekst"), required=False)
    page = blocks.PageChooserBlock(label=_("Side"), required=False)
    document = DocumentChooserBlock(label=_("Dokument"), required=False)
    url = blocks.URLBlock(label=_("Ekstern adresse"), required=False)

    class Meta:
        icon = "link"

    def clean(self, value):
        value = super().clean(value)
        chosen = [k for k in ("page", "document", "url") if value.get(k)]
        if len(chosen) != 1:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Velg nøyaktig én av side, dokument eller adresse."))
                }
            )
        return value


class RelatedLinksBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tittel"), required=False, default=_("Se også"))
    links = blocks.ListBlock(RelatedLinkBlock(), label=_("Lenker"), min_num=1)

    class Meta:
        icon = "link"
        label = _("Lenker til dokumenter og sider")
        template = "handbook/blocks/links.html"


class HandbookTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Tabell")
        template = "handbook/blocks/table.html"


class HandbookStreamBlock(blocks.StreamBlock):
    heading = SectionHeadingBlock()
    text = blocks.RichTextBlock(
        label=_("Tekst"),
        icon="pilcrow",
        features=["h3", *RICH_TEXT_FEATURES],
        template="handbook/blocks/text.html",
    )
    procedure = ProcedureBlock()
    notice = NoticeBlock()
    legal_reference = LegalReferenceBlock()
    table = HandbookTableBlock()
    links = RelatedLinksBlock()


# Text of blocks: for diffs, hearings and search ---------------------------------------


def _rich(value) -> str:
    source = getattr(value, "source", value) or ""
    # Block-level tags become line breaks so words from two paragraphs never merge.
    for tag in ("</p>", "</li>", "</h3>", "<br/>", "<br>"):
        source = source.replace(tag, tag + "\n")
    return strip_tags(source).strip()


def block_text(block) -> str:
    """The words a reader sees in one stream child, as plain text."""
    kind, value = block.block_type, block.value
    if kind == "heading":
        return str(value)
    if kind == "text":
        return _rich(value)
    if kind == "procedure":
        lines = [value.get("title") or ""]
        for i, step in enumerate(value["steps"], 1):
            who = f" ({step['responsible']})" if step.get("responsible") else ""
            lines.append(f"{i}. {_rich(step['text'])}{who}")
        return "\n".join(line for line in lines if line)
    if kind == "notice":
        return "\n".join(filter(None, [value.get("title") or "", _rich(value["text"])]))
    if kind == "legal_reference":
        return " ".join(
            filter(None, [value["act"], value.get("provision") or "", value.get("summary") or ""])
        )
    if kind == "table":
        rows = (value or {}).get("data") or []
        return "\n".join(" | ".join(cell or "" for cell in row) for row in rows)
    if kind == "links":
        labels = []
        pages = [link["page"] for link in value["links"] if link.get("page")]
        restrictions = handbook_restrictions() if pages else ()
        for link in value["links"]:
            page = link.get("page")
            if page and handbook_page_is_private(page, restrictions):
                continue  # as on the page: a private page's link stays out of others' text
            target = page or link.get("document")
            labels.append(link.get("label") or (str(target) if target else link.get("url") or ""))
        return "\n".join(filter(None, [value.get("title") or "", *labels]))
    return strip_tags(str(value))


def heading_anchor(text: str, block_id: str | None) -> str:
    """A stable, readable anchor for a section heading."""
    return slugify(text, allow_unicode=True)[:60] or f"avsnitt-{(block_id or '')[:8]}"
