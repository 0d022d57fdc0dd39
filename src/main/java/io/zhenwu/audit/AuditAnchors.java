package io.zhenwu.audit;

import io.zhenwu.audit.ChainVerification.Finding;
import io.zhenwu.audit.ChainVerification.Problem;
import io.zhenwu.shared.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The anchor file (审计锚点文件, {@code zhenwu.audit.anchor-file}, by default {@code audit-anchors.log} beside the
 * data): append-only, one MACed {@link AuditAnchor} a line, written by the sealer periodically and by every
 * successful verification, under a file lock so that the platform and the CLI can both append.
 */
@Component
class AuditAnchors {

    private final Path file;
    private final AuditKeys keys;
    /** The last anchor this process read or wrote (another process may have appended since). */
    private volatile AuditAnchor lastKnown;

    AuditAnchors(@Value("${zhenwu.audit.anchor-file:${zhenwu.audit.dir:./data}/audit-anchors.log}") Path file, AuditKeys keys) {
        this.file = file;
        this.keys = keys;
    }

    Path file() {
        return file;
    }

    /** The anchor file read whole: its last valid anchor (null when there is none) and every line that is not valid. */
    record Log(AuditAnchor last, List<Finding> findings) {
    }

    Log read() {
        if (!Files.exists(file)) {
            return new Log(null, List.of());
        }
        List<Finding> findings = new ArrayList<>();
        AuditAnchor last = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                AuditAnchor anchor = AuditAnchor.parse(line);
                if (anchor == null || !keys.knows(anchor.keyId()) || !anchor.mac().equals(keys.mac(anchor.keyId(),
                        AuditAnchor.signed(anchor.at(), anchor.seq(), anchor.headHash(), anchor.plainSeals(), anchor.keyId())))) {
                    findings.add(new Finding(Problem.ANCHOR_ALTERED, null, file + " line " + lineNo + " is not an anchor written with the audit key"));
                } else if (last != null && anchor.seq() < last.seq()) {
                    findings.add(new Finding(Problem.ANCHOR_ALTERED, anchor.seq(), file + " line " + lineNo
                            + " anchors #" + anchor.seq() + " after an anchor of #" + last.seq()));
                } else {
                    last = anchor;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("audit anchor file " + file + " cannot be read", e);
        }
        lastKnown = last;
        return new Log(last, findings);
    }

    /** The last anchor this process knows, reading the file only the first time. */
    AuditAnchor lastKnown() {
        AuditAnchor known = lastKnown;
        return known != null ? known : read().last();
    }

    /** Appends an anchor of the given head, MACed with the current key. */
    synchronized AuditAnchor append(long seq, String headHash, long plainSeals) {
        var at = Times.now().truncatedTo(ChronoUnit.SECONDS);
        String keyId = keys.currentId();
        var anchor = new AuditAnchor(at, seq, headHash, plainSeals, keyId,
                keys.mac(keyId, AuditAnchor.signed(at, seq, headHash, plainSeals, keyId)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE); var lock = channel.lock()) {
                channel.write(ByteBuffer.wrap((anchor.line() + "\n").getBytes(StandardCharsets.US_ASCII)));
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("audit anchor file " + file + " cannot be written", e);
        }
        lastKnown = anchor;
        return anchor;
    }
}
