package io.zhenwu.shared.figures;

/**
 * What a figure measures, which decides how the report words it: counts are whole numbers (件, 人次), amounts are
 * yuan (scaled to 万元/亿元 when printed), quantities carry their unit (亩, 吨), rates are percentages whose change is
 * in 百分点, values are indicator values in the indicator's own unit.
 */
public enum FigureKind {
    COUNT, AMOUNT, QUANTITY, RATE, VALUE
}
