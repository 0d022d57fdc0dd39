package io.zhenwu.registry;

import io.zhenwu.shared.DataScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;

/**
 * The enterprise register's figures for a year and an org subtree, counted in SQL: 净增入规“四上”单位 (entered −
 * exited in the year) and 夜间生产企业 (night production at any time in the year).
 */
@Service
@Transactional(readOnly = true)
public class EnterpriseFigures {

    private final EnterpriseFigureRepository repository;

    EnterpriseFigures(EnterpriseFigureRepository repository) {
        this.repository = repository;
    }

    /** 入规/退规 in a year: {@code net()} is 净增入规 (the seed's 12 for 下蜀镇 2023). */
    public record AboveScaleChange(int year, long entered, long exited, long atYearEnd) {
        public long net() {
            return entered - exited;
        }
    }

    public AboveScaleChange aboveScaleChange(DataScope scope, String orgUnitCode, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusYears(1);
        long[] moves = repository.aboveScaleMoves(scope, orgUnitCode, from, to);
        return new AboveScaleChange(year, moves[0], moves[1], repository.aboveScaleOn(scope, orgUnitCode, LocalDate.of(year, 12, 31)));
    }

    /** Enterprises producing at night at some time in {@code year} (the seed's 19 夜间生产企业). */
    public long nightProduction(DataScope scope, String orgUnitCode, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        return repository.nightProductionDuring(scope, orgUnitCode, from, from.plusYears(1));
    }
}
