"""The tag mapping of imports: Karte-von-morgen tags → categories and SDGs (a TOML file)."""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from mitmachkarte.taxonomy.models import Category

DEFAULT_MAPPING = Path(__file__).with_name("default_mapping.toml")
KVM_INITIATIVE = "2cd00bebec0c48ba9db761da48678134"
KVM_COMPANY = "77b3c33a92554bcf8e8c2c86cedd6f6f"


class MappingError(ValueError):
    pass


def normalise_tag(tag: str) -> str:
    return tag.strip().lstrip("#").strip().lower()


@dataclass(frozen=True)
class TagMapping:
    default_category: str
    tags: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = field(default_factory=dict)
    kvm_categories: dict[str, str] = field(default_factory=dict)
    import_companies: bool = False

    def topics(self, tags: list[str]) -> tuple[list[str], list[int]]:
        """Categories and SDGs the given tags map to (in tag order, without repeats)."""
        categories: dict[str, None] = {}
        sdgs: dict[int, None] = {}
        for tag in tags:
            cats, goals = self.tags.get(normalise_tag(tag), ((), ()))
            categories.update(dict.fromkeys(cats))
            sdgs.update(dict.fromkeys(goals))
        return list(categories), sorted(sdgs)


def _parse(data: dict, origin: str) -> TagMapping:
    known = set(Category.objects.values_list("slug", flat=True))
    default = data.get("default_category", "")
    if default not in known:
        raise MappingError(
            f"{origin}: default_category '{default}' is not a category slug "
            f"({', '.join(sorted(known))})"
        )
    tags = {}
    unknown: set[str] = set()
    for tag, spec in (data.get("tags") or {}).items():
        if not isinstance(spec, dict):
            raise MappingError(f"{origin}: tag '{tag}' needs a table with categories/sdgs")
        cats = tuple(spec.get("categories") or ())
        goals = tuple(spec.get("sdgs") or ())
        unknown.update(c for c in cats if c not in known)
        if any(not isinstance(g, int) or not 1 <= g <= 17 for g in goals):
            raise MappingError(f"{origin}: tag '{tag}' has an SDG outside 1–17")
        tags[normalise_tag(tag)] = (cats, goals)
    if unknown:
        raise MappingError(f"{origin}: unknown category slugs: {', '.join(sorted(unknown))}")
    kvm = {str(k): str(v) for k, v in (data.get("kvm_categories") or {}).items()}
    kvm.setdefault(KVM_INITIATIVE, "initiative")
    kvm.setdefault(KVM_COMPANY, "company")
    return TagMapping(
        default_category=default,
        tags=tags,
        kvm_categories=kvm,
        import_companies=bool(data.get("import_companies", False)),
    )


def load_mapping(path: str | Path | None = None) -> TagMapping:
    """The mapping from a TOML file (default: the one shipped with this app)."""
    path = Path(path) if path else DEFAULT_MAPPING
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError as exc:
        raise MappingError(f"mapping file not found: {path}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise MappingError(f"{path.name}: not a valid TOML file ({exc})") from exc
    return _parse(data, path.name)


def category_tags(mapping: TagMapping) -> dict[str, str]:
    """For the KVM API: our category slug → the first KVM tag that maps onto it."""
    reverse: dict[str, str] = {}
    for tag, (cats, _goals) in mapping.tags.items():
        for slug in cats:
            reverse.setdefault(slug, tag)
    return reverse
