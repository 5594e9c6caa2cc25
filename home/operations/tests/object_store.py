"""Test helpers for media in S3-compatible object storage: a local S3 server (moto's server
mode, from PyPI) on a free loopback port, and the settings that portal/settings/base.py derives
from the environment, read in a fresh interpreter exactly as a deployment would."""

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

from bench.server import ROOT, free_port

# moto accepts any credentials; these are placeholders, not secrets.
ACCESS_KEY = "portal-test-access-key"
SECRET_KEY = "portal-test-secret-key"
REGION = "us-east-1"


def http_get(url, timeout=10, headers=None):
    """(status, body bytes, headers) of a GET; HTTP errors are answers too."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


class S3Server:
    """moto's S3-compatible server in a child process (stopped by stop())."""

    def __init__(self):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        environment = dict(os.environ, AWS_ACCESS_KEY_ID=ACCESS_KEY)
        environment["AWS_SECRET_ACCESS_KEY"] = SECRET_KEY
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the S3 server (moto) did not start")
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            time.sleep(0.2)
        else:
            self.stop()
            raise RuntimeError("the S3 server (moto) did not start in time")

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
        )

    def new_bucket(self):
        name = f"portal-media-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return name

    def keys(self, bucket, prefix=""):
        paginator = self.client().get_paginator("list_objects_v2")
        pages = paginator.paginate(Bucket=bucket, Prefix=prefix)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def storage_environment(server, bucket, **extra):
    """The environment variables that put media in `bucket` on `server`."""
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": server.endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        # moto checks object ACLs on anonymous reads (a real bucket would use a bucket policy
        # granting public reads on the image folders).
        "AWS_DEFAULT_ACL": "public-read",
        **extra,
    }


PRODUCTION_BASICS = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x" * 20 + uuid.uuid4().hex,
    "ALLOWED_HOSTS": "127.0.0.1",
    "DATABASE_URL": "sqlite:///unused.sqlite3",
}


def settings_from_environment(environment, names):
    """Settings `names` of portal.settings.production under `environment`, as JSON values."""
    script = (
        "import json, sys\n"
        "from portal.settings import production as s\n"
        "print(json.dumps({n: getattr(s, n, None) for n in sys.argv[1:]}, default=str))\n"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "CACHE_", "REDIS"))}
    result = subprocess.run(
        [sys.executable, "-c", script, *names],
        cwd=ROOT,
        env={**clean, **PRODUCTION_BASICS, **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)
