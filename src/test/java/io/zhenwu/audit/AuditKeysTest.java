package io.zhenwu.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit key outside the database: generated 0600 on first start, rotated by appending, old keys still known. */
class AuditKeysTest {

    private static String key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void aMissingKeyFileIsGeneratedReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/audit.key");
        AuditKeys keys = new AuditKeys("", file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(keys.currentId()).matches("k[0-9a-f]{8}");
        assertThat(Files.readString(file)).matches(keys.currentId() + "=[A-Za-z0-9+/]{43}=\n");
        assertThat(new AuditKeys("", dir.resolve("other.key")).currentId()).as("another installation's key").isNotEqualTo(keys.currentId());
        // a second start (or the CLI beside the platform) reads the same key
        AuditKeys again = new AuditKeys("", file);
        assertThat(again.mac(keys.currentId(), "x")).isEqualTo(keys.mac(keys.currentId(), "x"));
        assertThat(Files.list(dir.resolve("data"))).containsExactly(file);
    }

    @Test
    void theLastKeyIsCurrentAndOlderKeysStillVerify(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.key");
        Files.writeString(file, "# rotated 2024-01\nk1=" + key(1) + "\nk2=" + key(2) + "\n");
        AuditKeys rotated = new AuditKeys("", file);
        assertThat(rotated.currentId()).isEqualTo("k2");
        assertThat(rotated.knows("k1")).isTrue();
        assertThat(rotated.mac("k1", "a")).isEqualTo(new AuditKeys("k1=" + key(1), file).mac("k1", "a"));
        assertThat(rotated.mac("k1", "a")).isNotEqualTo(rotated.mac("k2", "a"));
        assertThat(rotated.knows("k3")).isFalse();
        // the environment variable wins over the file
        assertThat(new AuditKeys("k1=" + key(1) + ",k9=" + key(9), file).currentId()).isEqualTo("k9");
    }

    @Test
    void weakDuplicatedOrMalformedKeysStopTheStart(@TempDir Path dir) {
        Path file = dir.resolve("audit.key");
        assertThatThrownBy(() -> new AuditKeys("k1=" + Base64.getEncoder().encodeToString(new byte[16]), file))
                .hasMessageContaining("shorter than 256 bits");
        assertThatThrownBy(() -> new AuditKeys("k1=" + key(1) + ",k1=" + key(2), file)).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new AuditKeys("bad id=" + key(1), file)).hasMessageContaining("id=base64");
    }
}
