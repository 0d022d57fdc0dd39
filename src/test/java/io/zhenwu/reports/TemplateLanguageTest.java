package io.zhenwu.reports;

import io.zhenwu.shared.figures.FigureDefinition;
import io.zhenwu.shared.figures.FigureKind;
import io.zhenwu.shared.figures.LocalizedText;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The template language (parsed, with line and column errors) and the seed's number wording. */
class TemplateLanguageTest {

    static final Map<String, FigureDefinition> CATALOGUE = Map.of(
            "cases.service_hall.handled", definition("cases.service_hall.handled", "件", FigureKind.COUNT, Set.of("category")),
            "indicators.gdp", definition("indicators.gdp", "亿元", FigureKind.VALUE, Set.of()),
            "registry.honours.awarded", definition("registry.honours.awarded", "项", FigureKind.COUNT, Set.of("level", "type")),
            "subsidies.paid", definition("subsidies.paid", "元", FigureKind.AMOUNT, Set.of()));

    static FigureDefinition definition(String code, String unit, FigureKind kind, Set<String> filters) {
        return new FigureDefinition(code, new LocalizedText(code, null), new LocalizedText("口径", null), unit, kind, filters, true);
    }

    final TemplateParser parser = new TemplateParser(CATALOGUE::get);

    @Test
    void parsesTitleSectionsParagraphsAndPlaceholders() {
        ParsedTemplate t = parser.parse("""
                # 奋力谱写高质量发展新篇章
                {# 说明：这是注释，
                   可以跨行 #}
                ## 永葆为民服务初心
                全年共办理事项{{cases.service_hall.handled}}件，
                其中公共服务类事项{{ cases.service_hall.handled category=公共服务 }}件。

                获得荣誉{{registry.honours.awarded}}项{# 行内注释 #}，其中国家级{{registry.honours.awarded level=NATIONAL}}项。
                """);
        assertThat(t.errors()).isEmpty();
        assertThat(t.title()).isEqualTo("奋力谱写高质量发展新篇章");
        assertThat(t.blocks()).hasSize(3);
        assertThat(t.blocks().get(0).heading()).isTrue();
        assertThat(t.blocks().get(0).segments().get(0).text()).isEqualTo("永葆为民服务初心");
        var paragraph = t.blocks().get(1).segments();
        assertThat(paragraph).extracting(ParsedTemplate.Segment::text)
                .containsExactly("全年共办理事项", null, "件，其中公共服务类事项", null, "件。");
        assertThat(t.placeholders()).hasSize(4);
        assertThat(t.placeholders().get(1).filters()).containsExactly(Map.entry("category", "公共服务"));
        assertThat(t.placeholders().get(1).line()).isEqualTo(6);
        assertThat(t.placeholders().get(1).column()).isEqualTo(10);
        assertThat(t.blocks().get(2).segments()).extracting(ParsedTemplate.Segment::text)
                .containsExactly("获得荣誉", null, "项，其中国家级", null, "项。");
    }

    @Test
    void unknownFigureIsAnErrorWithLineAndColumn() {
        ParsedTemplate t = parser.parse("第一行\n全年{{cases.no_such.figure}}件");
        assertThat(t.errors()).singleElement().satisfies(e -> {
            assertThat(e.messageKey()).isEqualTo("report.template.unknownFigure");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(5);
            assertThat(e.args()).containsExactly("cases.no_such.figure");
        });
    }

    @Test
    void unclosedPlaceholderIsAnError() {
        ParsedTemplate t = parser.parse("## 标题\n实现地区生产总值{{indicators.gdp unit=亿元\n下一行}}");
        assertThat(t.errors()).extracting(ParsedTemplate.Error::messageKey, ParsedTemplate.Error::line, ParsedTemplate.Error::column)
                .contains(org.assertj.core.groups.Tuple.tuple("report.template.unclosed", 2, 9));
    }

    @Test
    void unknownAndBadOptionsAreErrors() {
        ParsedTemplate t = parser.parse("{{indicators.gdp colour=red}} {{indicators.gdp decimals=x}} {{indicators.gdp unit=万亩}} {{registry.honours.awarded category=A}}");
        assertThat(t.errors()).extracting(ParsedTemplate.Error::messageKey, ParsedTemplate.Error::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple("report.template.unknownOption", 18),
                org.assertj.core.groups.Tuple.tuple("report.template.badOption", 48),
                org.assertj.core.groups.Tuple.tuple("report.template.unit", 78),
                org.assertj.core.groups.Tuple.tuple("report.template.unknownOption", 115));
        assertThat(t.errors().get(0).args()).containsExactly("colour", "indicators.gdp");
        assertThat(parser.parse("{# never closed").errors()).extracting(ParsedTemplate.Error::messageKey)
                .containsExactly("report.template.unclosedComment");
        assertThat(parser.parse("a }} b {{ }}").errors()).extracting(ParsedTemplate.Error::messageKey)
                .containsExactly("report.template.strayClose", "report.template.empty");
    }

    @Test
    void numbersAreWordedAsTheSeedWordsThem() {
        FormatOptions yi = new FormatOptions("亿元", null, null, FormatOptions.Show.VALUE, 0);
        assertThat(ReportNumbers.value(new BigDecimal("90.0000"), "亿元", FigureKind.VALUE, FormatOptions.DEFAULT)).isEqualTo("90");
        assertThat(ReportNumbers.value(new BigDecimal("4.8500"), "亿元", FigureKind.VALUE, FormatOptions.DEFAULT)).isEqualTo("4.85");
        assertThat(ReportNumbers.value(new BigDecimal("485000000.00"), "元", FigureKind.AMOUNT, yi)).isEqualTo("4.85");
        assertThat(ReportNumbers.value(new BigDecimal("9000000000"), "元", FigureKind.AMOUNT, yi)).isEqualTo("90");
        assertThat(ReportNumbers.value(new BigDecimal("870000"), "元",
                FigureKind.AMOUNT, new FormatOptions("万元", null, null, FormatOptions.Show.VALUE, 0))).isEqualTo("87");
        assertThat(ReportNumbers.value(new BigDecimal("7776"), "件", FigureKind.COUNT, FormatOptions.DEFAULT)).isEqualTo("7776");
        assertThat(ReportNumbers.value(new BigDecimal("24833"), "人次", FigureKind.COUNT, FormatOptions.DEFAULT)).isEqualTo("24833");
        // GB/T 8170: half to even
        assertThat(ReportNumbers.value(new BigDecimal("4.845"), "亿元", FigureKind.VALUE, FormatOptions.DEFAULT)).isEqualTo("4.84");
        assertThat(ReportNumbers.value(new BigDecimal("4.855"), "亿元", FigureKind.VALUE, FormatOptions.DEFAULT)).isEqualTo("4.86");
        assertThat(ReportNumbers.value(new BigDecimal("86.7769"), "%", FigureKind.RATE, FormatOptions.DEFAULT)).isEqualTo("86.8");
        assertThat(ReportNumbers.value(new BigDecimal("100.00"), "%", FigureKind.RATE, FormatOptions.DEFAULT)).isEqualTo("100");
        assertThat(ReportNumbers.value(new BigDecimal("53.48"), "%", FigureKind.RATE,
                new FormatOptions(null, 2, null, FormatOptions.Show.VALUE, 0))).isEqualTo("53.48");
    }

    @Test
    void yuIsAFloorToARoundFigureConfigurablePerPlaceholder() {
        FormatOptions auto = new FormatOptions(null, null, FormatOptions.AUTO, FormatOptions.Show.VALUE, 0);
        FormatOptions hundred = new FormatOptions("万元", null, new BigDecimal("100"), FormatOptions.Show.VALUE, 0);
        assertThat(ReportNumbers.value(new BigDecimal("938"), "处", FigureKind.COUNT, auto)).isEqualTo("900余");
        assertThat(ReportNumbers.value(new BigDecimal("63"), "条", FigureKind.COUNT, auto)).isEqualTo("60余");
        assertThat(ReportNumbers.value(new BigDecimal("1036"), "人", FigureKind.COUNT, auto)).isEqualTo("1000余");
        assertThat(ReportNumbers.value(new BigDecimal("12463000"), "元", FigureKind.AMOUNT, hundred)).isEqualTo("1200余");
        assertThat(ReportNumbers.value(new BigDecimal("900"), "处", FigureKind.COUNT, auto)).as("exactly round: no 余").isEqualTo("900");
        assertThat(ReportNumbers.value(new BigDecimal("7"), "处", FigureKind.COUNT, auto)).as("too small to round").isEqualTo("7");
    }

    @Test
    void growthWording() {
        assertThat(ReportNumbers.growthWording(new BigDecimal("6.0"), false)).isEqualTo("同比增长6%");
        assertThat(ReportNumbers.growthWording(new BigDecimal("60.9"), false)).isEqualTo("同比增长60.9%");
        assertThat(ReportNumbers.growthWording(new BigDecimal("-2.1"), false)).isEqualTo("同比下降2.1%");
        assertThat(ReportNumbers.growthWording(new BigDecimal("1.2"), true)).isEqualTo("同比提高1.2个百分点");
        assertThat(ReportNumbers.growthWording(new BigDecimal("-0.5"), true)).isEqualTo("同比下降0.5个百分点");
        assertThat(ReportNumbers.growthWording(BigDecimal.ZERO, false)).isEqualTo("与上年持平");
        // 4.5330 → 4.8500: 6.99…% → 7%
        assertThat(ReportNumbers.growth(new BigDecimal("4.85"), new BigDecimal("4.533"), false)).isEqualByComparingTo("7.0");
        // half-even at one decimal: 0.25 → 0.2
        assertThat(ReportNumbers.growth(new BigDecimal("100.25"), new BigDecimal("100"), false)).isEqualByComparingTo("0.2");
        assertThat(ReportNumbers.growth(new BigDecimal("86.8"), new BigDecimal("84.5"), true)).isEqualByComparingTo("2.3");
        assertThat(ReportNumbers.growth(BigDecimal.ONE, BigDecimal.ZERO, false)).isNull();
        assertThat(List.of(ReportNumbers.growthNumber(new BigDecimal("-60.90")))).containsExactly("60.9");
    }
}
