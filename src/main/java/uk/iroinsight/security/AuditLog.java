package uk.iroinsight.security;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import uk.iroinsight.warehouse.Warehouse;

/**
 * The audit trail ({@code audit_event} in the warehouse): who signed in or failed to, who loaded,
 * uploaded or exported what (view, filters, role), who looked at record-level rows, who changed
 * an account, what was refused. Rows are only added. A row is written before the thing it records
 * is handed over (an export's bytes, a record list), and if it cannot be written the thing is
 * refused: nothing leaves unrecorded.
 */
@Service
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    /** The events of the trail. */
    public enum Event {
        LOGIN, LOGIN_FAILED, LOGOUT, LOAD, UPLOAD, EXPORT, RECORDS, USER_CREATED, USER_CHANGED, ACCESS_DENIED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One row of the trail. */
    public record Entry(long id, LocalDateTime at, String username, String role, String laCode, String event, String target,
                        String detail, String remoteAddress) {
    }

    private final Warehouse warehouse;
    private final CurrentAccess current;
    private final Clock clock;

    public AuditLog(Warehouse warehouse, CurrentAccess current, Clock clock) {
        this.warehouse = warehouse;
        this.current = current;
        this.clock = clock;
    }

    /** Records an event by whoever is signed in for the current request. */
    public void record(Event event, String target, String detail) {
        record(current.get(), event, target, detail);
    }

    /**
     * Records an event by whoever is signed in, or, outside a signed-in request (a start-up, a
     * command), by {@code otherwise} (e.g. {@code IRO_ADMIN_PASSWORD}, {@code cli:alice}).
     */
    public void recordAs(String otherwise, Event event, String target, String detail) {
        Access who = current.get();
        if (who.signedIn()) {
            record(who, event, target, detail);
        } else {
            record(otherwise, null, null, event, target, detail);
        }
    }

    /** Records an event by {@code who} (a sign-in, before the session holds it). */
    public void record(Access who, Event event, String target, String detail) {
        record(who.username(), who.role() == null ? null : who.role().name(), who.laCode(), event, target, detail);
    }

    /** Records unattended work ({@code scheduler}, {@code cli:<os user>}) or a failed sign-in (the name as typed). */
    public void record(String username, String role, String laCode, Event event, String target, String detail) {
        LocalDateTime now = LocalDateTime.now(clock);
        String address = remoteAddress();
        warehouse.writeBeside(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO audit_event (logged_at, username, role, la_code, event, target, detail, remote_address)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setTimestamp(1, Timestamp.valueOf(now));
                insert.setString(2, clip(username, 200));
                insert.setString(3, role);
                insert.setString(4, laCode);
                insert.setString(5, event.id());
                insert.setString(6, clip(target, 500));
                insert.setString(7, clip(detail, 2000));
                insert.setString(8, address);
                insert.executeUpdate();
            }
            return null;
        });
        LOG.debug("audit {} {} {} {}", event.id(), username, target, detail);
    }

    /**
     * The newest {@code limit} entries matching the filters (each may be null): user name
     * (exact), event id, and a date range (inclusive).
     */
    public List<Entry> recent(int limit, String username, String event, LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, logged_at, username, role, la_code, event, target, detail, remote_address FROM audit_event WHERE true""");
        List<Object> parameters = new ArrayList<>();
        if (username != null && !username.isBlank()) {
            sql.append(" AND username = ?");
            parameters.add(username.strip());
        }
        if (event != null && !event.isBlank()) {
            sql.append(" AND event = ?");
            parameters.add(event);
        }
        if (from != null) {
            sql.append(" AND logged_at >= ?");
            parameters.add(Timestamp.valueOf(from.atStartOfDay()));
        }
        if (to != null) {
            sql.append(" AND logged_at < ?");
            parameters.add(Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, Math.min(limit, 100_000)));
        return warehouse.query("the audit trail", sql.toString(), row -> new Entry(row.getLong("id"),
                row.getTimestamp("logged_at").toLocalDateTime(), row.getString("username"), row.getString("role"),
                row.getString("la_code"), row.getString("event"), row.getString("target"), row.getString("detail"),
                row.getString("remote_address")), parameters.toArray());
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
