package io.zhenwu.imports;

import java.nio.charset.StandardCharsets;

/**
 * A byte-level scan of the XML parts of an xlsx, fed as they inflate, that bounds what fastexcel's StAX parsing would
 * hold in memory: the text of one cell value, formula or shared string ({@code <v>}, {@code <f>}, {@code <t>}; all the
 * runs of an {@code <si>} or inline {@code <is>} together, as fastexcel joins them), one tag, one row (its XML and its
 * cells, whose column letters fastexcel turns into a list index), and the text fastexcel keeps for the whole sheet (the
 * shared-string table, shared and array formulas). Knows just enough XML for that: tags with quoted attribute values,
 * comments, CDATA; every other byte is text. Not thread-safe; one per file.
 */
final class XmlScan {

    /** Excel's limit for one cell; the reader checks it exactly, in characters, for every cell it converts. */
    static final int MAX_CELL_CHARS = 32_767;
    /** XML text of one cell or shared string: 10 bytes per character covers every entity form ({@code &#x10FFFF;}). */
    static final long MAX_TEXT_BYTES = 10L * MAX_CELL_CHARS;
    /** One tag, comment or processing instruction. */
    static final int MAX_MARKUP_BYTES = 64 * 1024;
    static final int MAX_COLUMNS = 16_384;
    /** Heap of one held string besides its characters: String, its array, the reference to it. */
    static final long STRING_OVERHEAD = 64;

    private enum State { TEXT, MARKUP, QUOTED, COMMENT, CDATA }

    private final String fileName;
    private final XlsxLimits limits;
    private String part = "";
    private State state = State.TEXT;
    private byte quote;
    /** The start of the current tag after {@code <}, enough for its name and first attributes. */
    private final byte[] head = new byte[512];
    private int headLength;
    /** End of the value found by {@link #attribute(char)}. */
    private int valueEnd;
    private int markupBytes;
    private byte previous;
    private byte beforePrevious;
    /** Text bytes of the current value; inside {@code <si>} / {@code <is>} of all their runs. */
    private long text;
    private int groupDepth;
    /** Inside a held element ({@code <si>}, shared or array {@code <f>}): its text is added to {@link #held}. */
    private boolean holding;
    private long heldText;
    private long held;
    private boolean inRow;
    private long rowBytes;
    private int rowCells;
    private long rowNumber;

    XmlScan(String fileName, XlsxLimits limits) {
        this.fileName = fileName;
        this.limits = limits;
    }

    /** Starts the next part (each part is a document of its own); what is held adds up over the whole file. */
    void startPart(String name) {
        part = name;
        state = State.TEXT;
        text = 0;
        groupDepth = 0;
        holding = false;
        inRow = false;
        rowNumber = 0;
    }

    void scan(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (inRow && ++rowBytes > limits.maxRowBytes()) {
                throw new TabularFileException("import.file.rowTooLarge", fileName, String.valueOf(rowNumber),
                        limits.maxRowBytes() / 1024);
            }
            switch (state) {
                case TEXT -> {
                    if (b == '<') {
                        state = State.MARKUP;
                        headLength = 0;
                        markupBytes = 1;
                    } else {
                        addText();
                    }
                }
                case MARKUP -> {
                    markup(b);
                    if (headLength == 3 && startsWith("!--")) {
                        state = State.COMMENT;
                        b = 0;
                    } else if (headLength == 8 && startsWith("![CDATA[")) {
                        state = State.CDATA;
                        b = 0;
                    } else if (b == '"' || b == '\'') {
                        state = State.QUOTED;
                        quote = b;
                    } else if (b == '>') {
                        endOfTag();
                        state = State.TEXT;
                    }
                }
                case QUOTED -> {
                    markup(b);
                    if (b == quote) {
                        state = State.MARKUP;
                    }
                }
                case COMMENT -> {
                    markup(b);
                    if (b == '>' && previous == '-' && beforePrevious == '-') {
                        state = State.TEXT;
                    }
                }
                case CDATA -> {
                    addText();
                    if (b == '>' && previous == ']' && beforePrevious == ']') {
                        state = State.TEXT;
                    }
                }
            }
            beforePrevious = previous;
            previous = b;
        }
    }

    private void addText() {
        if (++text > MAX_TEXT_BYTES) {
            throw inRow ? new TabularFileException("import.file.xlsxCellTooLong", fileName, String.valueOf(rowNumber))
                    : new TabularFileException("import.file.xlsxTextTooLong", fileName, part);
        }
        if (holding) {
            heldText++;
        }
    }

    private void markup(byte b) {
        if (++markupBytes > MAX_MARKUP_BYTES) {
            throw new TabularFileException("import.file.xlsxDamaged", fileName, part);
        }
        if (headLength < head.length) {
            head[headLength++] = b;
        }
    }

    private boolean startsWith(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (i >= headLength || head[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The elements whose text or size the scan follows; every other one is {@link #OTHER}. */
    private enum Element { C, F, IS, SI, ROW, OTHER, NONE }

    private void endOfTag() {
        boolean end = headLength > 0 && head[0] == '/';
        boolean empty = previous == '/';
        Element element = element(end ? 1 : 0);
        if (end) {
            endElement(element);
        } else if (element != Element.NONE && head[0] != '?' && head[0] != '!') {
            startElement(element, empty);
        }
        if (groupDepth == 0) {
            text = 0;
        }
    }

    private void startElement(Element element, boolean empty) {
        if (!inRow && groupDepth == 0 && element != Element.ROW && element != Element.SI) {
            // styles, workbook, relationships, the sheet's own settings: fastexcel keeps some of these tags
            hold(STRING_OVERHEAD + 2L * markupBytes);
        }
        switch (element) {
            case SI -> {
                text = 0;
                startHeld();
                if (empty) {
                    endHeld();
                } else {
                    groupDepth++;
                }
            }
            case IS -> {
                text = 0;
                groupDepth += empty ? 0 : 1;
            }
            case F -> {
                // the formula text of a shared or array formula's first cell is kept for the cells that share it
                if (!empty && (attributeIs('t', "shared") || attributeIs('t', "array"))) {
                    startHeld();
                }
            }
            case ROW -> {
                long r = attributeNumber('r');
                rowNumber = r > 0 ? r : rowNumber + 1;
                inRow = !empty;
                rowBytes = markupBytes;
                rowCells = 0;
            }
            case C -> cell();
            default -> {
                // nothing held
            }
        }
    }

    private void endElement(Element element) {
        switch (element) {
            case SI -> {
                groupDepth = Math.max(0, groupDepth - 1);
                endHeld();
            }
            case IS -> groupDepth = Math.max(0, groupDepth - 1);
            case F -> {
                if (holding) {
                    endHeld();
                }
            }
            case ROW -> inRow = false;
            default -> {
                // nothing held
            }
        }
    }

    private void startHeld() {
        holding = true;
        heldText = 0;
    }

    /** What fastexcel keeps of the element, bounded from above: every text byte may be one UTF-16 character. */
    private void endHeld() {
        holding = false;
        hold(STRING_OVERHEAD + 2 * heldText);
    }

    private void hold(long bytes) {
        held += bytes;
        if (held > limits.maxSharedStringsMemory()) {
            throw new TabularFileException("import.file.xlsxSharedStrings", fileName,
                    limits.maxSharedStringsMemory() / XlsxLimits.MIB);
        }
    }

    /** A cell of the current row: at most {@value #MAX_COLUMNS} of them, none beyond column XFD. */
    private void cell() {
        if (!inRow) {
            return;
        }
        if (headLength == head.length) {
            // attributes beyond what is looked at: no writer pads a cell's tag like that
            throw new TabularFileException("import.file.xlsxDamaged", fileName, part);
        }
        if (++rowCells > MAX_COLUMNS || column() > MAX_COLUMNS) {
            throw new TabularFileException("import.file.tooManyColumns", fileName, String.valueOf(rowNumber));
        }
    }

    /** The 1-based column of the cell's reference {@code r="AB12"}, 0 without one; four letters or more count as too far. */
    private int column() {
        int at = attribute('r');
        int column = 0;
        for (int i = at, letters = 0; at >= 0 && i < valueEnd; i++) {
            int c = head[i] & 0xDF; // upper case
            if (c < 'A' || c > 'Z') {
                break;
            }
            if (++letters > 3) {
                return Integer.MAX_VALUE;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column;
    }

    /** The element's local name (after any prefix) in the head, from {@code from}. */
    private Element element(int from) {
        int start = from;
        int i = from;
        while (i < headLength) {
            byte b = head[i];
            if (b == ':') {
                start = i + 1;
            } else if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '/' || b == '>') {
                break;
            }
            i++;
        }
        return switch (i - start) {
            case 0 -> Element.NONE;
            case 1 -> head[start] == 'c' ? Element.C : head[start] == 'f' ? Element.F : Element.OTHER;
            case 2 -> head[start] == 's' && head[start + 1] == 'i' ? Element.SI
                    : head[start] == 'i' && head[start + 1] == 's' ? Element.IS : Element.OTHER;
            case 3 -> head[start] == 'r' && head[start + 1] == 'o' && head[start + 2] == 'w' ? Element.ROW : Element.OTHER;
            default -> Element.OTHER;
        };
    }

    /**
     * Where the value of the one-letter, unprefixed attribute {@code name} starts in the head (its end in
     * {@link #valueEnd}), or -1.
     */
    private int attribute(char name) {
        for (int i = 1; i + 2 < headLength; i++) {
            byte before = head[i - 1];
            if (head[i] == name && (before == ' ' || before == '\t' || before == '\r' || before == '\n')) {
                int q = i + 1;
                while (q < headLength && (head[q] == ' ' || head[q] == '\t' || head[q] == '\r' || head[q] == '\n')) {
                    q++;
                }
                if (q >= headLength || head[q] != '=') {
                    continue;
                }
                q++;
                while (q < headLength && (head[q] == ' ' || head[q] == '\t' || head[q] == '\r' || head[q] == '\n')) {
                    q++;
                }
                if (q < headLength && (head[q] == '"' || head[q] == '\'')) {
                    byte quoteChar = head[q];
                    for (int close = q + 1; close < headLength; close++) {
                        if (head[close] == quoteChar) {
                            valueEnd = close;
                            return q + 1;
                        }
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    private boolean attributeIs(char name, String value) {
        int at = attribute(name);
        return at >= 0 && valueEnd - at == value.length()
                && new String(head, at, valueEnd - at, StandardCharsets.ISO_8859_1).equals(value);
    }

    /** The attribute's value as a positive number of at most 9 digits, or 0. */
    private long attributeNumber(char name) {
        int at = attribute(name);
        if (at < 0 || valueEnd == at || valueEnd - at > 9) {
            return 0;
        }
        long n = 0;
        for (int i = at; i < valueEnd; i++) {
            if (head[i] < '0' || head[i] > '9') {
                return 0;
            }
            n = n * 10 + (head[i] - '0');
        }
        return n;
    }
}
