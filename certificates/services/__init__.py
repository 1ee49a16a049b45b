"""Operations on certificates that views, the admin and other apps call."""

from .issuing import issue_certificate, reissue_certificate, revoke_certificate

__all__ = ["issue_certificate", "reissue_certificate", "revoke_certificate"]
