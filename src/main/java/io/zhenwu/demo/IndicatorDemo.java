package io.zhenwu.demo;

import io.zhenwu.indicators.DataValue;
import io.zhenwu.indicators.Indicator;
import io.zhenwu.indicators.Indicators;
import io.zhenwu.indicators.DataValues;
import io.zhenwu.indicators.PeriodType;
import io.zhenwu.indicators.Target;
import io.zhenwu.indicators.Targets;
import io.zhenwu.indicators.ValidationRules;
import io.zhenwu.indicators.ValueInput;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnitType;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.Role;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo town's indicators: the catalogue, 下蜀镇's 2022 and 2023 values as the seed states them (monthly
 * indicators split over the months so that they add up to the year exactly), 2024 months up to September, the 2024
 * targets, and the other towns of 句容市 generated plausibly (deterministic seed) so that county rollups mean
 * something. Entered through the same services as the data-entry form (validated, revisioned, audited).
 */
@Component
class IndicatorDemo {

    static final String XIASHU = "321183102000";
    static final int LAST_MONTH_2024 = 9;
    /** A seasonal profile of monthly shares (sums to 100): January–February low, December high. */
    private static final int[] SEASON = {6, 6, 8, 8, 8, 8, 8, 8, 9, 9, 10, 12};

    private final Indicators indicators;
    private final DataValues values;
    private final Targets targets;
    private final ValidationRules rules;
    private final OrgUnits orgUnits;

    IndicatorDemo(Indicators indicators, DataValues values, Targets targets, ValidationRules rules, OrgUnits orgUnits) {
        this.indicators = indicators;
        this.values = values;
        this.targets = targets;
        this.rules = rules;
        this.orgUnits = orgUnits;
    }

    /** Returns how many values were entered. */
    int load(OrgUnit county) {
        Actor actor = new Actor(0, "demo", new DataScope(county.id(), county.path()), EnumSet.allOf(Role.class));
        for (String[] r : csv("demo/indicators.csv")) {
            indicators.define(new Indicator(r[0], r[1], r[2], r[3], r[4], Indicator.ValueType.valueOf(r[5]),
                    Indicator.OrgAggregation.valueOf(r[6]), Indicator.PeriodAggregation.valueOf(r[7]), PeriodType.valueOf(r[8]),
                    Integer.parseInt(r[9]), Indicator.Source.valueOf(r[10]), r[14], r[12], r[13].isBlank() ? null : r[13],
                    Boolean.parseBoolean(r[11]), 0, true, 0));
        }
        rules.define(new ValidationRules.Rule("mfg_within_fai", "制造业投资不应超过固定资产投资",
                "Manufacturing investment within fixed-asset investment", "manufacturing_investment", "<=", "fixed_asset_investment",
                "HIGH", true, PeriodType.MONTH));
        rules.define(new ValidationRules.Rule("good_days_within_valid", "优良天数不应超过有效监测天数",
                "Good days within valid days", "air_good_days", "<=", "air_valid_days", "HIGH", true, PeriodType.YEAR));

        Map<String, BigDecimal[]> xiashu = new LinkedHashMap<>();
        int entered = 0;
        List<ValueInput> batch = new ArrayList<>();
        for (String[] r : csv("demo/indicator-values.csv")) {
            xiashu.computeIfAbsent(r[0], k -> new BigDecimal[2])[Integer.parseInt(r[1]) - 2022] = new BigDecimal(r[2]);
            Indicator indicator = indicators.get(r[0]);
            BigDecimal growth = r[3].isBlank() ? null : new BigDecimal(r[3]);
            entered += enter(batch, indicator, XIASHU, Integer.parseInt(r[1]), new BigDecimal(r[2]), growth);
        }
        // 2024 to September: the monthly indicators grow 4–9% on the same month of 2023.
        Random random = new Random(2024);
        for (Map.Entry<String, BigDecimal[]> e : xiashu.entrySet()) {
            Indicator indicator = indicators.get(e.getKey());
            if (indicator.periodType() == PeriodType.MONTH) {
                BigDecimal year2024 = e.getValue()[1].multiply(BigDecimal.valueOf(106 + random.nextInt(10))).movePointLeft(2);
                entered += enterMonths(batch, indicator, XIASHU, 2024, year2024, LAST_MONTH_2024);
            }
        }
        values.save(actor, batch);
        batch.clear();

        // The other towns: each a fraction of Xiashu with its own noise, same indicators.
        for (OrgUnit town : orgUnits.children(actor.scope(), county.id())) {
            if (town.code().equals(XIASHU) || (town.type() != OrgUnitType.TOWN && town.type() != OrgUnitType.SUBDISTRICT)) {
                continue;
            }
            Random r = new Random(town.code().hashCode());
            double factor = 0.35 + r.nextDouble() * 0.9;
            for (Map.Entry<String, BigDecimal[]> e : xiashu.entrySet()) {
                Indicator indicator = indicators.get(e.getKey());
                for (int year = 2022; year <= 2023; year++) {
                    BigDecimal base = e.getValue()[year - 2022];
                    BigDecimal value = scaled(indicator, base, factor, r);
                    entered += enter(batch, indicator, town.code(), year, value, null);
                }
                if (indicator.periodType() == PeriodType.MONTH) {
                    entered += enterMonths(batch, indicator, town.code(), 2024,
                            scaled(indicator, e.getValue()[1], factor * 1.05, r), LAST_MONTH_2024);
                }
            }
            values.save(actor, batch);
            batch.clear();
        }

        for (String[] r : csv("demo/targets.csv")) {
            targets.set(actor, r[0], XIASHU, Integer.parseInt(r[1]), Target.Comparator.valueOf(r[2]), new BigDecimal(r[3]), r[4], null);
        }
        return entered;
    }

    private static BigDecimal scaled(Indicator indicator, BigDecimal base, double factor, Random r) {
        // Counts of days and concentrations are not sizes: they vary a little around Xiashu's instead of scaling.
        boolean size = indicator.valueType() == Indicator.ValueType.AMOUNT || indicator.code().equals("new_above_scale_units");
        double f = size ? factor * (0.95 + r.nextDouble() * 0.1) : 0.97 + r.nextDouble() * 0.06;
        BigDecimal value = base.multiply(BigDecimal.valueOf(f)).setScale(indicator.decimals(), RoundingMode.HALF_EVEN);
        if (indicator.code().equals("air_good_days")) {
            value = value.min(BigDecimal.valueOf(360));
        }
        return value;
    }

    private int enter(List<ValueInput> batch, Indicator indicator, String org, int year, BigDecimal value, BigDecimal growth) {
        if (indicator.derived()) {
            return 0;
        }
        if (indicator.periodType() == PeriodType.MONTH) {
            return enterMonths(batch, indicator, org, year, value, 12);
        }
        batch.add(new ValueInput(indicator.code(), org, Integer.toString(year), value, growth, DataValue.ValueSource.ANNUAL,
                null, null));
        return 1;
    }

    /** Splits a year's total over its months by the seasonal profile; the last month takes the rounding remainder. */
    private static int enterMonths(List<ValueInput> batch, Indicator indicator, String org, int year, BigDecimal yearTotal, int months) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int m = 1; m <= months; m++) {
            BigDecimal v = m == 12 ? yearTotal.subtract(sum)
                    : yearTotal.multiply(BigDecimal.valueOf(SEASON[m - 1])).movePointLeft(2).setScale(indicator.decimals(), RoundingMode.HALF_EVEN);
            sum = sum.add(v);
            batch.add(new ValueInput(indicator.code(), org, String.format("%d-%02d", year, m), v, null,
                    year < 2024 ? DataValue.ValueSource.ANNUAL : DataValue.ValueSource.FLASH, null, null));
        }
        return months;
    }

    private static List<String[]> csv(String resource) {
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
