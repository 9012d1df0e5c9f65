# clamd for docker-compose: the official image with InsureHub's scan limits (deploy/clamd-limits.conf).
# clamd keeps the first value it reads for a directive, so the limits go before the image's own settings.
FROM clamav/clamav:stable
COPY deploy/clamd-limits.conf /etc/clamav/insurehub-limits.conf
RUN cat /etc/clamav/insurehub-limits.conf /etc/clamav/clamd.conf > /tmp/clamd.conf \
    && cat /tmp/clamd.conf > /etc/clamav/clamd.conf && rm /tmp/clamd.conf
