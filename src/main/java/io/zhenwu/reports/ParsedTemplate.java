package io.zhenwu.reports;

import io.zhenwu.shared.FieldViolation;

import java.util.List;
import java.util.Map;

/**
 * A template after parsing: its title, blocks (section headings and paragraphs of text and placeholders), the
 * placeholders, and the errors with line and column. A template with errors is shown in the editor, never rendered.
 */
record ParsedTemplate(String title, List<Block> blocks, List<Placeholder> placeholders, List<Error> errors) {

    boolean valid() {
        return errors.isEmpty();
    }

    /** A section heading ({@code ## …}) or a paragraph. */
    record Block(boolean heading, List<Segment> segments) {
    }

    /** Literal text, the placeholder with this index, or a report variable ({@code year}, {@code org}). */
    record Segment(String text, Integer placeholder, String variable) {
        static Segment text(String text) {
            return new Segment(text, null, null);
        }

        static Segment ref(int index) {
            return new Segment(null, index, null);
        }

        static Segment variable(String name) {
            return new Segment(null, null, name);
        }
    }

    /** {@code {{code option=value filter=value}}} at a line and column (1-based). */
    record Placeholder(int index, String code, Map<String, String> filters, FormatOptions options, int line, int column) {
    }

    /**
     * A parse error: message key {@code report.template.*} with the line and column as its first two arguments.
     */
    record Error(int line, int column, String messageKey, List<Object> args) {
        FieldViolation violation() {
            Object[] all = new Object[args.size() + 2];
            all[0] = line;
            all[1] = column;
            for (int i = 0; i < args.size(); i++) {
                all[i + 2] = args.get(i);
            }
            return FieldViolation.of("template", messageKey, all);
        }
    }
}
