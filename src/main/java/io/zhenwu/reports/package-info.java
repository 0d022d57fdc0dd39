/**
 * 工作报告: the figure registry (every module's {@link io.zhenwu.shared.figures.FigureProvider}), report templates
 * stored and versioned in the database, a template language that is parsed (never evaluated) with line and column
 * errors, Chinese report wording (万元/亿元, dropped trailing zeros, “余”, 同比增长/下降, 个百分点, GB/T 8170
 * rounding), HTML rendering in which every number links to its provenance page, frozen publications with "compare
 * with now", and DOCX (公文 style, streamed), HTML and Markdown exports. Nobody depends on this module except the
 * entry points (the CLI's {@code report} command and the demo's template). Public API:
 * {@link io.zhenwu.reports.Reports}, {@link io.zhenwu.reports.ReportTemplates}, {@link io.zhenwu.reports.FigureRegistry}.
 */
package io.zhenwu.reports;
