package io.zhenwu.imports;

import java.util.function.UnaryOperator;

/**
 * One column of a record type's declared mapping: the field it fills, the Chinese header town staff write (the
 * English header is accepted too), whether it must be present and filled, and an example for the template.
 *
 * @param mask for a personal-data column (身份证号, 电话): how its values are shown masked (in an error report to a user
 *             without the permission); in such a column a masked value, as exports write it, or a blank cell means
 *             "unchanged" on an update, never "clear". Null for other columns.
 */
public record ImportColumn(String field, String header, String headerEn, boolean required, String example,
                           UnaryOperator<String> mask) {

    public static ImportColumn required(String field, String header, String headerEn, String example) {
        return new ImportColumn(field, header, headerEn, true, example, null);
    }

    public static ImportColumn optional(String field, String header, String headerEn, String example) {
        return new ImportColumn(field, header, headerEn, false, example, null);
    }

    /** This column holding personal data, shown masked by {@code mask}. */
    public ImportColumn personal(UnaryOperator<String> mask) {
        return new ImportColumn(field, header, headerEn, required, example, mask);
    }

    public boolean isPersonal() {
        return mask != null;
    }

    /** Whether a cell of this personal column holds a masked value (as an export writes it), not a real one. */
    boolean isMasked(String value) {
        return isPersonal() && value != null && (value.indexOf('*') >= 0 || value.indexOf('＊') >= 0);
    }
}
