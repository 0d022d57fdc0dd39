package io.zhenwu.shared.figures;

import java.util.Locale;
import java.util.Objects;

/** A text in Chinese (the default) and English, for figure names and definitions (口径) declared in code. */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        en = en == null || en.isBlank() ? zh : en;
    }

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
