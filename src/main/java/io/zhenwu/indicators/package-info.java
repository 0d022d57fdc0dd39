/**
 * 指标与目标: the indicator catalogue (with derived indicators), data values with their revision history and period
 * locks, year-on-year growth, annual targets with 序时进度, validation rules, and rollups up the org tree — every
 * aggregate in SQL. Public API: {@link io.zhenwu.indicators.Indicators}, {@link io.zhenwu.indicators.DataValues},
 * {@link io.zhenwu.indicators.Targets} and the records they return.
 */
package io.zhenwu.indicators;
