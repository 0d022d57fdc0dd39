package io.zhenwu.indicators;

import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.PageQuery;
import io.zhenwu.shared.PageResult;
import io.zhenwu.shared.figures.Fingerprint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What the figure provider needs beyond {@link IndicatorFigures}: a target in one statement, and the data values
 * behind a figure (listed page by page, and fingerprinted by id and revision in one streaming statement).
 */
@Repository
class IndicatorFigureRepository {

    private static final String VALUES = "FROM data_value dv JOIN org_unit o ON o.id = dv.org_unit_id WHERE dv.indicator_code IN (:codes) "
            + "AND dv.period_start >= :from AND dv.period_start <= :to AND o.path LIKE :subtree AND o.path LIKE :scope ";

    private final JdbcClient jdbc;

    IndicatorFigureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A target of an org unit (by code) and year. */
    record TargetRow(long id, BigDecimal value, String comparator, String wording) {
    }

    Optional<TargetRow> target(DataScope scope, String indicator, String orgCode, int year) {
        return jdbc.sql("SELECT t.id, t.num_value, t.comparator, t.wording FROM target t JOIN org_unit o ON o.id = t.org_unit_id "
                        + "WHERE t.indicator_code = :code AND o.code = :org AND t.target_year = :year AND o.path LIKE :scope")
                .param("code", indicator).param("org", orgCode).param("year", year).param("scope", scope.likePattern())
                .query((rs, i) -> new TargetRow(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** One data value behind a figure. */
    record ValueRow(long id, String indicatorCode, String orgCode, String orgName, String periodType, LocalDate periodStart,
                    BigDecimal value, String source, int revision) {
    }

    /** The values of the indicators in the subtree whose period starts within [from, to], by id. */
    PageResult<ValueRow> values(DataScope scope, Collection<String> codes, String orgPath, LocalDate from, LocalDate to, PageQuery page) {
        long total = jdbc.sql("SELECT COUNT(*) " + VALUES).param("codes", codes).param("from", from).param("to", to)
                .param("subtree", orgPath + "%").param("scope", scope.likePattern()).query(Long.class).single();
        var rows = jdbc.sql("SELECT dv.id, dv.indicator_code, o.code, o.name, dv.period_type, dv.period_start, dv.num_value, dv.source, "
                        + "dv.revision " + VALUES + "ORDER BY dv.id LIMIT :limit OFFSET :offset")
                .param("codes", codes).param("from", from).param("to", to).param("subtree", orgPath + "%")
                .param("scope", scope.likePattern()).param("limit", page.size()).param("offset", page.offset())
                .query((rs, i) -> new ValueRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getDate(6).toLocalDate(), rs.getBigDecimal(7), rs.getString(8), rs.getInt(9)))
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    /** Count and SHA-256 of "id:revision," over the same values in id order, streamed in one statement. */
    Fingerprint fingerprint(DataScope scope, Collection<String> codes, String orgPath, LocalDate from, LocalDate to) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long[] count = {0};
        jdbc.sql("SELECT dv.id, dv.revision " + VALUES + "ORDER BY dv.id").param("codes", codes).param("from", from).param("to", to)
                .param("subtree", orgPath + "%").param("scope", scope.likePattern())
                .query(rs -> {
                    digest.update((rs.getLong(1) + ":" + rs.getInt(2) + ",").getBytes(StandardCharsets.US_ASCII));
                    count[0]++;
                });
        return new Fingerprint(count[0], HexFormat.of().formatHex(digest.digest()));
    }
}
