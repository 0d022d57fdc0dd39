package io.zhenwu.reports;

import io.zhenwu.shared.figures.FigureRequest;

import java.math.BigDecimal;
import java.util.List;

/**
 * A report written from the records: title, section headings and paragraphs whose numbers refer to {@link Figure}s,
 * and the warnings (figures without a value print “—”, never 0). The same model feeds HTML, Markdown and DOCX, and a
 * publication freezes it.
 */
public record RenderedReport(String templateName, int templateVersion, String orgCode, String orgName, int year, String title,
                             List<Block> blocks, List<Figure> figures, List<Warning> warnings) {

    /** A section heading or a paragraph. */
    public record Block(boolean heading, List<Segment> segments) {
    }

    /** Literal text, or the number of figure {@code figure}. */
    public record Segment(String text, Integer figure) {
    }

    /**
     * One placeholder's number: what was asked ({@code request}, {@code show}), what it printed, and what it was
     * before formatting.
     */
    public record Figure(int index, FigureRequest request, String show, String text, BigDecimal rawValue, String unit, String source,
                         BigDecimal growth, boolean growthInPoints, Long recordId, Integer revision, boolean missing, String name) {
    }

    /** A figure that printed “—”: its code and why, in words. */
    public record Warning(String figureCode, String figureName, String reason) {
    }

    /** Whether any figure has a value (a year with none at all is "no data"). */
    public boolean hasAnyValue() {
        return figures.stream().anyMatch(f -> !f.missing());
    }

    /** The text of a block with its numbers in place. */
    public String text(Block block) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : block.segments()) {
            sb.append(s.figure() == null ? s.text() : figures.get(s.figure()).text());
        }
        return sb.toString();
    }

    /** The whole report as plain text: title, then each block on its own line. */
    public String plainText() {
        StringBuilder sb = new StringBuilder(title).append('\n');
        for (Block b : blocks) {
            sb.append(text(b)).append('\n');
        }
        return sb.toString();
    }
}
