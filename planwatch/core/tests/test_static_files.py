"""Production's static files: collectstatic with the manifest storage must find every file
that a stylesheet refers to, or the site cannot be deployed."""

from io import StringIO

from django.core.management import call_command


def test_collectstatic_builds_the_production_manifest(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0, stdout=StringIO())
    manifest = (tmp_path / "staticfiles.json").read_text()
    for name in (
        "vendor/govuk/govuk-frontend.min.css",
        "vendor/moj/moj-frontend.min.css",
        "vendor/govuk/assets/images/favicon.ico",
        "planwatch.css",
    ):
        assert f'"{name}"' in manifest
