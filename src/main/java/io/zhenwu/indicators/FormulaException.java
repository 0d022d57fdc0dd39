package io.zhenwu.indicators;

import java.util.Arrays;
import java.util.List;

/**
 * A derived indicator's formula is not acceptable: a syntax error ({@link Formula#parse}) or a dependency cycle
 * ({@link FormulaGraph#evaluationOrder}). Carries a message key of both bundles and its arguments, so the form or the
 * API shows it in the caller's language.
 *
 * <p>For an error at a position, {@link #column()} is the 1-based column in the formula text (counted in UTF-16 chars,
 * like a JavaScript string index + 1; an error "at the end" points one past the last non-blank character), and it is
 * also the first message argument ({@code {0}}), so an editor can put the caret there. An error that belongs to no
 * position (a cycle) has column 0.
 */
public class FormulaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Nothing but blanks. Args: column (1). */
    public static final String EMPTY = "indicator.formula.empty";
    /** Longer than {@link Formula#MAX_LENGTH}. Args: column (MAX_LENGTH + 1), MAX_LENGTH, the length. */
    public static final String TOO_LONG = "indicator.formula.tooLong";
    /** Parentheses and unary minus nested deeper than {@link Formula#MAX_DEPTH}. Args: column, MAX_DEPTH. */
    public static final String TOO_DEEP = "indicator.formula.tooDeep";
    /** A character that has no place in a formula. Args: column, the character. */
    public static final String UNEXPECTED = "indicator.formula.unexpected";
    /** A full-width character typed with a Chinese input method. Args: column, the character, its ASCII form. */
    public static final String FULL_WIDTH = "indicator.formula.fullWidth";
    /** A number that is not a plain decimal (1e3, 1., .5, 1.2.3). Args: column, the text. */
    public static final String BAD_NUMBER = "indicator.formula.badNumber";
    /** A word that is not an indicator code ([a-z][a-z0-9_]{0,39}). Args: column, the word. */
    public static final String BAD_CODE = "indicator.formula.badCode";
    /** An operator or ")" where a number, code or "(" belongs. Args: column, the token. */
    public static final String OPERAND_EXPECTED = "indicator.formula.operandExpected";
    /** A number, code or "(" right after an operand, with no operator between. Args: column, the token. */
    public static final String OPERATOR_EXPECTED = "indicator.formula.operatorExpected";
    /** The formula ends where an operand belongs ("gdp +"). Args: column (one past the end). */
    public static final String INCOMPLETE = "indicator.formula.incomplete";
    /** A "(" or a shift's "[" that is never closed. Args: column of the opening bracket. */
    public static final String UNCLOSED = "indicator.formula.unclosed";
    /** A ")" with no "(" to close. Args: column, ")". */
    public static final String TRAILING = "indicator.formula.trailing";
    /** A period shift that is not [-Ny], [-Nq] or [-Nm]. Args: column of "[", the text inside the brackets. */
    public static final String UNKNOWN_SHIFT = "indicator.formula.unknownShift";
    /** A shift into the future ([1y], [+2q]). Args: column of "[", the text inside the brackets. */
    public static final String FUTURE_SHIFT = "indicator.formula.futureShift";
    /** A shift further back than {@link Formula#MAX_SHIFT_MONTHS}. Args: column of "[", the text, the limit in years. */
    public static final String SHIFT_TOO_FAR = "indicator.formula.shiftTooFar";
    /** Derived indicators that depend on each other in the same period. Args: the cycle as text, "a → b → a". */
    public static final String CYCLE = "indicator.formula.cycle";

    private final String key;
    private final int column;
    private final List<Object> args;

    public FormulaException(String key, int column, Object... args) {
        super(key + (column > 0 ? " at column " + column : "") + " " + Arrays.toString(args));
        this.key = key;
        this.column = column;
        this.args = List.of(args);
    }

    /** The message key, one of the constants of this class. */
    public String key() {
        return key;
    }

    /** The 1-based column of the problem, 0 if it has no position. */
    public int column() {
        return column;
    }

    /** The message arguments; for a positional error the first is {@link #column()}. */
    public List<Object> args() {
        return args;
    }
}
