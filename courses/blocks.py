"""StreamField blocks for lessons and for the home page.

Every block tells editors what it is for (``description``), shows a preview in the block picker
(``preview_value``) and renders with its own template under ``templates/blocks/``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    size = blocks.ChoiceBlock(
        label=_("Size"),
        choices=[("h2", _("Large heading")), ("h3", _("Medium heading")), ("h4", _("Small heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        description = _("A heading that divides the text; outlines and screen readers use it.")
        preview_value = {"text": "비행 전 점검 절차", "size": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("A description for people who cannot see the image. Leave empty to use the image's title."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    attribution = blocks.CharBlock(label=_("Source"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/captioned_image_block.html"
        description = _("An image with a caption and its source.")
        preview_value = {"caption": "쿼드콥터 기체 구성도", "attribution": "대전 방산혁신클러스터"}


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("note", _("Note")), ("warning", _("Warning")), ("security", _("Security notice"))],
        default="note",
    )
    title = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "blocks/callout_block.html"
        description = _("Makes a note, a warning or a security notice stand out.")
        preview_value = {
            "kind": "security",
            "title": "보안 유의사항",
            "text": "<p>비행 로그와 영상은 승인된 저장장치에만 보관합니다.</p>",
        }


class CodeBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(
        label=_("Language"),
        choices=[
            ("text", _("Plain text")),
            ("python", "Python"),
            ("c", "C/C++"),
            ("bash", "Shell"),
            ("yaml", "YAML"),
            ("json", "JSON"),
        ],
        default="text",
    )
    code = blocks.TextBlock(label=_("Code"))

    class Meta:
        icon = "code"
        label = _("Code")
        template = "blocks/code_block.html"
        description = _("Code or commands, shown with their line breaks and spacing.")
        preview_value = {"language": "bash", "code": "mavproxy.py --master=/dev/ttyACM0 --baudrate 57600"}


class VideoBlock(blocks.StructBlock):
    """A video uploaded to the document library (served only to enrolled trainees, with seeking) or
    embedded. An uploaded video plays in the browser's own player with its Korean captions (a WebVTT
    file from the library) and resumes where the trainee stopped (``courses.video``)."""

    file = DocumentChooserBlock(label=_("Video file"), required=False, help_text=_("MP4 or WebM file"))
    embed = EmbedBlock(label=_("External video address"), required=False)
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT)"),
        required=False,
        help_text=_("A .vtt caption file in Korean from the document library, shown in the player."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    transcript = blocks.TextBlock(
        label=_("Transcript"), required=False, help_text=_("A transcript for trainees who are deaf or hard of hearing.")
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"
        description = _("An uploaded video file or an embedded external video.")
        preview_value = {"caption": "이륙 전 점검 시연", "transcript": "먼저 프로펠러 고정 상태를 확인합니다."}

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks import StructBlockValidationError

        from .video import CAPTION_EXTENSIONS, VIDEO_EXTENSIONS, extension_of

        value = super().clean(value)
        if bool(value.get("file")) == bool(value.get("embed")):
            error = ValidationError(_("Give either a video file or an external address, not both."))
            raise StructBlockValidationError(block_errors={"file": error})
        errors = {}
        if value.get("file") and extension_of(value["file"].file.name) not in VIDEO_EXTENSIONS:
            errors["file"] = ValidationError(_("Choose an MP4 or WebM video."))
        if value.get("captions") and extension_of(value["captions"].file.name) not in CAPTION_EXTENSIONS:
            errors["captions"] = ValidationError(_("Choose a WebVTT caption file (.vtt)."))
        if value.get("captions") and not value.get("file"):
            errors["captions"] = ValidationError(_("Captions go with an uploaded video file."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        """The player's state for this video from the lesson's context (``presenters.lesson_video_state``:
        length, poster, resume position, the URL that stores the position); empty elsewhere."""
        context = super().get_context(value, parent_context=parent_context)
        state = (parent_context or {}).get("video_state") or {}
        file = value.get("file")
        context["video"] = (state.get("videos") or {}).get(file.pk) if file is not None else None
        return context


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Display name"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "blocks/document_block.html"
        description = _("A file trainees download (PDF, HWP, Excel and so on).")
        preview_value = {"title": "비행 전 점검표.pdf"}


class RichTextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Body")
        template = "blocks/paragraph_block.html"
        description = _("Body text with paragraphs, lists and links.")
        preview_value = "<p>멀티콥터는 4개 이상의 로터로 양력과 자세를 제어합니다.</p>"


class TableWithCaptionBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Table caption"), required=False, max_length=200)
    table = TableBlock(label=_("Table"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table_block.html"
        description = _("A table whose first row is its header.")
        preview_value = {
            "caption": "배터리 점검 기준",
            "table": {
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "data": [["항목", "기준"], ["셀 전압", "3.7V 이상"], ["부풀음", "없음"]],
            },
        }


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every content area offers (lessons, the home page)."""

    heading = HeadingBlock()
    paragraph = RichTextBlock()
    image = CaptionedImageBlock()
    callout = CalloutBlock()
    video = VideoBlock()
    document = DocumentBlock()
    code = CodeBlock()
    table = TableWithCaptionBlock()
