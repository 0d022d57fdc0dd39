package io.zhenwu.shared.figures;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;

import java.util.List;

/**
 * The one SPI through which a module contributes figures. A module registers one provider bean; the reports module
 * collects them all. Every method is data-scoped: an org unit outside {@code scope} is a
 * {@link io.zhenwu.shared.NotFoundException}, exactly as for the module's own endpoints. Values are computed in SQL
 * (one statement per figure, not rows loaded into Java); an unknown filter is {@link io.zhenwu.shared.InvalidInputException}.
 */
public interface FigureProvider {

    /** The figures this provider answers for (codes unique across all providers; checked at start-up). */
    List<FigureDefinition> definitions();

    /** Computes one figure. */
    FigureValue compute(DataScope scope, FigureRequest request);

    /** The records the figure counted, paged, ordered by id; empty for figures that are not record-based. */
    PageResult<CountedRecord> records(DataScope scope, FigureRequest request, PageQuery page);

    /** Count and hash of the ids the figure counted (for an entered value: its id and revision). */
    Fingerprint fingerprint(DataScope scope, FigureRequest request);
}
