from django.db import models


class RateLimitCounter(models.Model):
    """Hits of one rate-limit key in one time bucket (see core.ratelimit)."""

    name = models.CharField(max_length=64)  # a hash: no address or e-mail stored in clear
    bucket = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "bucket"], name="one_counter_per_bucket")
        ]

    def __str__(self):
        return f"{self.name[:8]}…@{self.bucket}: {self.count}"
