package io.zhenwu.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams an uploaded spreadsheet (xlsx, first visible sheet) or CSV (UTF-8 with or without BOM, or GBK/GB18030) as
 * rows, in constant memory. The header is the first non-blank row; {@link #next()} then walks the non-blank rows
 * after it. Not thread-safe. Unreadable content raises {@link TabularFileException}, from {@link #open} or, for damage
 * further into the file, from {@link #next()}.
 *
 * <pre>{@code
 * try (TabularReader reader = TabularReader.open(path, upload.getOriginalFilename())) {
 *     List<String> header = reader.header();
 *     while (reader.next()) {
 *         SourceRow row = reader.current();
 *     }
 * }
 * }</pre>
 */
public interface TabularReader extends AutoCloseable {

    /** The detected file format. */
    enum Format { XLSX, CSV }

    /**
     * Opens a file and reads up to its header row. The format is detected by content: a ZIP ({@code PK\3\4}) must be
     * an xlsx workbook; anything else must be text, read as CSV.
     *
     * @param file             the uploaded bytes on disk
     * @param originalFileName the name the user uploaded (used for messages and the extension check); may be null
     * @throws TabularFileException {@code import.file.empty} (0 bytes), {@code import.file.xlsOld} (an Excel 97-2003
     *                              .xls), {@code import.file.encrypted} (a password-protected .xlsx),
     *                              {@code import.file.unreadable} (anything else that is not a workbook or text)
     */
    static TabularReader open(Path file, String originalFileName) {
        return open(file, originalFileName, XlsxLimits.DEFAULTS);
    }

    /**
     * {@link #open(Path, String)} with the xlsx limits configured ({@code zhenwu.imports.xlsx.*}); a workbook beyond
     * them raises one of the {@code import.file.xlsx*} keys, {@code import.file.cellTooLong} or
     * {@code import.file.tooManyColumns} before it is parsed.
     */
    static TabularReader open(Path file, String originalFileName, XlsxLimits xlsxLimits) {
        String name = displayName(file, originalFileName);
        byte[] head = new byte[8192];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (length == 0) {
            throw new TabularFileException("import.file.empty", name);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (startsWith(head, length, 0x50, 0x4B, 0x03, 0x04)) {
            return new XlsxTabularReader(file, name, xlsxLimits);
        }
        if (startsWith(head, length, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            // OLE2 compound file: an Excel 97-2003 workbook, or a password-protected xlsx (Excel wraps those in OLE2)
            throw new TabularFileException(lower.endsWith(".xlsx") ? "import.file.encrypted" : "import.file.xlsOld", name);
        }
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".xlsm") || looksBinary(head, length)) {
            throw new TabularFileException("import.file.unreadable", name);
        }
        return new CsvTabularReader(file, name);
    }

    Format format();

    /** The header row's cells as text (trimmed, BOM stripped, trailing empty cells dropped); empty if no rows. */
    List<String> header();

    /** The header's row number as Excel shows it, 0 if the file holds no non-blank row. */
    long headerRowNumber();

    /** Advances to the next non-blank row after the header; false at the end. */
    boolean next();

    /** The row {@link #next()} moved to. */
    SourceRow current();

    /** The remaining rows as a sequential stream (consumes this reader; still close the reader). */
    default Stream<SourceRow> rows() {
        Iterator<SourceRow> iterator = new Iterator<>() {
            private Boolean ready;

            @Override
            public boolean hasNext() {
                if (ready == null) {
                    ready = TabularReader.this.next();
                }
                return ready;
            }

            @Override
            public SourceRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = null;
                return current();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    void close();

    private static String displayName(Path file, String originalFileName) {
        String name = originalFileName == null || originalFileName.isBlank() ? String.valueOf(file.getFileName()) : originalFileName;
        // browsers on Windows used to send the full path
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1).strip();
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** NUL bytes or many control characters in the first 8 KB: an image, a PDF, a UTF-16 file... not CSV text. */
    private static boolean looksBinary(byte[] head, int length) {
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1A) {
                control++;
            }
        }
        return control > Math.max(8, length / 100);
    }
}
