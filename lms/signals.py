"""Signals other apps listen to, so the core does not import them."""

from django.dispatch import Signal

# Sent with `user` after an account is approved or its profile changes, so onboarding
# rules can enrol the learner in required courses.
learner_ready = Signal()
