package io.zhenwu.registry;

/** An honour as a user states it, before validation; {@code typeCode} is the catalogue code or its Chinese name. */
public record HonourDraft(String typeCode, HonourLevel level, Integer awardYear, String issuingBody, String note) {
}
