"""The portfolio REST API: serializers and viewsets, routed in ``portfolio.api_urls``."""
