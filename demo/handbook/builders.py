"""Small builders for the demo handbook's StreamField content, and law addresses."""

import uuid

FVL = "https://lovdata.no/lov/1967-02-10"
OFFL = "https://lovdata.no/lov/2006-05-19-16"
ARKL = "https://lovdata.no/lov/1992-12-04-126"


def _id():
    return str(uuid.uuid4())


def h(title):
    return {"type": "heading", "id": _id(), "value": title}


def p(*paragraphs):
    return {"type": "text", "id": _id(), "value": "".join(f"<p>{x}</p>" for x in paragraphs)}


def steps(title, *items):
    return {
        "type": "procedure",
        "id": _id(),
        "value": {
            "title": title,
            "steps": [
                {
                    "type": "item",
                    "id": _id(),
                    "value": {"text": f"<p>{text}</p>", "responsible": who},
                }
                for text, who in items
            ],
        },
    }


def law(act, provision, summary, url=""):
    return {
        "type": "legal_reference",
        "id": _id(),
        "value": {"act": act, "provision": provision, "summary": summary, "url": url},
    }


def note(title, text, kind="note"):
    return {
        "type": "notice",
        "id": _id(),
        "value": {"kind": kind, "title": title, "text": f"<p>{text}</p>"},
    }


def table(caption, *rows):
    return {
        "type": "table",
        "id": _id(),
        "value": {
            "data": [list(r) for r in rows],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": caption,
        },
    }
