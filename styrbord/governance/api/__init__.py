"""The governance REST API: serializers and viewsets, routed in ``governance.api_urls``."""
