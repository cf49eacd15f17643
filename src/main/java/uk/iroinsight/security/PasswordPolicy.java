package uk.iroinsight.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which passwords are accepted (NCSC and NIST SP 800-63B: length over complexity, and no
 * password that is known, guessable or about the account). A password is refused when it is
 * shorter than {@value #MIN_LENGTH} characters, longer than {@value #MAX_LENGTH} (bcrypt reads
 * 72 bytes), one character repeated or a run like "abcdef..." or "123456...", contains the user
 * name or the product's name, or is a commonly used password
 * ({@code security/weak-passwords.txt}), also when written with capitals, digits or symbols
 * around it or with l33t letters ("P@ssw0rd2024!").
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12, MAX_LENGTH = 72;

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> WEAK = load();

    private PasswordPolicy() {
    }

    /** Why the password is refused for the user, or empty when it is accepted. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.isBlank()) {
            return Optional.of("the password is blank");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("the password is shorter than " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            return Optional.of("the password is longer than " + MAX_LENGTH + " bytes");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.chars().distinct().count() <= 2 || isRun(lower)) {
            return Optional.of("the password is a repeated character or a run of characters");
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("the password contains the user name");
        }
        String squeezed = lower.replaceAll("[^a-z0-9]", "");
        if (squeezed.contains("iroinsight")) {
            return Optional.of("the password contains the product's name");
        }
        if (isWeak(lower)) {
            return Optional.of("the password is a commonly used one");
        }
        return Optional.empty();
    }

    /** A new random password: four groups of five letters and digits (about 99 bits). */
    public static String generate() {
        StringBuilder password = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < 5; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }

    private static boolean isWeak(String lower) {
        String bare = lower.replaceAll("[^a-z0-9@$!]", "");
        String unleet = bare.replace('@', 'a').replace('$', 's').replace('!', 'i').replace('0', 'o').replace('1', 'i')
                .replace('3', 'e').replace('4', 'a').replace('5', 's').replace('7', 't');
        String core = lower.replaceAll("^[^a-z]+|[^a-z]+$", ""); // "Password123!" -> "password"
        String coreUnleet = bare.replaceAll("^[0-9!@$]+|[0-9!@$]+$", "").replace('@', 'a').replace('$', 's')
                .replace('0', 'o').replace('1', 'i').replace('3', 'e').replace('4', 'a').replace('5', 's');
        for (String candidate : new String[] {lower, bare, unleet, core, coreUnleet}) {
            if (WEAK.contains(candidate)) {
                return true;
            }
        }
        // Two common words or a word repeated ("passwordpassword", "letmeinletmein").
        for (String word : WEAK) {
            if (word.length() >= 4 && (core.equals(word + word) || unleet.equals(word + word))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRun(String lower) {
        int up = 0, down = 0;
        for (int i = 1; i < lower.length(); i++) {
            int step = lower.charAt(i) - lower.charAt(i - 1);
            up += step == 1 ? 1 : 0;
            down += step == -1 ? 1 : 0;
        }
        return up >= lower.length() - 2 || down >= lower.length() - 2;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/weak-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/weak-passwords.txt is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
