package io.zhenwu.imports;

import java.util.Arrays;

/**
 * A spreadsheet or CSV file cannot be read (empty, not a spreadsheet, old .xls, password-protected, malformed CSV).
 * Carries a message key from {@code messages_*.properties} ({@code import.file.*}) and its arguments: the first is
 * always the file name as the user uploaded it, a second (where present) the row number as Excel shows it.
 */
public class TabularFileException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public TabularFileException(String messageKey, Object... args) {
        this(messageKey, null, args);
    }

    public TabularFileException(String messageKey, Throwable cause, Object... args) {
        super(messageKey + " " + Arrays.toString(args), cause);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
