package uk.iroinsight.etl.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces identifiers by keyed hashes (HMAC-SHA-256 with the installation's secret), so the
 * warehouse can join a child's rows across tables and years without holding the LA's CHILD
 * identifier. Without the key a pseudonym cannot be recomputed from a guessed identifier.
 */
public final class Pseudonymiser {

    private final ThreadLocal<Mac> mac;

    public Pseudonymiser(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the pseudonymisation key must be at least 32 bytes");
        }
        SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(spec);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    /** The child's pseudonym: 32 hex digits, stable for (LA, CHILD) in this installation. */
    public String childKey(String laCode, String child) {
        return hash("child|" + laCode + "|" + child.strip());
    }

    /** A placement postcode's pseudonym, for telling "same address" apart; null for blank. */
    public String postcodeKey(String postcode) {
        if (postcode == null || postcode.isBlank()) {
            return null;
        }
        return hash("postcode|" + postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
    }

    private String hash(String text) {
        byte[] digest = mac.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
