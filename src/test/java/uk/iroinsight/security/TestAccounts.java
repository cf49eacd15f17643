package uk.iroinsight.security;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import uk.iroinsight.warehouse.Warehouse;

/**
 * The accounts the tests sign in with, one per role (two LA analysts, for the "other
 * authority" checks). Test-only: they exist only in the tests' warehouses. The hashes use bcrypt
 * with a low cost, which the product's encoder reads like any other.
 */
public final class TestAccounts {

    /** Every test account's password: passes {@link PasswordPolicy}. */
    public static final String PASSWORD = "test-only-Kestrel-Harbour-91";

    public record Account(String username, Role role, String laCode) {
        public Access access() {
            return new Access(username, role, laCode);
        }
    }

    public static final Account ADMIN = new Account("admin", Role.ADMIN, null);
    public static final Account VIEWER = new Account("viewer", Role.VIEWER, null);
    /** Nottinghamshire's analyst. */
    public static final Account ANALYST = new Account("analyst-891", Role.LA_ANALYST, "891");
    /** Rutland's analyst (the authority with the smallest numbers). */
    public static final Account RUTLAND_ANALYST = new Account("analyst-857", Role.LA_ANALYST, "857");

    private TestAccounts() {
    }

    /** Adds the accounts to a warehouse (whose schema is in place); already there, they are left alone. */
    public static void addTo(Warehouse warehouse) throws SQLException {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        warehouse.write(connection -> {
            for (Account account : new Account[] {ADMIN, VIEWER, ANALYST, RUTLAND_ANALYST}) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO app_user (username, password_hash, role, la_code, enabled, created_at, created_by, password_changed_at)
                        VALUES (?, ?, ?, ?, true, ?, 'tests', ?) ON CONFLICT DO NOTHING""")) {
                    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
                    insert.setString(1, account.username());
                    insert.setString(2, "{bcrypt}" + bcrypt.encode(PASSWORD));
                    insert.setString(3, account.role().name());
                    insert.setString(4, account.laCode());
                    insert.setTimestamp(5, now);
                    insert.setTimestamp(6, now);
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }
}
