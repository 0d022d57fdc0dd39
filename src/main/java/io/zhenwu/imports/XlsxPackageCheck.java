package io.zhenwu.imports;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Checks an xlsx upload against {@link XlsxLimits} before fastexcel reads it, so that a zip bomb — a few hundred KB
 * that unpack to gigabytes, one shared string or cell of 600 MB — is rejected instead of filling the heap. First the
 * central directory (number of parts, stated sizes and compression ratios), then every part is inflated once, its
 * actual bytes counted (stated sizes can lie), and its XML scanned at the byte level by {@link XmlScan} for what
 * fastexcel would hold in memory: one cell's or shared string's text, one tag, one row, the shared-string table.
 * Reads the same zip entries with the same library (commons-compress) as fastexcel. Constant memory; costs one extra
 * inflation of the file (a fraction of parsing it).
 */
final class XlsxPackageCheck {

    /** Parts smaller than this unpacked are not held to the compression ratio (small XML compresses very well). */
    static final long RATIO_GRACE_BYTES = XlsxLimits.MIB;

    private final String fileName;
    private final XlsxLimits limits;
    private final long fileSize;
    private long unpacked;
    private final XmlScan xml;

    private XlsxPackageCheck(Path file, String fileName, XlsxLimits limits) throws IOException {
        this.fileName = fileName;
        this.limits = limits;
        this.fileSize = Files.size(file);
        this.xml = new XmlScan(fileName, limits);
    }

    /**
     * @throws TabularFileException {@code import.file.xlsxTooManyParts}, {@code import.file.xlsxTooLarge},
     *                              {@code import.file.xlsxCompression}, {@code import.file.xlsxDamaged}, or one of
     *                              {@link XmlScan}'s; {@code import.file.unreadable} when it is not a zip at all
     */
    static void check(Path file, String fileName, XlsxLimits limits) {
        try {
            new XlsxPackageCheck(file, fileName, limits).run(file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TabularFileException t) {
                throw t;
            }
            throw new TabularFileException("import.file.unreadable", e, fileName);
        }
    }

    private void run(Path file) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > limits.maxEntries()) {
                throw new TabularFileException("import.file.xlsxTooManyParts", fileName, limits.maxEntries());
            }
            long stated = 0;
            for (ZipArchiveEntry entry : entries) {
                long size = Math.max(entry.getSize(), 0);
                stated += size;
                checkRatio(entry, size);
            }
            checkTotal(stated);
            for (ZipArchiveEntry entry : entries) {
                if (!entry.isDirectory() && zip.canReadEntryData(entry)) {
                    inflate(zip, entry);
                }
            }
        }
    }

    private void inflate(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        String lower = entry.getName().toLowerCase(Locale.ROOT);
        boolean isXml = lower.endsWith(".xml") || lower.endsWith(".rels");
        if (isXml) {
            xml.startPart(entry.getName());
        }
        long stated = entry.getSize();
        long actual = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                actual += n;
                unpacked += n;
                if (stated >= 0 && actual > stated) {
                    throw new TabularFileException("import.file.xlsxDamaged", fileName, entry.getName());
                }
                checkTotal(unpacked);
                checkRatio(entry, actual);
                if (isXml) {
                    xml.scan(buffer, n);
                }
            }
        }
    }

    private void checkRatio(ZipArchiveEntry entry, long size) {
        long packed = entry.getCompressedSize() > 0 ? Math.min(entry.getCompressedSize(), fileSize) : fileSize;
        if (size > RATIO_GRACE_BYTES && size / limits.maxCompressionRatio() > packed) {
            throw new TabularFileException("import.file.xlsxCompression", fileName, entry.getName(),
                    limits.maxCompressionRatio());
        }
    }

    private void checkTotal(long size) {
        if (size > limits.maxUncompressedBytes()) {
            throw new TabularFileException("import.file.xlsxTooLarge", fileName, limits.maxUncompressedBytes() / XlsxLimits.MIB);
        }
    }
}
