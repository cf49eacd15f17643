package uk.iroinsight.etl.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;


/**
 * SHA-256 over an LA-year's file names and bytes, and over the rules they were checked with
 * (code lists, layouts, derive SQL): an LA-year is re-loaded when either changes.
 */
final class Fingerprint {

    private static final String RULES = rulesDigest();

    private Fingerprint() {
    }

    /** Over the bytes as read (the same bytes are parsed); a file that could not be read counts by its reason. */
    static String of(ReturnReader.Snapshot snapshot) {
        MessageDigest digest = sha256();
        digest.update(RULES.getBytes(StandardCharsets.UTF_8));
        for (var entry : new java.util.TreeMap<>(snapshot.files()).entrySet()) {
            digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            ReturnReader.FileBytes file = entry.getValue();
            if (file.bytes() != null) {
                digest.update(file.bytes());
            } else {
                digest.update(("unreadable:" + file.refusal().reason()).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String rulesDigest() {
        MessageDigest digest = sha256();
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            for (String pattern : new String[] {"etl/codes/*.csv", "etl/layouts/*.csv", "warehouse/derive/*.sql", "warehouse/schema/*.sql"}) {
                Resource[] resources = resolver.getResources("classpath*:" + pattern);
                java.util.Arrays.sort(resources, java.util.Comparator.comparing(Resource::getFilename));
                for (Resource resource : resources) {
                    digest.update(resource.getFilename().getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = resource.getInputStream()) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the loader's rules", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
