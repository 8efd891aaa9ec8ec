from django.apps import AppConfig


class FixturesAppConfig(AppConfig):
    name = "fixtures_app"
    verbose_name = "Fixtures and results"
