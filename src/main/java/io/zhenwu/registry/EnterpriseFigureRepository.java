package io.zhenwu.registry;

import io.zhenwu.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;

/** Counts over the enterprise register for the report's figures, each one SQL statement over an org subtree. */
@Repository
class EnterpriseFigureRepository {

    private static final String FROM = "FROM enterprise e JOIN org_unit o ON o.id = e.org_unit_id "
            + "WHERE o.path LIKE :scope AND o.path LIKE (SELECT u.path FROM org_unit u WHERE u.code = :org) || '%' ";

    private final JdbcClient jdbc;

    EnterpriseFigureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {entered, exited}: 入规 and 退规 dates falling in [from, to). */
    long[] aboveScaleMoves(DataScope scope, String orgCode, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COALESCE(SUM(CASE WHEN e.above_scale_from >= :from AND e.above_scale_from < :to THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN e.above_scale_to >= :from AND e.above_scale_to < :to THEN 1 ELSE 0 END), 0) " + FROM)
                .param("scope", scope.likePattern()).param("org", orgCode).param("from", from).param("to", to)
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
    }

    /** Enterprises above scale on {@code day} (入规 on or before it, not yet 退规). */
    long aboveScaleOn(DataScope scope, String orgCode, LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) " + FROM + "AND e.above_scale_from <= :day AND (e.above_scale_to IS NULL OR e.above_scale_to > :day)")
                .param("scope", scope.likePattern()).param("org", orgCode).param("day", day).query(Long.class).single();
    }

    /** Enterprises whose night production overlaps [from, to). */
    long nightProductionDuring(DataScope scope, String orgCode, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*) " + FROM + "AND e.night_production_from < :to "
                        + "AND (e.night_production_to IS NULL OR e.night_production_to > :from)")
                .param("scope", scope.likePattern()).param("org", orgCode).param("from", from).param("to", to)
                .query(Long.class).single();
    }
}
