"""XES (IEEE 1849) event log: one trace per dispute (the case), one event per logged event, in
log order, for process-mining tools (PM4Py, ProM, Disco). Standard extensions: ``concept:name``
is the event kind (the activity), ``time:timestamp`` the date at midnight UTC,
``org:resource`` the first actor; beside them the event id, its position in the log, the
source article, outlet and verbatim quote."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from negotiation.events import Event
from negotiation.export.base import ExportFormat, Rendered
from negotiation.export.records import ExportData

__all__ = ["FORMAT", "xes_text"]

XES_NS = "http://www.xes-standard.org/"
EXTENSIONS = (
    ("Concept", "concept", "http://www.xes-standard.org/concept.xesext"),
    ("Time", "time", "http://www.xes-standard.org/time.xesext"),
    ("Organizational", "org", "http://www.xes-standard.org/org.xesext"),
)


def timestamp(event: Event) -> str:
    return f"{event.date.isoformat()}T00:00:00.000+00:00"


def _attr(parent: ET.Element, tag: str, key: str, value: str) -> None:
    ET.SubElement(parent, tag, key=key, value=value)


def _event(data: ExportData, parent: ET.Element, position: int, event: Event) -> None:
    el = ET.SubElement(parent, "event")
    _attr(el, "string", "concept:name", event.kind)
    _attr(el, "date", "time:timestamp", timestamp(event))
    _attr(el, "string", "org:resource", event.actors[0] if event.actors else "")
    _attr(el, "string", "event_id", event.id)
    _attr(el, "int", "position", str(position))
    first = event.sources[0] if event.sources else None
    _attr(el, "string", "source_article", first.article if first else "")
    _attr(el, "string", "source_outlet", data.outlet(first.article) if first else "")
    _attr(el, "string", "source_quote", first.quote if first else "")
    _attr(el, "int", "source_count", str(len(event.sources)))


def xes_text(data: ExportData) -> str:
    log = ET.Element(
        "log",
        {"xes.version": "1.0", "xes.features": "", "xmlns": XES_NS},
    )
    for name, prefix, uri in EXTENSIONS:
        ET.SubElement(log, "extension", name=name, prefix=prefix, uri=uri)
    trace_globals = ET.SubElement(log, "global", scope="trace")
    _attr(trace_globals, "string", "concept:name", "UNKNOWN")
    event_globals = ET.SubElement(log, "global", scope="event")
    _attr(event_globals, "string", "concept:name", "UNKNOWN")
    _attr(event_globals, "date", "time:timestamp", "1970-01-01T00:00:00.000+00:00")
    ET.SubElement(log, "classifier", name="Activity", keys="concept:name")
    _attr(log, "string", "concept:name", data.case_id)
    trace = ET.SubElement(log, "trace")
    _attr(trace, "string", "concept:name", data.case_id)
    for i, event in enumerate(data.log.events):
        _event(data, trace, i, event)
    ET.indent(log)
    return ET.tostring(log, encoding="unicode", xml_declaration=True) + "\n"


def _render(data: ExportData) -> Rendered:
    return Rendered(xes_text(data).encode("utf-8"), len(data.log.events))


FORMAT = ExportFormat("xes", ".xes", "XES event log, one trace per dispute", _render)
