package io.zhenwu.registry;

import java.util.Locale;

/** An entry of the facility catalogue (微型消防站, 水库 …); administrators add entries, none is ever deleted. */
public record FacilityType(String code, String nameZh, String nameEn, boolean active) {

    /** The name in the reader's language (Chinese unless English). */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
