package io.zhenwu.imports;

/**
 * One column of a record type's declared mapping: the field it fills, the Chinese header town staff write (the
 * English header is accepted too), whether it must be present and filled, and an example for the template.
 */
public record ImportColumn(String field, String header, String headerEn, boolean required, String example) {

    public static ImportColumn required(String field, String header, String headerEn, String example) {
        return new ImportColumn(field, header, headerEn, true, example);
    }

    public static ImportColumn optional(String field, String header, String headerEn, String example) {
        return new ImportColumn(field, header, headerEn, false, example);
    }
}
