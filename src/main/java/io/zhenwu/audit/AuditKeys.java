package io.zhenwu.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The audit chain's keys (审计密钥), kept outside the database: {@code zhenwu.audit.keys} (environment
 * {@code ZHENWU_AUDIT_KEYS}, {@code id=base64,id=base64}) or else the key file {@code zhenwu.audit.key-file}, one
 * {@code id=base64} per line, generated (mode 0600, one 256-bit key named {@code k} + 8 hex digits of its SHA-256)
 * when it does not exist. The LAST key is the
 * current one: new seals and anchors use it; older keys stay listed so that their seals still verify (rotation =
 * append a line and restart).
 */
@Component
class AuditKeys {

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final int MIN_KEY_BYTES = 32;

    private final Map<String, SecretKeySpec> keys;
    private final String currentId;

    AuditKeys(@Value("${zhenwu.audit.keys:}") String configured,
              @Value("${zhenwu.audit.key-file:${zhenwu.audit.dir:./data}/audit.key}") Path keyFile) {
        this.keys = configured.isBlank() ? fromFile(keyFile) : parse(List.of(configured.split("[,\\s]+")), "zhenwu.audit.keys");
        this.currentId = List.copyOf(keys.keySet()).get(keys.size() - 1);
    }

    String currentId() {
        return currentId;
    }

    boolean knows(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** HMAC-SHA256 of the parts (ASCII/UTF-8 text) with the named key, in hex; the key must be {@link #knows known}. */
    String mac(String keyId, String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.get(keyId));
            for (String part : parts) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, SecretKeySpec> fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return parse(Files.readAllLines(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("audit key file " + file + " cannot be read or created", e);
        }
    }

    private static void generate(Path file) throws IOException {
        byte[] key = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        // the id is the key's fingerprint: two installations that each generated a key never share an id, so a seal
        // made with the other one is named an unknown key rather than taken for an altered event
        String line = fingerprint(key) + "=" + Base64.getEncoder().encodeToString(key) + "\n";
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // written whole under a temporary name, then linked into place: a second process (the CLI beside the
        // platform) either wins the link or reads the complete file of the first, never a half-written one
        Path temp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, "audit-key", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "audit-key", ".tmp");
        try {
            Files.writeString(temp, line, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            Files.createLink(file, temp);
            log.warn("Generated the audit key file {} (keep it, and back it up apart from the database)", file);
        } catch (FileAlreadyExistsException raced) {
            // the other process linked its key first: read theirs
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String fingerprint(byte[] key) {
        try {
            return "k" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, SecretKeySpec> parse(List<String> lines, String source) {
        Map<String, SecretKeySpec> parsed = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String id = eq < 0 ? "" : line.substring(0, eq);
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException(source + ": an audit key is written id=base64, the id 1-16 of A-Z a-z 0-9 _ -");
            }
            byte[] key = Base64.getDecoder().decode(line.substring(eq + 1));
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalStateException(source + ": audit key " + id + " is shorter than 256 bits");
            }
            if (parsed.put(id, new SecretKeySpec(key, "HmacSHA256")) != null) {
                throw new IllegalStateException(source + ": audit key " + id + " is listed twice (a rotated key needs a new id)");
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalStateException(source + " holds no audit key");
        }
        return parsed;
    }
}
