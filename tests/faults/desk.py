"""An editor at work against a server process: the console's JSON writes (signed in, with a
CSRF token as the console page sends it), the JSON API with a token, and the websocket."""

import json
import secrets
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.test import Client
from websockets.sync.client import ClientConnection, connect

from fixtures_app.models import Match

# Straight to the test's server, whatever proxy the environment names.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class Answer:
    status: int
    body: str

    def json(self) -> dict:
        return json.loads(self.body)


@dataclass
class Desk:
    server: str  # http://127.0.0.1:8001
    session: str
    csrf: str

    @classmethod
    def signed_in(cls, server: str, user: User) -> "Desk":
        client = Client()
        client.force_login(user)
        return cls(server, client.cookies["sessionid"].value, secrets.token_hex(16))

    def get(self, path: str) -> Answer:
        return self._send(urllib.request.Request(self.server + path, headers=self._headers()))

    def post(self, path: str, data: dict) -> Answer:
        """A console write, as console.js sends it: a form, answered in JSON."""
        headers = {**self._headers(), "Accept": "application/json", "X-CSRFToken": self.csrf}
        body = urllib.parse.urlencode(data).encode()
        return self._send(urllib.request.Request(self.server + path, data=body, headers=headers))

    def socket(self, match_id: int) -> ClientConnection:
        url = self.server.replace("http://", "ws://") + f"/ws/matches/{match_id}/"
        cookie = self._headers()["Cookie"]
        return connect(
            url, origin=self.server, additional_headers={"Cookie": cookie}, proxy=None, max_size=None
        )

    def _headers(self) -> dict:
        return {"Cookie": f"sessionid={self.session}; csrftoken={self.csrf}"}

    @staticmethod
    def _send(request: urllib.request.Request) -> Answer:
        try:
            with OPENER.open(request, timeout=15) as response:
                return Answer(response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.read().decode())


def api_call(server: str, key: str, method: str, path: str, body: dict | None = None) -> Answer:
    """The JSON API, /api/v1`path`, with a bearer token."""
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{server}/api/v1{path}", data=data, headers=headers, method=method)
    return Desk._send(request)


def event(match: Match, kind: str, known_as: str, minute: int) -> dict:
    """An event's fields as the console's form and the API take them."""
    return {"kind": kind, "minute": minute, "player": match.lineup.get(player__known_as=known_as).player_id}
