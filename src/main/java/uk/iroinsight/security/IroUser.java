package uk.iroinsight.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in account as Spring Security holds it in the session (the hash is erased after sign-in). */
public final class IroUser implements UserDetails, CredentialsContainer {

    private final String username;
    private String passwordHash;
    private final Role role;
    private final String laCode;
    private final boolean enabled;
    private final boolean locked;

    IroUser(UserAccount account, boolean locked) {
        this.username = account.username();
        this.passwordHash = account.passwordHash();
        this.role = account.role();
        this.laCode = account.laCode();
        this.enabled = account.enabled();
        this.locked = locked;
    }

    public Access access() {
        return new Access(username, role, laCode);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
