package io.zhenwu.registry;

import java.math.BigDecimal;

/** 研发投入: an enterprise's R&D spending in a year, in yuan with fen. */
public record RdSpending(int year, BigDecimal amount) {
}
