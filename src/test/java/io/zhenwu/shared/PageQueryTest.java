package io.zhenwu.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageQueryTest {

    private static final Set<String> SORTABLE = Set.of("code", "name", "type=unit_type", "createdAt=u.created_at");

    private static FieldViolation rejected(Executable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    @Test
    void defaultIsFirstPageOfTwentyByTheDefaultColumnAscending() {
        PageQuery q = PageQuery.of(null, null, null, "code", SORTABLE);
        assertThat(q).isEqualTo(new PageQuery(0, 20, "code", true));
        assertThat(q.offset()).isZero();
        assertThat(q.orderBy()).isEqualTo("code ASC");
        assertThat(PageQuery.of(null, null, "  ", "code", SORTABLE)).isEqualTo(q);
    }

    @Test
    void hugePageSizeIsRejectedOnFieldSize() {
        FieldViolation v = rejected(() -> PageQuery.of(0, 100_000, null, "code", SORTABLE));
        assertThat(v.field()).isEqualTo("size");
        assertThat(v.messageKey()).isEqualTo("validation.page.size");
        assertThat(v.args()).containsExactly(PageQuery.MAX_SIZE);
    }

    @Test
    void sizeBoundsAreOneToFiveHundred() {
        assertThat(PageQuery.of(0, 1, null, "code", SORTABLE).size()).isEqualTo(1);
        assertThat(PageQuery.of(0, 500, null, "code", SORTABLE).size()).isEqualTo(500);
        assertThat(rejected(() -> PageQuery.of(0, 501, null, "code", SORTABLE)).field()).isEqualTo("size");
        assertThat(rejected(() -> PageQuery.of(0, 0, null, "code", SORTABLE)).field()).isEqualTo("size");
        assertThat(rejected(() -> PageQuery.of(0, -5, null, "code", SORTABLE)).field()).isEqualTo("size");
    }

    @Test
    void negativePageIsRejected() {
        FieldViolation v = rejected(() -> PageQuery.of(-1, 20, null, "code", SORTABLE));
        assertThat(v.field()).isEqualTo("page");
        assertThat(v.messageKey()).isEqualTo("validation.page.negative");
    }

    @Test
    void offsetIsPageTimesSizeWithoutOverflow() {
        assertThat(PageQuery.of(3, 50, null, "code", SORTABLE).offset()).isEqualTo(150);
        assertThat(PageQuery.of(Integer.MAX_VALUE, 500, null, "code", SORTABLE).offset()).isEqualTo(Integer.MAX_VALUE * 500L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "unit_type", "code; DROP TABLE org_unit", "1", "Code", "u.created_at"})
    void unknownSortFieldIsRejectedListingTheAllowedOnes(String sort) {
        FieldViolation v = rejected(() -> PageQuery.of(0, 20, sort, "code", SORTABLE));
        assertThat(v.field()).isEqualTo("sort");
        assertThat(v.messageKey()).isEqualTo("validation.sort.field");
        assertThat(v.args()).containsExactly("code, createdAt, name, type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name,up", "name,", "name,desc;DELETE", "name,asc,desc"})
    void badDirectionIsRejected(String sort) {
        FieldViolation v = rejected(() -> PageQuery.of(0, 20, sort, "code", SORTABLE));
        assertThat(v.field()).isEqualTo("sort");
        assertThat(v.messageKey()).isEqualTo("validation.sort.direction");
    }

    @Test
    void sortFieldsMapToTheirColumnsInEitherDirection() {
        assertThat(PageQuery.of(0, 20, "type,desc", "code", SORTABLE).orderBy()).isEqualTo("unit_type DESC");
        assertThat(PageQuery.of(0, 20, "createdAt,ASC", "code", SORTABLE).orderBy()).isEqualTo("u.created_at ASC");
        assertThat(PageQuery.of(0, 20, " name , DeSc ", "code", SORTABLE).orderBy()).isEqualTo("name DESC");
        assertThat(PageQuery.of(0, 20, "name", "code", SORTABLE).orderBy()).isEqualTo("name ASC");
    }
}
