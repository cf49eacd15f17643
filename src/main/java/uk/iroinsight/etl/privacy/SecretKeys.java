package uk.iroinsight.etl.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-installation secrets, kept outside the repository in a folder only the service's user
 * can read ({@code ~/.iro-insight/} unless {@code IRO_SECRETS_DIR} or {@code iro.secrets-dir} says
 * otherwise). The pseudonymisation key is created on first use; losing it means children loaded
 * afterwards get new pseudonyms, so back it up with the warehouse.
 */
public final class SecretKeys {

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    private static final String PSEUDONYM_KEY = "pseudonym.key";

    private final Path folder;

    public SecretKeys(Path folder) {
        this.folder = folder;
    }

    /** The default folder: {@code $IRO_SECRETS_DIR}, else {@code ~/.iro-insight}. */
    public static Path defaultFolder() {
        String fromEnv = System.getenv("IRO_SECRETS_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return Path.of(System.getProperty("user.home"), ".iro-insight");
    }

    public Path folder() {
        return folder;
    }

    /** The HMAC key for child pseudonyms, created (256 random bits, mode 600) if absent. */
    public byte[] pseudonymKey() {
        Path file = folder.resolve(PSEUDONYM_KEY);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length < 32) {
                throw new IllegalStateException(file + " holds a key shorter than 256 bits");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pseudonymisation key " + file, e);
        }
    }

    private void create(Path file) throws IOException {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key) + "\n";
        try {
            if (posix) {
                Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
                Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, encoded, StandardCharsets.US_ASCII);
            log.info("Created a new pseudonymisation key at {} (owner-only). Back it up with the warehouse.", file);
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first: use theirs.
        }
    }
}
