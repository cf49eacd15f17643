package uk.iroinsight.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-02T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveFailuresLockTheNameForFifteenMinutes() {
        Moving clock = new Moving();
        LoginAttempts attempts = new LoginAttempts(clock);
        for (int i = 0; i < 4; i++) {
            attempts.failed("Viewer");
            clock.now = clock.now.plusSeconds(10);
        }
        assertThat(attempts.isLocked("viewer")).isFalse();
        attempts.failed("viewer ");
        assertThat(attempts.isLocked("VIEWER")).isTrue();
        assertThat(attempts.isLocked("someone-else")).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(attempts.isLocked("viewer")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(attempts.isLocked("viewer")).isFalse();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotLock() {
        Moving clock = new Moving();
        LoginAttempts attempts = new LoginAttempts(clock);
        for (int i = 0; i < 10; i++) {
            attempts.failed("viewer");
            clock.now = clock.now.plus(Duration.ofMinutes(4));
        }
        assertThat(attempts.isLocked("viewer")).isFalse();
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        Moving clock = new Moving();
        LoginAttempts attempts = new LoginAttempts(clock);
        for (int i = 0; i < 4; i++) {
            attempts.failed("viewer");
        }
        attempts.succeeded("viewer");
        attempts.failed("viewer");
        assertThat(attempts.isLocked("viewer")).isFalse();
    }
}
