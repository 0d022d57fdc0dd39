package io.zhenwu.reports;

import io.zhenwu.shared.figures.FigureDefinition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The template language — parsed, never evaluated. Line by line:
 * <pre>
 * # 标题                                  the report's title (first such line)
 * ## 加快产业强镇步伐，实体经济支撑有力       a section heading
 * text {{indicators.gdp unit=亿元}} text   a paragraph; consecutive lines join, a blank line ends it
 * {# a comment, may span lines #}          left out
 * </pre>
 * A placeholder is {@code {{figure.code name=value …}}} on one line. Names are formatting options — {@code unit}
 * (万元, 亿元 …), {@code decimals} (0–6), {@code approx} (“余”: a step such as 100, or bare for one significant digit),
 * {@code show} (value, growth, growth_number), {@code year} (+1, -1: a year after or before the report's) — or the figure's own filters
 * ({@code level=NATIONAL}). {@code {{year}}} and {@code {{org}}} print the report's year and org unit. Anything else is an error with its line and column, as is an unknown figure, an unclosed
 * placeholder or comment, or a unit the figure's cannot be scaled to.
 */
final class TemplateParser {

    static final Set<String> OPTIONS = Set.of("unit", "decimals", "approx", "show", "year");
    /** {@code {{year}}} is the report's year, {@code {{org}}} the org unit's name. */
    static final Set<String> VARIABLES = Set.of("year", "org");

    private final Function<String, FigureDefinition> catalogue;

    /** @param catalogue figure code → definition, null for an unknown code */
    TemplateParser(Function<String, FigureDefinition> catalogue) {
        this.catalogue = catalogue;
    }

    private final class State {
        String title;
        final List<ParsedTemplate.Block> blocks = new ArrayList<>();
        final List<ParsedTemplate.Placeholder> placeholders = new ArrayList<>();
        final List<ParsedTemplate.Error> errors = new ArrayList<>();
        List<ParsedTemplate.Segment> paragraph;
        boolean inComment;
        int commentLine;
        int commentColumn;

        void error(int line, int column, String key, Object... args) {
            errors.add(new ParsedTemplate.Error(line, column, key, List.of(args)));
        }

        void endParagraph() {
            if (paragraph != null && !paragraph.isEmpty()) {
                blocks.add(new ParsedTemplate.Block(false, merge(paragraph)));
            }
            paragraph = null;
        }
    }

    ParsedTemplate parse(String source) {
        State s = new State();
        String[] lines = (source == null ? "" : source).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            int lineNo = n + 1;
            String line = lines[n];
            // Comments first: what is left is the line's content.
            StringBuilder content = new StringBuilder();
            List<Integer> columns = new ArrayList<>();
            int i = 0;
            while (i < line.length()) {
                if (s.inComment) {
                    int end = line.indexOf("#}", i);
                    if (end < 0) {
                        i = line.length();
                    } else {
                        s.inComment = false;
                        i = end + 2;
                    }
                } else if (line.startsWith("{#", i)) {
                    s.inComment = true;
                    s.commentLine = lineNo;
                    s.commentColumn = i + 1;
                    i += 2;
                } else {
                    content.append(line.charAt(i));
                    columns.add(i + 1);
                    i++;
                }
            }
            String text = content.toString();
            if (text.isBlank()) {
                boolean onlyComment = !line.isBlank();
                if (!onlyComment) {
                    s.endParagraph();
                }
                continue;
            }
            String stripped = text.strip();
            int lead = text.indexOf(stripped.charAt(0));
            if (stripped.startsWith("## ") || stripped.equals("##")) {
                s.endParagraph();
                int start = lead + 2;
                s.blocks.add(new ParsedTemplate.Block(true, merge(inline(s, text.substring(start).strip(), lineNo,
                        columns, start + (text.substring(start).length() - text.substring(start).stripLeading().length())))));
                continue;
            }
            if (stripped.startsWith("# ")) {
                s.endParagraph();
                if (s.title == null) {
                    s.title = stripped.substring(2).strip();
                }
                continue;
            }
            if (s.paragraph == null) {
                s.paragraph = new ArrayList<>();
            }
            s.paragraph.addAll(inline(s, stripped, lineNo, columns, lead));
        }
        s.endParagraph();
        if (s.inComment) {
            s.error(s.commentLine, s.commentColumn, "report.template.unclosedComment");
        }
        return new ParsedTemplate(s.title, List.copyOf(s.blocks), List.copyOf(s.placeholders), List.copyOf(s.errors));
    }

    /** Text and placeholders of one line; {@code offset} is where {@code text} starts in the comment-free line. */
    private List<ParsedTemplate.Segment> inline(State s, String text, int lineNo, List<Integer> columns, int offset) {
        List<ParsedTemplate.Segment> out = new ArrayList<>();
        int i = 0;
        StringBuilder literal = new StringBuilder();
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            int strayClose = text.indexOf("}}", i);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                s.error(lineNo, column(columns, offset + strayClose), "report.template.strayClose");
                literal.append(text, i, strayClose + 2);
                i = strayClose + 2;
                continue;
            }
            if (open < 0) {
                literal.append(text.substring(i));
                break;
            }
            literal.append(text, i, open);
            int close = text.indexOf("}}", open + 2);
            int col = column(columns, offset + open);
            if (close < 0) {
                s.error(lineNo, col, "report.template.unclosed");
                literal.append(text.substring(open));
                break;
            }
            if (literal.length() > 0) {
                out.add(ParsedTemplate.Segment.text(literal.toString()));
                literal.setLength(0);
            }
            String inner = text.substring(open + 2, close).strip();
            if (VARIABLES.contains(inner)) {
                out.add(ParsedTemplate.Segment.variable(inner));
                i = close + 2;
                continue;
            }
            ParsedTemplate.Placeholder p = placeholder(s, text.substring(open + 2, close), lineNo, col, columns, offset + open + 2);
            if (p != null) {
                s.placeholders.add(p);
                out.add(ParsedTemplate.Segment.ref(p.index()));
            }
            i = close + 2;
        }
        if (literal.length() > 0) {
            out.add(ParsedTemplate.Segment.text(literal.toString()));
        }
        return out;
    }

    private ParsedTemplate.Placeholder placeholder(State s, String body, int lineNo, int col, List<Integer> columns, int bodyOffset) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < body.length() && !Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            if (i > start) {
                spans.add(new int[]{start, i});
            }
        }
        if (spans.isEmpty()) {
            s.error(lineNo, col, "report.template.empty");
            return null;
        }
        String code = body.substring(spans.get(0)[0], spans.get(0)[1]);
        FigureDefinition definition = catalogue.apply(code);
        if (definition == null) {
            s.error(lineNo, column(columns, bodyOffset + spans.get(0)[0]), "report.template.unknownFigure", code);
            return null;
        }
        Map<String, String> filters = new LinkedHashMap<>();
        String unit = null;
        Integer decimals = null;
        BigDecimal approx = null;
        FormatOptions.Show show = FormatOptions.Show.VALUE;
        int yearOffset = 0;
        int before = s.errors.size();
        for (int k = 1; k < spans.size(); k++) {
            String token = body.substring(spans.get(k)[0], spans.get(k)[1]);
            int tokenColumn = column(columns, bodyOffset + spans.get(k)[0]);
            int eq = token.indexOf('=');
            String name = eq < 0 ? token : token.substring(0, eq);
            String value = eq < 0 ? null : token.substring(eq + 1);
            if (!OPTIONS.contains(name) && !definition.filters().contains(name)) {
                s.error(lineNo, tokenColumn, "report.template.unknownOption", name, code);
                continue;
            }
            if (!OPTIONS.contains(name)) {
                if (value == null || value.isEmpty()) {
                    s.error(lineNo, tokenColumn, "report.template.badOption", name, "");
                } else {
                    filters.put(name, value);
                }
                continue;
            }
            switch (name) {
                case "unit" -> {
                    if (value == null || value.isEmpty() || !ReportNumbers.convertible(definition.unit(), value)) {
                        s.error(lineNo, tokenColumn, "report.template.unit", value == null ? "" : value, definition.unit());
                    } else {
                        unit = value;
                    }
                }
                case "decimals" -> {
                    if (value == null || !value.matches("[0-6]")) {
                        s.error(lineNo, tokenColumn, "report.template.badOption", name, value == null ? "" : value);
                    } else {
                        decimals = Integer.parseInt(value);
                    }
                }
                case "approx" -> {
                    if (value == null || value.equals("auto")) {
                        approx = FormatOptions.AUTO;
                    } else if (value.matches("10*") && value.length() > 1) {
                        approx = new BigDecimal(value);
                    } else {
                        s.error(lineNo, tokenColumn, "report.template.badOption", name, value);
                    }
                }
                case "show" -> {
                    FormatOptions.Show parsed = value == null ? null : FormatOptions.Show.parse(value);
                    if (parsed == null) {
                        s.error(lineNo, tokenColumn, "report.template.badOption", name, value == null ? "" : value);
                    } else {
                        show = parsed;
                    }
                }
                case "year" -> {
                    if (value != null && value.matches("[+-][0-9]{1,2}")) {
                        yearOffset = Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
                    } else {
                        s.error(lineNo, tokenColumn, "report.template.badOption", name, value == null ? "" : value);
                    }
                }
                default -> throw new IllegalStateException(name);
            }
        }
        if (s.errors.size() > before) {
            return null;
        }
        return new ParsedTemplate.Placeholder(s.placeholders.size(), code, filters,
                new FormatOptions(unit, decimals, approx, show, yearOffset), lineNo, col);
    }

    private static int column(List<Integer> columns, int index) {
        if (columns.isEmpty()) {
            return 1;
        }
        return index < columns.size() ? columns.get(index) : columns.get(columns.size() - 1) + 1;
    }

    /** Adjacent text segments become one (lines of a paragraph join without a separator, as Chinese text does). */
    private static List<ParsedTemplate.Segment> merge(List<ParsedTemplate.Segment> segments) {
        List<ParsedTemplate.Segment> out = new ArrayList<>();
        for (ParsedTemplate.Segment segment : segments) {
            if (segment.text() != null && !out.isEmpty() && out.get(out.size() - 1).text() != null) {
                out.set(out.size() - 1, ParsedTemplate.Segment.text(out.get(out.size() - 1).text() + segment.text()));
            } else {
                out.add(segment);
            }
        }
        return List.copyOf(out);
    }
}
