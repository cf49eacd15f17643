package uk.iroinsight.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed sign-ins to one user name
 * within {@link #WINDOW}, that name is locked for {@link #LOCK} (the right password is refused
 * too, and the page says only that sign-in failed). Counted in memory: a restart forgets.
 */
@Component
public class LoginAttempts {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15), LOCK = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginAttempts(Clock clock) {
        this.clock = clock;
    }

    public boolean isLocked(String username) {
        Deque<Instant> recent = failures.get(key(username));
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            Instant now = clock.instant();
            recent.removeIf(at -> at.isBefore(now.minus(WINDOW.plus(LOCK))));
            Instant last = recent.peekLast();
            if (last == null || !last.plus(LOCK).isAfter(now)) {
                return false;
            }
            return recent.stream().filter(at -> !at.isBefore(last.minus(WINDOW))).count() >= MAX_FAILURES;
        }
    }

    void failed(String username) {
        Deque<Instant> recent = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        synchronized (recent) {
            Instant now = clock.instant();
            recent.removeIf(at -> at.isBefore(now.minus(WINDOW)));
            recent.addLast(now);
        }
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
