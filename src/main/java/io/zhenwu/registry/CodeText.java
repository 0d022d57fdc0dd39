package io.zhenwu.registry;

import java.util.Locale;

/** What every code field does to typed or imported text before judging it. */
final class CodeText {

    private CodeText() {
    }

    /**
     * Full-width to half-width (a Chinese IME types "９１３２…" and "Ｘ"), then trim and upper-case. Inner spaces and
     * hyphens are left alone: a code with a space inside was copied wrongly, and saying so beats guessing.
     */
    static String normalize(String raw) {
        return raw == null ? null : halfWidth(raw).strip().toUpperCase(Locale.ROOT);
    }

    /** Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space (U+3000) to their ASCII counterparts. */
    static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
