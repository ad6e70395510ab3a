"""Edge labels across cluster borders: found from Graphviz's coordinates, moved to a numbered legend."""

from __future__ import annotations

import json

from generator.render.diagram_render import dot_source
from generator.render.edge_legend import legend_title, straddling_edges
from generator.views.diagram import DiagramView, ViewCluster, ViewEdge, ViewNode


def _layout(label_x: float, width: float = 60.0) -> bytes:
    """Graphviz's JSON for two nodes, a cluster from x=0 to x=100, and one labelled edge."""
    return json.dumps(
        {
            "objects": [
                {"_gvid": 0, "name": "cluster_box", "bb": "0,0,100,100"},
                {"_gvid": 1, "name": "a"},
                {"_gvid": 2, "name": "b"},
            ],
            "edges": [
                {
                    "_gvid": 0,
                    "tail": 1,
                    "head": 2,
                    "lp": f"{label_x},50",
                    "_ldraw_": [
                        {"op": "F", "size": 10.0, "face": "Sans-Serif"},
                        {"op": "T", "pt": [label_x, 48], "align": "c", "width": width, "text": "SQL  over"},
                        {"op": "T", "pt": [label_x, 38], "align": "c", "width": width, "text": "TLS"},
                    ],
                }
            ],
        }
    ).encode()


def test_a_label_across_the_border_is_found_by_its_ends_and_text() -> None:
    assert straddling_edges(_layout(label_x=100)) == {("a", "b", "SQL over TLS")}


def test_labels_inside_or_outside_are_left_alone() -> None:
    assert straddling_edges(_layout(label_x=50)) == set()
    assert straddling_edges(_layout(label_x=400)) == set()


def test_a_label_that_ends_on_the_border_counts_as_across_it() -> None:
    # browsers draw text wider than Graphviz estimates: 60 pt ending 2 pt inside still crosses
    assert straddling_edges(_layout(label_x=68)) == {("a", "b", "SQL over TLS")}


def test_unreadable_layouts_find_nothing() -> None:
    assert straddling_edges(b"not json") == set()


def test_legend_text_is_escaped() -> None:
    label = legend_title("<b>t</b>", [(1, "<script>x</script>")])
    assert "<script>" not in label and "&lt;script&gt;" in label and "&lt;b&gt;t" in label


def test_numbered_edges_carry_their_number_beside_the_head_and_the_title_holds_the_legend() -> None:
    view = DiagramView(
        "v",
        "View",
        "deployment",
        "LR",
        (
            ViewNode("a", "A", "service", icon="network.VPC", cluster="c"),
            ViewNode("b", "B", "service", icon="network.VPC"),
        ),
        (ViewEdge("a", "b", "SQL over TLS"), ViewEdge("b", "a", "replies")),
        clusters=(ViewCluster("c", "Box", "group"),),
    )
    source, _ = dot_source(view, legend=(0,))
    assert "headlabel=1" in source and "SQL over TLS</FONT>" in source
    assert "label=replies" in source or 'label="replies"' in source


def test_a_label_with_backslashes_and_quotes_is_matched_as_graphviz_draws_it(monkeypatch) -> None:
    """Graphviz reports the text it drew (`C:\\path "q"`), not its DOT escaping (`C:\\\\path \\"q\\"`)."""
    from generator.render import diagram_render

    label = 'C:\\path "q"'
    view = DiagramView(
        "v",
        "View",
        "container",
        "LR",
        (ViewNode("a", "A", "container", cluster="c"), ViewNode("b", "B", "container")),
        (ViewEdge("a", "b", label),),
        clusters=(ViewCluster("c", "Box", "group"),),
    )
    sources: list[str] = []

    def graphviz(source: str, formats, *, name: str, timeout: float = 300) -> dict[str, bytes]:
        sources.append(source)
        crossing = json.loads(_layout(label_x=100))
        crossing["edges"][0]["_ldraw_"][1:] = [{"op": "T", "width": 60.0, "text": label}]
        placed = crossing if len(sources) == 1 else json.loads(_layout(label_x=50))
        return {"svg": b'<svg width="1pt"><title>View</title></svg>', "json": json.dumps(placed).encode()}

    monkeypatch.setattr(diagram_render, "layout", graphviz)
    diagram_render.render_view(view)
    assert len(sources) == 2 and "headlabel=1" in sources[1]
