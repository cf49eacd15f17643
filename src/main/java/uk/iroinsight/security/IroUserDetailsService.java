package uk.iroinsight.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Spring Security's view of {@code app_user}, with the lock of {@link LoginAttempts}. */
@Service
class IroUserDetailsService implements UserDetailsService {

    private final UserAccounts accounts;
    private final LoginAttempts attempts;

    IroUserDetailsService(UserAccounts accounts, LoginAttempts attempts) {
        this.accounts = accounts;
        this.attempts = attempts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.find(username).map(account -> new IroUser(account, attempts.isLocked(account.username())))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
