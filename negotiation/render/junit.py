"""JUnit XML of scenario runs (``negotiation run --junit FILE``), for CI systems that show test
results: one ``testcase`` per scenario run, its unmet expectations as the ``failure``."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from negotiation.scenario import CellResult

__all__ = ["junit_xml"]


def junit_xml(results: Sequence[CellResult]) -> str:
    suite = ET.Element(
        "testsuite",
        name="negotiation",
        tests=str(len(results)),
        failures=str(sum(not r.passed for r in results)),
    )
    for r in results:
        case = ET.SubElement(suite, "testcase", classname=r.file, name=r.name)
        if not r.passed:
            fail = ET.SubElement(case, "failure", message=r.failures[0])
            fail.text = "\n".join(r.failures)
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"
