"""A relationship travels over plain HTTP or another unencrypted protocol.

What it checks:
    Relationship `technology` naming HTTP without HTTPS/TLS, or FTP/telnet. Calls between components
    of one container are in-process and skipped. Unknown when a relationship between two containers
    states no technology.
Why it matters:
    Traffic in the clear can be read or altered on the way; TLS is free with ACM certificates.
How to fix:
    Use HTTPS/TLS end to end and say so in the relationship's technology.
Example:
    technology: HTTPS/JSON
Best practices:
    SEC09-BP02
"""

import re

from generator.rules.base import Outcome, Rule

_PLAIN = re.compile(r"\b(http|ftp|telnet)\b(?!s)", re.IGNORECASE)
_SECURE = re.compile(r"https|tls|ssl|wss", re.IGNORECASE)


def check(ctx):
    index = ctx.index
    for r in index.model.relationships:
        element = r.source
        source_container, target_container = index.container_of(r.source), index.container_of(r.destination)
        if source_container is not None and source_container == target_container:
            continue  # an in-process call between components of one container
        if not r.technology:
            if source_container and target_container:
                yield Outcome(element, "unknown", f"{r.source} -> {r.destination} states no protocol")
        elif _PLAIN.search(r.technology) and not _SECURE.search(r.technology):
            yield Outcome(element, "fail", f"{r.source} -> {r.destination} uses {r.technology}")
        else:
            yield Outcome(element, "pass", f"{r.source} -> {r.destination}: {r.technology}")


RULE = Rule("SEC006", "Unencrypted protocol", "security", "HIGH", ("SEC09-BP02",), check, __doc__)
