"""WebSocket routes. The realtime app adds /ws/events/ here."""

websocket_urlpatterns: list = []
