/**
 * The figure SPI (统计口径): every module that owns records contributes its documented numbers through
 * {@link io.zhenwu.shared.figures.FigureProvider}; reports, dashboards and the API read them here and nowhere else,
 * so no number is computed twice. Values are computed in SQL by the owning module; the records counted can be
 * listed (paged) and fingerprinted (count + hash of ids) so a published report can later say what changed.
 */
package io.zhenwu.shared.figures;
