package io.zhenwu.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, quoted commas and line breaks; LF, CRLF or CR line ends), streamed.
 * Charset: UTF-8 when the whole file decodes strictly as UTF-8 (a BOM is skipped), otherwise GB18030 (a superset of
 * the GBK that Chinese Excel and WPS write); a UTF-8 BOM before text that is not UTF-8 is refused
 * ({@code import.file.csvBomNotUtf8}). Every non-blank field is a {@link SourceRow.Kind#TEXT} cell.
 */
final class CsvTabularReader extends AbstractTabularReader {

    /** Excel's own limits: longer cells or wider rows mean a broken file (often an unclosed quote). */
    static final int MAX_FIELD_LENGTH = 32_767;
    static final int MAX_COLUMNS = 16_384;
    /**
     * All the fields of one record together: the reader holds one record at a time, so this bounds its memory
     * (a record of 16,384 fields of 32,767 characters would be half a billion characters).
     */
    static final int MAX_RECORD_LENGTH = 4 * 1024 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");

    private final Reader in;
    private final Charset charset;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long recordNumber;
    private final StringBuilder field = new StringBuilder();
    private int recordLength;
    private final List<SourceRow.Cell> cells = new ArrayList<>();

    CsvTabularReader(Path file, String fileName) {
        super(fileName);
        try {
            boolean bom = hasUtf8Bom(file);
            boolean utf8 = isStrictUtf8(file);
            if (bom && !utf8) {
                // saved as GBK by a tool that still wrote the UTF-8 mark: reading either way would garble the text
                throw new TabularFileException("import.file.csvBomNotUtf8", fileName);
            }
            charset = utf8 ? StandardCharsets.UTF_8 : GB18030;
            InputStream stream = Files.newInputStream(file);
            if (bom) {
                stream.skipNBytes(3);
            }
            in = new InputStreamReader(stream, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            readHeader();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    Charset charset() {
        return charset;
    }

    @Override
    public Format format() {
        return Format.CSV;
    }

    @Override
    SourceRow readRow() {
        try {
            return readRecord();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private void unread() {
        position--;
    }

    private SourceRow readRecord() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        unread();
        recordNumber++;
        recordLength = 0;
        cells.clear();
        while (true) {
            field.setLength(0);
            c = read();
            if (c == '"') {
                // quoted field: up to the closing quote; "" is a quote; text after the closing quote is kept (as Excel)
                while (true) {
                    c = read();
                    if (c == -1) {
                        throw new TabularFileException("import.file.csvQuote", fileName, String.valueOf(recordNumber));
                    }
                    if (c == '"') {
                        c = read();
                        if (c != '"') {
                            break;
                        }
                    }
                    append(c);
                }
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    append(c);
                    c = read();
                }
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    append(c);
                    c = read();
                }
            }
            if (cells.size() == MAX_COLUMNS) {
                throw new TabularFileException("import.file.tooManyColumns", fileName, String.valueOf(recordNumber));
            }
            cells.add(SourceRow.Cell.text(field.toString()));
            if (c == ',') {
                continue;
            }
            if (c == '\r') {
                int next = read();
                if (next != '\n' && next != -1) {
                    unread();
                }
            }
            return row(recordNumber, cells);
        }
    }

    private void append(int c) {
        if (field.length() == MAX_FIELD_LENGTH) {
            throw new TabularFileException("import.file.cellTooLong", fileName, String.valueOf(recordNumber));
        }
        if (++recordLength > MAX_RECORD_LENGTH) {
            throw new TabularFileException("import.file.rowTooLarge", fileName, String.valueOf(recordNumber),
                    MAX_RECORD_LENGTH / 1024);
        }
        field.append((char) c);
    }

    private static boolean hasUtf8Bom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            return head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        }
    }

    /** Decodes the whole file strictly as UTF-8 into a small reused buffer: constant memory, one extra pass. */
    static boolean isStrictUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(16 * 1024);
        CharBuffer chars = CharBuffer.allocate(16 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
            boolean eof = false;
            while (!eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, eof);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            chars.clear();
            return !decoder.flush(chars).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
