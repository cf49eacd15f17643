package uk.iroinsight.security;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import uk.iroinsight.warehouse.Warehouse;

/**
 * The accounts in {@code app_user}: who may sign in, with which role, and (for an LA analyst)
 * which authority. Passwords are checked by {@link PasswordPolicy} and stored only hashed.
 * Every change names who made it and goes into the audit trail. The last enabled ADMIN can be
 * neither disabled nor given another role, so the installation always has an administrator.
 */
@Service
public class UserAccounts {

    /** User names: 2-64 of lower-case letters, digits, dot, dash, underscore, @ (an e-mail address will do). */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    private final Warehouse warehouse;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final LoginAttempts attempts;

    public UserAccounts(Warehouse warehouse, PasswordEncoder encoder, AuditLog audit, Clock clock, LoginAttempts attempts) {
        this.warehouse = warehouse;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.attempts = attempts;
    }

    /** A request to change accounts that cannot be done; the message says why, for the page. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    public Optional<UserAccount> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return warehouse.query("the account " + username, SELECT + " WHERE username = ?", UserAccounts::account,
                username.strip().toLowerCase()).stream().findFirst();
    }

    /** Every account, by name. */
    public List<UserAccount> all() {
        return warehouse.query("the accounts", SELECT + " ORDER BY username", UserAccounts::account);
    }

    /**
     * Whether the password is the signed-in owner's, before they change it: a wrong one counts as
     * a failed sign-in ({@link LoginAttempts}, audited), so a session left open cannot be used to
     * guess the password; a locked name is refused whatever is typed.
     */
    public boolean confirmOwnPassword(String username, String password) {
        if (attempts.isLocked(username)) {
            return false;
        }
        boolean right = matches(username, password);
        if (right) {
            attempts.succeeded(username);
        } else {
            attempts.failed(username);
            audit.recordAs(username, AuditLog.Event.LOGIN_FAILED, "account", "wrong current password when changing it"
                    + (attempts.isLocked(username) ? "; locked for " + LoginAttempts.LOCK.toMinutes() + " minutes" : ""));
        }
        return right;
    }

    /** Whether the password is the account's. */
    public boolean matches(String username, String password) {
        return find(username).map(a -> password != null && encoder.matches(password, a.passwordHash())).orElse(false);
    }

    /**
     * Creates an account.
     *
     * @param by who creates it (for the audit trail)
     * @throws Refused when the name is taken or not allowed, the password is refused, or the role
     *     and authority do not go together
     */
    public UserAccount create(String username, String password, Role role, String laCode, String by) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            throw new Refused("A user name is 2 to 64 lower-case letters, digits, '.', '-', '_' or '@', starting with a letter or digit.");
        }
        if (find(name).isPresent()) {
            throw new Refused("There is already an account called " + name + ".");
        }
        checkRole(role, laCode);
        checkPassword(name, password);
        LocalDateTime now = LocalDateTime.now(clock);
        warehouse.writeBeside(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO app_user (username, password_hash, role, la_code, enabled, created_at, created_by, password_changed_at)
                    VALUES (?, ?, ?, ?, true, ?, ?, ?)""")) {
                insert.setString(1, name);
                insert.setString(2, encoder.encode(password));
                insert.setString(3, role.name());
                insert.setString(4, role == Role.LA_ANALYST ? laCode : null);
                insert.setTimestamp(5, Timestamp.valueOf(now));
                insert.setString(6, by);
                insert.setTimestamp(7, Timestamp.valueOf(now));
                insert.executeUpdate();
            }
            return null;
        });
        audit.recordAs(by, AuditLog.Event.USER_CREATED, name, "role " + role.name() + (laCode == null || role != Role.LA_ANALYST ? "" : " for " + laCode));
        return find(name).orElseThrow();
    }

    /** Sets an account's password (a reset by an ADMIN, a change by its owner, or IRO_ADMIN_PASSWORD). */
    public void setPassword(String username, String password, String by) {
        UserAccount account = find(username).orElseThrow(() -> new Refused("There is no account called " + username + "."));
        checkPassword(account.username(), password);
        update(account.username(), "password_hash = ?, password_changed_at = ?", encoder.encode(password),
                Timestamp.valueOf(LocalDateTime.now(clock)));
        audit.recordAs(by, AuditLog.Event.USER_CHANGED, account.username(), "password set by " + by);
    }

    /** Changes an account's role, authority and whether it may sign in. */
    public void change(String username, Role role, String laCode, boolean enabled, String by) {
        UserAccount account = find(username).orElseThrow(() -> new Refused("There is no account called " + username + "."));
        checkRole(role, laCode);
        boolean losesAdmin = account.role() == Role.ADMIN && account.enabled() && (role != Role.ADMIN || !enabled);
        if (losesAdmin && all().stream().filter(a -> a.role() == Role.ADMIN && a.enabled()).count() <= 1) {
            throw new Refused(account.username() + " is the only enabled administrator: make another one first.");
        }
        update(account.username(), "role = ?, la_code = ?, enabled = ?", role.name(), role == Role.LA_ANALYST ? laCode : null, enabled);
        audit.recordAs(by, AuditLog.Event.USER_CHANGED, account.username(), "role " + role.name()
                + (role == Role.LA_ANALYST ? " for " + laCode : "") + (enabled ? ", enabled" : ", disabled") + " by " + by);
    }

    /** Notes a sign-in. */
    void signedIn(String username) {
        update(username, "last_login_at = ?", Timestamp.valueOf(LocalDateTime.now(clock)));
    }

    private void update(String username, String set, Object... values) {
        warehouse.writeBeside(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE app_user SET " + set + " WHERE username = ?")) {
                for (int i = 0; i < values.length; i++) {
                    update.setObject(i + 1, values[i]);
                }
                update.setString(values.length + 1, username);
                update.executeUpdate();
            }
            return null;
        });
    }

    private void checkRole(Role role, String laCode) {
        if (role == null) {
            throw new Refused("Choose a role.");
        }
        if (role == Role.LA_ANALYST) {
            if (laCode == null || warehouse.query("the authority " + laCode,
                    "SELECT 1 FROM dim_authority WHERE la_code = ? AND is_current", rows -> 1, laCode).isEmpty()) {
                throw new Refused("An LA analyst needs the authority whose records they may see.");
            }
        }
    }

    private static void checkPassword(String username, String password) {
        PasswordPolicy.problem(username, password).ifPresent(problem -> {
            throw new Refused("Password refused: " + problem + ".");
        });
    }

    private static final String SELECT = """
            SELECT username, password_hash, role, la_code, enabled, created_at, created_by, password_changed_at, last_login_at
            FROM app_user""";

    private static UserAccount account(ResultSet row) throws SQLException {
        Timestamp last = row.getTimestamp("last_login_at");
        return new UserAccount(row.getString("username"), row.getString("password_hash"), Role.valueOf(row.getString("role")),
                row.getString("la_code"), row.getBoolean("enabled"), row.getTimestamp("created_at").toLocalDateTime(),
                row.getString("created_by"), row.getTimestamp("password_changed_at").toLocalDateTime(),
                last == null ? null : last.toLocalDateTime());
    }
}
