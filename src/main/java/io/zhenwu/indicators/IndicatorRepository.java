package io.zhenwu.indicators;

import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The indicator catalogue: installation-wide reference data, the same for every org unit. */
@Repository
class IndicatorRepository {

    private static final String COLUMNS = "code, name_zh, name_en, group_code, unit, value_type, org_aggregation, period_aggregation, "
            + "period_type, decimals, source, definition, owner_org_code, formula, comparable_growth, sort_order, active, version";

    private final JdbcClient jdbc;

    IndicatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Unscoped("the catalogue is installation-wide reference data")
    List<Indicator> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM indicator ORDER BY group_code, sort_order, code").query(IndicatorRepository::map).list();
    }

    @Unscoped("the catalogue is installation-wide reference data")
    Optional<Indicator> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM indicator WHERE code = :code").param("code", code)
                .query(IndicatorRepository::map).optional();
    }

    @Unscoped("the catalogue is installation-wide reference data")
    void insert(Indicator i) {
        var now = OffsetDateTime.ofInstant(Times.now(), Times.ZONE);
        jdbc.sql("INSERT INTO indicator (" + COLUMNS + ", created_at, updated_at) VALUES (:code, :nameZh, :nameEn, :group, :unit, "
                        + ":valueType, :orgAgg, :periodAgg, :periodType, :decimals, :source, :definition, :owner, :formula, "
                        + ":comparable, :sort, :active, 0, :now, :now)")
                .param("code", i.code()).param("nameZh", i.nameZh()).param("nameEn", i.nameEn()).param("group", i.groupCode())
                .param("unit", i.unit()).param("valueType", i.valueType().name()).param("orgAgg", i.orgAggregation().name())
                .param("periodAgg", i.periodAggregation().name()).param("periodType", i.periodType().name())
                .param("decimals", i.decimals()).param("source", i.source().name()).param("definition", i.definition())
                .param("owner", i.ownerOrgCode()).param("formula", i.formula()).param("comparable", i.comparableGrowth())
                .param("sort", i.sortOrder()).param("active", i.active()).param("now", now)
                .update();
    }

    /** Replaces the editable fields; 0 rows when the version is stale. */
    @Unscoped("the catalogue is installation-wide reference data")
    int update(Indicator i, long expectedVersion) {
        return jdbc.sql("UPDATE indicator SET name_zh = :nameZh, name_en = :nameEn, group_code = :group, unit = :unit, "
                        + "decimals = :decimals, definition = :definition, owner_org_code = :owner, formula = :formula, "
                        + "comparable_growth = :comparable, active = :active, version = version + 1, updated_at = :now "
                        + "WHERE code = :code AND version = :version")
                .param("nameZh", i.nameZh()).param("nameEn", i.nameEn()).param("group", i.groupCode()).param("unit", i.unit())
                .param("decimals", i.decimals()).param("definition", i.definition()).param("owner", i.ownerOrgCode())
                .param("formula", i.formula()).param("comparable", i.comparableGrowth()).param("active", i.active())
                .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE)).param("code", i.code()).param("version", expectedVersion)
                .update();
    }

    /** Whether any stored value of the indicator has more than {@code decimals} decimals (counted in SQL). */
    @Unscoped("a property of the indicator across every org unit")
    boolean hasValuesFinerThan(String code, int decimals) {
        return jdbc.sql("SELECT COUNT(*) FROM data_value WHERE indicator_code = :code AND num_value <> ROUND(num_value, :decimals)")
                .param("code", code).param("decimals", decimals).query(Long.class).single() > 0;
    }

    static Indicator map(ResultSet rs, int row) throws SQLException {
        return new Indicator(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("group_code"),
                rs.getString("unit"), Indicator.ValueType.valueOf(rs.getString("value_type")),
                Indicator.OrgAggregation.valueOf(rs.getString("org_aggregation")),
                Indicator.PeriodAggregation.valueOf(rs.getString("period_aggregation")),
                PeriodType.valueOf(rs.getString("period_type")), rs.getInt("decimals"),
                Indicator.Source.valueOf(rs.getString("source")), rs.getString("definition"), rs.getString("owner_org_code"),
                rs.getString("formula"), rs.getBoolean("comparable_growth"), rs.getInt("sort_order"), rs.getBoolean("active"),
                rs.getLong("version"));
    }
}
