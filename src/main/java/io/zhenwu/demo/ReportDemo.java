package io.zhenwu.demo;

import io.zhenwu.indicators.DataValue;
import io.zhenwu.indicators.DataValues;
import io.zhenwu.indicators.Indicator;
import io.zhenwu.indicators.Indicators;
import io.zhenwu.indicators.PeriodType;
import io.zhenwu.indicators.ValueInput;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.reports.ReportTemplates;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Role;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The demo's annual work report: the indicators the report states where no module keeps records yet (projects,
 * subsidies, employment, culture, ecology … — 下蜀镇 2023 as the seed states them, source 部门填报), and the
 * template {@value #TEMPLATE} modelled on the seed's structure, written through the same services as the UI.
 */
@Component
class ReportDemo {

    static final String TEMPLATE = "年度工作报告";

    private final Indicators indicators;
    private final DataValues values;
    private final ReportTemplates templates;

    ReportDemo(Indicators indicators, DataValues values, ReportTemplates templates) {
        this.indicators = indicators;
        this.values = values;
        this.templates = templates;
    }

    /** Returns how many values were entered. */
    int load(OrgUnit town) {
        Actor actor = new Actor(0, "demo", new DataScope(town.id(), town.path()), EnumSet.allOf(Role.class));
        List<ValueInput> batch = new ArrayList<>();
        for (String[] r : DemoData.csv("demo/report-indicators.csv")) {
            indicators.define(new Indicator(r[0], r[1], r[2], r[3], r[4], Indicator.ValueType.valueOf(r[5]),
                    Indicator.OrgAggregation.valueOf(r[6]), Indicator.PeriodAggregation.valueOf(r[7]), PeriodType.YEAR,
                    Integer.parseInt(r[8]), Indicator.Source.DEPARTMENT, r[10], null, null, false, 0, true, 0));
            batch.add(new ValueInput(r[0], town.code(), "2023", new BigDecimal(r[9]), null, DataValue.ValueSource.DEPARTMENT,
                    null, null));
        }
        values.save(actor, batch);
        templates.createAsSystem(town, TEMPLATE, template(), "demo");   // the demo town's own template
        return batch.size();
    }

    static String template() {
        try {
            return new ClassPathResource("demo/report-template.txt").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
