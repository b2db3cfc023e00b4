"""Static files for production: hashed names and compression (WhiteNoise)."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    return tuple(
        (
            ext,
            tuple(
                p for p in rules if "sourceMappingURL" not in (p if isinstance(p, str) else p[0])
            ),
        )
        for ext, rules in patterns
    )


class StaticStorage(CompressedManifestStaticFilesStorage):
    # Third-party bundles from PyPI (XStatic, Swagger UI) name source maps they do not
    # ship; rewriting those references would fail the build, and nobody needs them.
    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)
