package uk.iroinsight.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "short", "elevenchars", "password1234", "Password123!", "P@ssw0rd2024!", "PASSWORD2026",
            "letmeinletmein", "passwordpassword", "aaaaaaaaaaaaaaaa", "abababababababab", "abcdefghijklmnop", "1234567890123",
            "changeme-please-admin", "admin-admin-admin", "Iro-Insight-2026", "qwertyuiop123", "Welcome2025!!",
            "Nottinghamshire1", "correcthorsebatterystaple"})
    void weakPasswordsAreRefused(String password) {
        assertThat(PasswordPolicy.problem("admin", password)).as(password).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"test-only-Kestrel-Harbour-91", "river otter lantern 77", "Quietly-Blue-Tram-4412", "mk7-Rq2x-Lp9w-Zt3v"})
    void longUnusualPasswordsAreAccepted(String password) {
        assertThat(PasswordPolicy.problem("admin", password)).as(password).isEmpty();
    }

    @Test
    void aPasswordContainingTheUserNameIsRefused() {
        assertThat(PasswordPolicy.problem("jsmith", "my-name-is-JSmith-99")).contains("the password contains the user name");
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefused() {
        assertThat(PasswordPolicy.problem("admin", "x7-".repeat(30))).isPresent();
    }

    @Test
    void generatedPasswordsPassThePolicyAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String password = PasswordPolicy.generate();
            assertThat(password).matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}");
            assertThat(PasswordPolicy.problem("admin", password)).as(password).isEmpty();
            assertThat(seen.add(password)).isTrue();
        }
    }
}
