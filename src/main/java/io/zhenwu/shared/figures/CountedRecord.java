package io.zhenwu.shared.figures;

import java.time.LocalDate;

/**
 * One record a figure counted, as the provenance page lists it.
 *
 * @param id     the record's id (what the fingerprint hashes)
 * @param label  its human number or name (e.g. {@code XS-ZW-2023-000123}); personal data already masked
 * @param date   the date that put it into the period
 * @param detail a one-line summary (type, state, amount …)
 * @param href   the record's page in the UI, or null
 */
public record CountedRecord(long id, String label, LocalDate date, String detail, String href) {
}
