package uk.iroinsight.security;

import java.time.LocalDateTime;

/** One row of {@code app_user} (warehouse/schema/60_security.sql). */
public record UserAccount(String username, String passwordHash, Role role, String laCode, boolean enabled,
                          LocalDateTime createdAt, String createdBy, LocalDateTime passwordChangedAt,
                          LocalDateTime lastLoginAt) {

    public Access access() {
        return new Access(username, role, laCode);
    }
}
