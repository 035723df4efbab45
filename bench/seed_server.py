#!/usr/bin/env python3
"""The seed's design, for comparison: Python's stdlib http.server, single-threaded, answering
the seed's routes as the service profilekit replaces did (token check, JSON arrays built with
json.dumps, pictures base64-decoded per request), from dicts instead of Couchbase.

usage: seed_server.py PORT TOKEN DOCUMENTS_JSON
"""
import base64
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


def load(path):
    with open(path, encoding="utf-8") as f:
        documents = json.load(f)
    profiles = documents["profiles"]
    usernames = {p["user_id"]: p for p in profiles.values()}
    nicknames = {}
    for p in profiles.values():
        nicknames.setdefault(p.get("nickname"), []).append(p)
    return profiles, usernames, nicknames, documents["pictures"]


class Handler(BaseHTTPRequestHandler):
    profiles = usernames = nicknames = pictures = token = None

    def log_message(self, format, *args):  # the seed wrote a log file; keep the console quiet
        pass

    def answer(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def failure(self, status, error):
        self.answer(status, "application/json",
                    bytes(json.dumps({"status": "failure", "message": {"error": error}}), "utf-8"))

    def authorized(self):
        for key in ("authorization", "x-access-token"):
            value = self.headers.get(key)
            if value is not None:
                if value.startswith("Bearer "):
                    value = value[len("Bearer "):]
                if value == self.token:
                    return True
        return False

    def do_GET(self):
        parts = self.path.split("/")
        if self.path == "/healthz":
            return self.answer(200, "text/html", b"<html>READY</html>")
        if not self.authorized():
            return self.failure(401, "Unauthorized")
        records = []
        raw = False
        if len(parts) == 5 and parts[3] == "id":
            found = self.profiles.get(parts[4])
            records = [found] if found else []
        elif len(parts) == 5 and parts[3] == "username":
            found = self.usernames.get(parts[4])
            records = [found] if found else []
        elif len(parts) == 5 and parts[3] == "nickname":
            records = self.nicknames.get(parts[4], [])
        elif len(parts) == 6 and parts[3] == "picture":
            found = self.pictures.get(parts[5])
            records = [found] if found else []
            raw = parts[4] == "raw"
        else:
            return self.failure(403, "Forbidden")
        if not records:
            return self.failure(404, "Not Found")
        if raw:
            return self.answer(200, "image/" + records[0]["type"], base64.b64decode(bytes(records[0]["image"], "utf-8")))
        self.answer(200, "application/json", bytes(json.dumps(records), "utf-8"))


def main():
    port, token, documents = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    Handler.profiles, Handler.usernames, Handler.nicknames, Handler.pictures = load(documents)
    Handler.token = token
    print("seed design listening on", port, flush=True)
    HTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
