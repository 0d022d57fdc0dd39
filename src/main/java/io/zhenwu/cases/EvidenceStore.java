package io.zhenwu.cases;

import io.zhenwu.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Evidence photos on disk under {@code zhenwu.files.dir}/evidence: only images (JPEG, PNG, GIF, WebP) recognised by
 * their first bytes — never by the name or the declared type — and at most {@link #MAX_BYTES}.
 */
@Component
class EvidenceStore {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    record Stored(String storedName, String contentType, long size, String sha256) {
    }

    private final Path dir;

    EvidenceStore(@Value("${zhenwu.files.dir:./data/files}") Path filesDir) {
        this.dir = filesDir.resolve("evidence");
    }

    /** Sniffs the image type from the first bytes; null when it is not an image we accept. */
    static String imageType(byte[] head, int n) {
        if (n >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (n >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && head[4] == 0x0D && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A) {
            return "image/png";
        }
        if (n >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
            return "image/gif";
        }
        if (n >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    Stored store(long declaredSize, InputStream in) {
        if (declaredSize > MAX_BYTES) {
            throw new InvalidInputException("file", "case.safety.evidence.tooLarge", declaredSize / (1024 * 1024), MAX_BYTES / (1024 * 1024));
        }
        if (declaredSize == 0) {
            throw new InvalidInputException("file", "case.safety.evidence.empty");
        }
        try {
            Files.createDirectories(dir);
            byte[] head = in.readNBytes(16);
            String type = imageType(head, head.length);
            if (type == null) {
                throw new InvalidInputException("file", "case.safety.evidence.notImage");
            }
            String name = UUID.randomUUID() + "." + type.substring(6);
            Path target = dir.resolve(name);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(head);
            long size;
            try (InputStream rest = new DigestInputStream(in, sha)) {
                Path tmp = Files.createTempFile(dir, "upload", ".part");
                Files.write(tmp, head);
                try (var out = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.APPEND)) {
                    size = head.length + rest.transferTo(out);
                }
                if (size > MAX_BYTES) {
                    Files.deleteIfExists(tmp);
                    throw new InvalidInputException("file", "case.safety.evidence.tooLarge", size / (1024 * 1024), MAX_BYTES / (1024 * 1024));
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Stored(name, type, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path file(String storedName) {
        if (!storedName.matches("[0-9a-f-]{36}\\.[a-z]{3,4}")) {
            throw new IllegalArgumentException("not a stored evidence name: " + storedName);
        }
        return dir.resolve(storedName);
    }
}
