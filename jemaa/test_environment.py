"""Loaded by pytest (`-p jemaa.test_environment`) before Django reads its settings.

Tests talk plain HTTP to the test client and to local servers, so the
production HTTPS switches are off; everything else stays as in production.
"""

import os

os.environ.setdefault("HTTPS", "off")
os.environ.setdefault("STATIC_MANIFEST", "off")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-" + "k" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
