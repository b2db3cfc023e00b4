"""The cooperation network of one municipality as plain data and a radial layout.

Nodes: the municipality (centre), advice centres and working groups (inner ring),
initiatives (outer ring). Edges: active confirmed cooperations (by type) and working-group
membership of organisations. Positions are concentric rings (deterministic: nodes sorted by
name; each ring turned by half a step against the previous one, so labels interleave), so the
same data always gives the same picture; the SVG is drawn by a template (server-side, no
JavaScript to ship or copy).
"""

import math
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from mitmachkarte.groups.models import CooperationType, WorkingGroup
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.organisations.models import Organisation, OrganisationType

from .selectors import active_cooperations

SIZE = 640
CENTRE = SIZE / 2
OUTER = 270  # radius of the outer ring; the inner ones are spaced evenly
LABEL_ROOM = 190

# One colour per cooperation type (colour-blind friendly "Okabe–Ito" palette).
TYPE_COLOURS = {
    CooperationType.FUNDING: "#E69F00",
    CooperationType.ROOM: "#56B4E9",
    CooperationType.JOINT_EVENT: "#009E73",
    CooperationType.PERMIT: "#D55E00",
    CooperationType.WORKING_GROUP: "#0072B2",
    CooperationType.PUBLICITY: "#CC79A7",
    CooperationType.OTHER: "#777777",
}
MEMBERSHIP_COLOUR = "#999999"
KIND_COLOURS = {
    "municipality": "#19486A",
    "advice_centre": "#00689D",
    "working_group": "#3F7E44",
    "initiative": "#FD9D24",
}


@dataclass
class Node:
    key: str
    label: str
    kind: str  # municipality, advice_centre, working_group, initiative
    url: str = ""
    x: float = CENTRE
    y: float = CENTRE
    anchor: str = "middle"

    @property
    def colour(self) -> str:
        return KIND_COLOURS[self.kind]

    @property
    def label_x(self) -> float:
        return self.x + (8 if self.anchor == "start" else -8 if self.anchor == "end" else 0)

    @property
    def label_y(self) -> float:
        return self.y - 12 if self.anchor == "middle" else self.y + 4


@dataclass
class Edge:
    source: Node
    target: Node
    kind: str  # a CooperationType value or "membership"
    label: str
    since: date | None = None
    goals: list[int] = field(default_factory=list)

    @property
    def colour(self) -> str:
        return TYPE_COLOURS.get(self.kind, MEMBERSHIP_COLOUR)

    @property
    def dashed(self) -> bool:
        return self.kind == "membership"


@dataclass
class Network:
    nodes: list[Node]
    edges: list[Edge]
    size: int = SIZE

    @property
    def view_box(self) -> str:
        """The square of the rings plus room left and right for the labels."""
        return f"{-LABEL_ROOM} -10 {SIZE + 2 * LABEL_ROOM} {SIZE + 20}"

    def legend(self) -> list[tuple[str, str]]:
        used = {e.kind for e in self.edges}
        return [(TYPE_COLOURS[t], t.label) for t in CooperationType if t in used]


def _layout(centre: "Node", inner: list["Node"], outer: list["Node"]) -> None:
    rings = [[centre], *(ring for ring in (inner, outer) if ring)]
    # The centre sits at radius 0 and each further ring one step further out; the outermost
    # ring lies at OUTER. Each ring starts turned by pi/len(rings) more than the previous one.
    step = OUTER / max(len(rings) - 1, 1)
    turn = math.pi / len(rings)
    for index, ring in enumerate(rings):
        radius = step * index
        for position, node in enumerate(ring):
            theta = 2 * math.pi * position / len(ring) + turn * (index + 1)
            x, y = CENTRE + radius * math.cos(theta), CENTRE + radius * math.sin(theta)
            node.x, node.y = round(x, 1), round(y, 1)
            cos = math.cos(theta) if radius else 0.0
            node.anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"


def network_of(municipality: Municipality, *, today: date | None = None) -> Network:
    today = today or timezone.localdate()
    centre_org = (
        Organisation.objects.filter(type=OrganisationType.MUNICIPALITY, municipality=municipality)
        .order_by("pk")
        .first()
    )
    centre = Node(
        key=f"org-{centre_org.pk}" if centre_org else "municipality",
        label=centre_org.name if centre_org else municipality.name,
        kind="municipality",
        url=municipality.get_absolute_url(),
    )
    nodes: dict[str, Node] = {centre.key: centre}
    if centre_org is None:
        nodes["municipality"] = centre

    def org_node(org: Organisation) -> Node:
        if org.type == OrganisationType.MUNICIPALITY and org.municipality_id == municipality.pk:
            nodes.setdefault(f"org-{org.pk}", centre)
        key = f"org-{org.pk}"
        if key not in nodes:
            kind = (
                "initiative"
                if org.type == OrganisationType.INITIATIVE
                else "advice_centre"
                if org.type == OrganisationType.ADVICE_CENTRE
                else "municipality"
            )
            url = org.initiative.get_absolute_url() if org.initiative_id else ""
            nodes[key] = Node(key=key, label=org.name, kind=kind, url=url)
        return nodes[key]

    for advice in municipality.advice_centres.all():
        org_node(advice)
    edges: list[Edge] = []
    cooperations = (
        active_cooperations(municipality, today)
        .select_related("partner", "initiative_organisation__initiative")
        .prefetch_related("initiative_organisation__initiative__sdgs")
        .order_by("since", "pk")
    )
    for c in cooperations:
        initiative = c.initiative_organisation.initiative
        goals = sorted(s.number for s in initiative.sdgs.all()) if initiative else []
        edges.append(
            Edge(
                source=org_node(c.partner),
                target=org_node(c.initiative_organisation),
                kind=c.type,
                label=str(c.get_type_display()),
                since=c.since,
                goals=goals,
            )
        )
    for group in (
        WorkingGroup.objects.filter(municipality=municipality)
        .prefetch_related("organisations", "sdgs")
        .order_by("name")
    ):
        group_node = Node(
            key=f"group-{group.pk}",
            label=group.name,
            kind="working_group",
            url=group.get_absolute_url(),
        )
        nodes[group_node.key] = group_node
        goals = sorted(s.number for s in group.sdgs.all())
        for org in group.organisations.all():
            edges.append(
                Edge(
                    source=group_node,
                    target=org_node(org),
                    kind="membership",
                    label=str(CooperationType.WORKING_GROUP.label),
                    goals=goals,
                )
            )

    unique = list({id(n): n for n in nodes.values()}.values())
    inner = sorted(
        (
            n
            for n in unique
            if n.kind in ("advice_centre", "working_group")
            or (n.kind == "municipality" and n is not centre)
        ),
        key=lambda n: n.label,
    )
    outer = sorted((n for n in unique if n.kind == "initiative"), key=lambda n: n.label)
    _layout(centre, inner, outer)
    return Network(nodes=[centre, *inner, *outer], edges=edges)
