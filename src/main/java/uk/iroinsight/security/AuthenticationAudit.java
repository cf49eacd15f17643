package uk.iroinsight.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Sign-ins, failed sign-ins and sign-outs into the audit trail, and failed ones counted by {@link LoginAttempts}. */
@Component
class AuthenticationAudit {

    private final AuditLog audit;
    private final LoginAttempts attempts;
    private final UserAccounts accounts;

    AuthenticationAudit(AuditLog audit, LoginAttempts attempts, UserAccounts accounts) {
        this.audit = audit;
        this.attempts = attempts;
        this.accounts = accounts;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof IroUser user) {
            attempts.succeeded(user.getUsername());
            accounts.signedIn(user.getUsername());
            audit.record(user.access(), AuditLog.Event.LOGIN, null, null);
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String typed = String.valueOf(event.getAuthentication().getPrincipal());
        attempts.failed(typed);
        audit.record(typed, null, null, AuditLog.Event.LOGIN_FAILED, null,
                event.getException().getClass().getSimpleName().replace("Exception", "") + (attempts.isLocked(typed)
                        ? "; locked for " + LoginAttempts.LOCK.toMinutes() + " minutes" : ""));
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof IroUser user) {
            audit.record(user.access(), AuditLog.Event.LOGOUT, null, null);
        }
    }
}
