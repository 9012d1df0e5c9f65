"""Every write on assessments, by sub-domain (lifecycle, sections and completion; estimates;
total loss; photos): `from insurehub.assessments.services import X` names them all."""

from insurehub.assessments.services.lifecycle import *  # noqa: F403
