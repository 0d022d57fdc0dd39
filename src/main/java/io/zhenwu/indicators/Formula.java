package io.zhenwu.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The formula of a derived indicator (派生指标公式), DHIS2 style: {@code rd_spending / gdp * 100},
 * {@code (budget_revenue - budget_revenue[-1y]) / budget_revenue[-1y] * 100}.
 *
 * <p>A small, safe expression language, parsed here by hand and evaluated in {@link BigDecimal} (never a script
 * engine, never {@code double}):
 *
 * <pre>
 * expression := term (("+" | "-") term)*          left associative
 * term       := unary (("*" | "/") unary)*        left associative, binds tighter than + -
 * unary      := "-" unary | primary
 * primary    := number | reference | "(" expression ")"
 * number     := [0-9]+ ("." [0-9]+)?              plain decimals only: no 1e3, no .5, no 1.
 * reference  := code ("[" shift "]")?
 * code       := [a-z][a-z0-9_]{0,39}
 * shift      := ("-" | "+")? [0-9]+ ("y" | "q" | "m")   years, quarters, months; only back in time or 0:
 *                                                 [-1y] the same period a year earlier, [-1q], [-12m]; [0y] = no shift
 * </pre>
 *
 * Blanks (including the full-width space) between tokens are ignored. A formula has at most {@link #MAX_LENGTH}
 * characters and nests parentheses and unary minus at most {@link #MAX_DEPTH} deep, so no input can exhaust the
 * stack. A syntax error is a {@link FormulaException} with a message key and the column to point at.
 *
 * <p>Instances are immutable and thread-safe; two formulas are equal when their {@link #canonical()} texts are.
 */
public final class Formula {

    /** Longest accepted formula text, in characters. */
    public static final int MAX_LENGTH = 2000;
    /** Deepest accepted nesting of parentheses and unary minus. */
    public static final int MAX_DEPTH = 50;
    /** Furthest accepted period shift back in time: 100 years. */
    public static final int MAX_SHIFT_MONTHS = 1200;

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern SHIFT = Pattern.compile("([+-]?)([0-9]+)([yqmYQM])");
    private static final MathContext MC = MathContext.DECIMAL128;

    /**
     * One input of a formula: an indicator's value, in the evaluated period shifted back by {@code shiftMonths}
     * (0 = the same period, -12 = a year earlier; a quarter is 3 months, a year 12). {@code gdp[-1y]} and
     * {@code gdp[-12m]} are the same reference.
     */
    public record Reference(String code, int shiftMonths) {
        public Reference {
            Objects.requireNonNull(code, "code");
            if (shiftMonths > 0) {
                throw new IllegalArgumentException("a formula refers only to the same or earlier periods: " + shiftMonths);
            }
        }
    }

    /**
     * The outcome of {@link #evaluate}: either a value (unrounded; the caller rounds it to the indicator's decimals
     * with {@link java.math.RoundingMode#HALF_EVEN HALF_EVEN}, GB/T 8170) or the message key and arguments that say
     * why there is none. Exactly one of {@code value} and {@code noValueKey} is set.
     */
    public record Evaluation(BigDecimal value, String noValueKey, List<Object> noValueArgs) {

        /** A divisor is zero. Args: the divisor's canonical text. */
        public static final String DIVISION_BY_ZERO = "indicator.formula.divisionByZero";
        /** An input has no value. Args: the code, the shift in months (0 or negative), the reference as written. */
        public static final String MISSING_INPUT = "indicator.formula.missingInput";
        /** A result beyond what {@link BigDecimal} can represent. No args. */
        public static final String OUT_OF_RANGE = "indicator.formula.outOfRange";

        public Evaluation {
            if ((value == null) == (noValueKey == null)) {
                throw new IllegalArgumentException("exactly one of value and noValueKey");
            }
            noValueArgs = noValueArgs == null ? List.of() : List.copyOf(noValueArgs);
            if (value != null && !noValueArgs.isEmpty()) {
                throw new IllegalArgumentException("a value carries no reason");
            }
        }

        public static Evaluation of(BigDecimal value) {
            return new Evaluation(Objects.requireNonNull(value, "value"), null, List.of());
        }

        public static Evaluation noValue(String key, Object... args) {
            return new Evaluation(null, Objects.requireNonNull(key, "key"), List.of(args));
        }

        public boolean hasValue() {
            return value != null;
        }
    }

    private final Node root;
    private final Set<Reference> references;
    private final String canonical;

    private Formula(Node root) {
        this.root = root;
        Set<Reference> refs = new LinkedHashSet<>();
        collect(root, refs);
        this.references = Collections.unmodifiableSet(refs);
        StringBuilder text = new StringBuilder();
        render(root, text);
        this.canonical = text.toString();
    }

    /**
     * Parses a formula.
     *
     * @param text the formula as typed; {@code null} counts as empty
     * @throws FormulaException with a key of {@link FormulaException} and the 1-based column of the problem
     */
    public static Formula parse(String text) {
        String s = text == null ? "" : text;
        if (s.length() > MAX_LENGTH) {
            throw new FormulaException(FormulaException.TOO_LONG, MAX_LENGTH + 1, MAX_LENGTH + 1, MAX_LENGTH, s.length());
        }
        List<Token> tokens = new Lexer(s).tokens();
        if (tokens.size() == 1) {
            throw new FormulaException(FormulaException.EMPTY, 1, 1);
        }
        return new Formula(new Parser(tokens).parse());
    }

    /** Whether {@code code} is a well-formed indicator code: {@code [a-z][a-z0-9_]{0,39}}. */
    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The inputs, each once, in the order they first appear. */
    public Set<Reference> references() {
        return references;
    }

    /**
     * The normalized text, stable for storage: one space around each binary operator, none elsewhere; unary minus
     * written against its operand; parentheses kept as written; numbers without leading zeros; shifts as
     * {@code [-1y]} (a zero shift dropped). {@code parse(f.canonical()).canonical()} equals {@code f.canonical()}
     * while the canonical text is at most {@link #MAX_LENGTH} long; the added spaces can take a long compact formula
     * past it, and {@link #parse} refuses the canonical text then (found by FormulaFuzz).
     */
    public String canonical() {
        return canonical;
    }

    /**
     * Computes the formula in {@link MathContext#DECIMAL128}, left to right, without rounding the result.
     * {@code values} gives an input's value (empty if there is none); it is asked at most once per reference. The
     * first problem met, left to right, is the reason for no value: a missing input ({@link Evaluation#MISSING_INPUT},
     * never taken as 0) or a zero divisor ({@link Evaluation#DIVISION_BY_ZERO}).
     */
    public Evaluation evaluate(Function<Reference, Optional<BigDecimal>> values) {
        Objects.requireNonNull(values, "values");
        try {
            return Evaluation.of(eval(root, values, new HashMap<>()));
        } catch (NoValue e) {
            return e.evaluation;
        } catch (ArithmeticException e) {
            return Evaluation.noValue(Evaluation.OUT_OF_RANGE);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Formula f && f.canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return canonical;
    }

    // ---------------------------------------------------------------- syntax tree

    private sealed interface Node permits Num, Ref, Neg, Group, Chain {
    }

    private record Num(BigDecimal value) implements Node {
    }

    /** {@code shift} is the canonical shift text ("-1y"), empty for none. */
    private record Ref(Reference reference, String shift) implements Node {
        String text() {
            return shift.isEmpty() ? reference.code() : reference.code() + "[" + shift + "]";
        }
    }

    private record Neg(Node operand) implements Node {
    }

    private record Group(Node inner) implements Node {
    }

    /**
     * Operands joined by operators of one precedence level, evaluated left to right: a flat list rather than a
     * left-deep tree, so a long sum does not nest.
     */
    private record Chain(List<Node> operands, String operators) implements Node {
    }

    private static void collect(Node node, Set<Reference> into) {
        if (node instanceof Ref r) {
            into.add(r.reference());
        } else if (node instanceof Neg n) {
            collect(n.operand(), into);
        } else if (node instanceof Group g) {
            collect(g.inner(), into);
        } else if (node instanceof Chain c) {
            for (Node operand : c.operands()) {
                collect(operand, into);
            }
        }
    }

    private static void render(Node node, StringBuilder out) {
        if (node instanceof Num n) {
            out.append(n.value().toPlainString());
        } else if (node instanceof Ref r) {
            out.append(r.text());
        } else if (node instanceof Neg n) {
            out.append('-');
            render(n.operand(), out);
        } else if (node instanceof Group g) {
            out.append('(');
            render(g.inner(), out);
            out.append(')');
        } else if (node instanceof Chain c) {
            render(c.operands().get(0), out);
            for (int i = 1; i < c.operands().size(); i++) {
                out.append(' ').append(c.operators().charAt(i - 1)).append(' ');
                render(c.operands().get(i), out);
            }
        }
    }

    private static String text(Node node) {
        Node bare = node instanceof Group g ? g.inner() : node;
        StringBuilder out = new StringBuilder();
        render(bare, out);
        return out.toString();
    }

    // ---------------------------------------------------------------- evaluation

    /** Ends an evaluation without a value; cheap (no stack trace). */
    private static final class NoValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Evaluation evaluation;

        NoValue(Evaluation evaluation) {
            super(evaluation.noValueKey(), null, false, false);
            this.evaluation = evaluation;
        }
    }

    private static BigDecimal eval(Node node, Function<Reference, Optional<BigDecimal>> values,
                                   Map<Reference, Optional<BigDecimal>> asked) {
        if (node instanceof Num n) {
            return n.value();
        }
        if (node instanceof Ref r) {
            Optional<BigDecimal> value = asked.computeIfAbsent(r.reference(), ref -> {
                Optional<BigDecimal> v = values.apply(ref);
                return v == null ? Optional.empty() : v;
            });
            if (value.isEmpty()) {
                Reference ref = r.reference();
                throw new NoValue(Evaluation.noValue(Evaluation.MISSING_INPUT, ref.code(), ref.shiftMonths(), r.text()));
            }
            return value.get();
        }
        if (node instanceof Neg n) {
            return eval(n.operand(), values, asked).negate();
        }
        if (node instanceof Group g) {
            return eval(g.inner(), values, asked);
        }
        Chain c = (Chain) node;
        BigDecimal result = eval(c.operands().get(0), values, asked);
        for (int i = 1; i < c.operands().size(); i++) {
            Node operandNode = c.operands().get(i);
            BigDecimal operand = eval(operandNode, values, asked);
            result = switch (c.operators().charAt(i - 1)) {
                case '+' -> result.add(operand, MC);
                case '-' -> result.subtract(operand, MC);
                case '*' -> result.multiply(operand, MC);
                default -> {
                    if (operand.signum() == 0) {
                        throw new NoValue(Evaluation.noValue(Evaluation.DIVISION_BY_ZERO, text(operandNode)));
                    }
                    yield result.divide(operand, MC);
                }
            };
        }
        return result;
    }

    // ---------------------------------------------------------------- lexer

    private enum Kind { NUMBER, REF, OPERATOR, OPEN, CLOSE, END }

    /** {@code column} is 1-based; {@code text} is the token as written (for messages). */
    private record Token(Kind kind, int column, String text, Node node) {
    }

    /** Full-width forms a Chinese input method produces, with the ASCII character meant. */
    private static final String FULL_WIDTH = "（）＋－＊／×÷［］．０１２３４５６７８９";
    private static final String ASCII_FORM = "()+-*/*/[].0123456789";

    private static final class Lexer {
        private final String s;
        private int pos;

        Lexer(String s) {
            this.s = s;
        }

        List<Token> tokens() {
            List<Token> tokens = new ArrayList<>();
            int end = 0;
            while (true) {
                skipBlanks();
                if (pos >= s.length()) {
                    tokens.add(new Token(Kind.END, end + 1, "", null));
                    return tokens;
                }
                tokens.add(next());
                end = pos;
            }
        }

        private void skipBlanks() {
            while (pos < s.length() && isBlank(s.charAt(pos))) {
                pos++;
            }
        }

        private static boolean isBlank(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c);
        }

        private Token next() {
            int start = pos;
            int column = start + 1;
            char c = s.charAt(pos);
            switch (c) {
                case '+', '-', '*', '/' -> {
                    pos++;
                    return new Token(Kind.OPERATOR, column, String.valueOf(c), null);
                }
                case '(' -> {
                    pos++;
                    return new Token(Kind.OPEN, column, "(", null);
                }
                case ')' -> {
                    pos++;
                    return new Token(Kind.CLOSE, column, ")", null);
                }
                default -> {
                    // below
                }
            }
            if (isDigit(c) || c == '.') {
                return number();
            }
            int cp = s.codePointAt(pos);
            if (Character.isLetter(cp) || c == '_') {
                return reference();
            }
            int fullWidth = FULL_WIDTH.indexOf(c);
            if (fullWidth >= 0) {
                throw new FormulaException(FormulaException.FULL_WIDTH, column, column, String.valueOf(c),
                        String.valueOf(ASCII_FORM.charAt(fullWidth)));
            }
            throw new FormulaException(FormulaException.UNEXPECTED, column, column, new String(Character.toChars(cp)));
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isWordPart(int cp) {
            return Character.isLetterOrDigit(cp) || cp == '_';
        }

        private Token number() {
            int start = pos;
            boolean plain = isDigit(s.charAt(pos));
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                pos++;
            }
            if (plain && pos + 1 < s.length() && s.charAt(pos) == '.' && isDigit(s.charAt(pos + 1))) {
                pos++;
                while (pos < s.length() && isDigit(s.charAt(pos))) {
                    pos++;
                }
            }
            if (!plain || pos < s.length() && (isWordPart(s.codePointAt(pos)) || s.charAt(pos) == '.')) {
                while (pos < s.length() && (isWordPart(s.codePointAt(pos)) || s.charAt(pos) == '.')) {
                    pos += Character.charCount(s.codePointAt(pos));
                }
                throw new FormulaException(FormulaException.BAD_NUMBER, start + 1, start + 1, s.substring(start, pos));
            }
            String text = s.substring(start, pos);
            return new Token(Kind.NUMBER, start + 1, text, new Num(new BigDecimal(text)));
        }

        private Token reference() {
            int start = pos;
            while (pos < s.length() && isWordPart(s.codePointAt(pos))) {
                pos += Character.charCount(s.codePointAt(pos));
            }
            String code = s.substring(start, pos);
            if (!CODE.matcher(code).matches()) {
                throw new FormulaException(FormulaException.BAD_CODE, start + 1, start + 1, code);
            }
            int afterCode = pos;
            skipBlanks();
            if (pos < s.length() && s.charAt(pos) == '［') {
                throw new FormulaException(FormulaException.FULL_WIDTH, pos + 1, pos + 1, "［", "[");
            }
            if (pos >= s.length() || s.charAt(pos) != '[') {
                pos = afterCode;
                return new Token(Kind.REF, start + 1, code, new Ref(new Reference(code, 0), ""));
            }
            Ref ref = shift(code);
            return new Token(Kind.REF, start + 1, s.substring(start, pos), ref);
        }

        /** At "[" after {@code code}: reads the shift up to "]". */
        private Ref shift(String code) {
            int open = pos;
            int column = open + 1;
            pos++;
            StringBuilder inside = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw new FormulaException(FormulaException.UNCLOSED, column, column);
                }
                char c = s.charAt(pos);
                if (c == ']') {
                    pos++;
                    break;
                }
                if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-')) && !isBlank(c)) {
                    int fullWidth = FULL_WIDTH.indexOf(c);
                    if (fullWidth >= 0) {
                        throw new FormulaException(FormulaException.FULL_WIDTH, pos + 1, pos + 1, String.valueOf(c),
                                String.valueOf(ASCII_FORM.charAt(fullWidth)));
                    }
                    throw new FormulaException(FormulaException.UNCLOSED, column, column);
                }
                if (!isBlank(c)) {
                    inside.append(c);
                }
                pos++;
            }
            String written = inside.toString();
            Matcher m = SHIFT.matcher(written);
            if (!m.matches()) {
                throw new FormulaException(FormulaException.UNKNOWN_SHIFT, column, column, written);
            }
            String digits = m.group(2).replaceFirst("^0+(?=.)", "");
            char unit = Character.toLowerCase(m.group(3).charAt(0));
            int perUnit = unit == 'y' ? 12 : unit == 'q' ? 3 : 1;
            boolean zero = digits.equals("0");
            if (!zero && !m.group(1).equals("-")) {
                throw new FormulaException(FormulaException.FUTURE_SHIFT, column, column, written);
            }
            if (digits.length() > 5 || Integer.parseInt(digits) * perUnit > MAX_SHIFT_MONTHS) {
                throw new FormulaException(FormulaException.SHIFT_TOO_FAR, column, column, written, MAX_SHIFT_MONTHS / 12);
            }
            if (zero) {
                return new Ref(new Reference(code, 0), "");
            }
            return new Ref(new Reference(code, -Integer.parseInt(digits) * perUnit), "-" + digits + unit);
        }
    }

    // ---------------------------------------------------------------- parser

    private static final class Parser {
        private final List<Token> tokens;
        private int index;
        private int depth;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Node parse() {
            Node node = expression();
            Token t = peek();
            if (t.kind() == Kind.CLOSE) {
                throw new FormulaException(FormulaException.TRAILING, t.column(), t.column(), t.text());
            }
            if (t.kind() != Kind.END) {
                throw new FormulaException(FormulaException.OPERATOR_EXPECTED, t.column(), t.column(), t.text());
            }
            return node;
        }

        private Token peek() {
            return tokens.get(index);
        }

        private boolean atOperator(char a, char b) {
            Token t = peek();
            return t.kind() == Kind.OPERATOR && (t.text().charAt(0) == a || t.text().charAt(0) == b);
        }

        private Node expression() {
            return chain('+', '-', true);
        }

        private Node chain(char a, char b, boolean additive) {
            Node first = additive ? chain('*', '/', false) : unary();
            if (!atOperator(a, b)) {
                return first;
            }
            List<Node> operands = new ArrayList<>();
            StringBuilder operators = new StringBuilder();
            operands.add(first);
            while (atOperator(a, b)) {
                operators.append(tokens.get(index++).text());
                operands.add(additive ? chain('*', '/', false) : unary());
            }
            return new Chain(List.copyOf(operands), operators.toString());
        }

        private Node unary() {
            Token t = peek();
            if (t.kind() == Kind.OPERATOR && t.text().equals("-")) {
                index++;
                enter(t);
                Node operand = unary();
                depth--;
                return new Neg(operand);
            }
            return primary();
        }

        private Node primary() {
            Token t = tokens.get(index);
            switch (t.kind()) {
                case NUMBER, REF -> {
                    index++;
                    return t.node();
                }
                case OPEN -> {
                    index++;
                    enter(t);
                    Node inner = expression();
                    Token close = peek();
                    if (close.kind() == Kind.END) {
                        throw new FormulaException(FormulaException.UNCLOSED, t.column(), t.column());
                    }
                    if (close.kind() != Kind.CLOSE) {
                        throw new FormulaException(FormulaException.OPERATOR_EXPECTED, close.column(), close.column(),
                                close.text());
                    }
                    index++;
                    depth--;
                    return new Group(inner);
                }
                case END -> throw new FormulaException(FormulaException.INCOMPLETE, t.column(), t.column());
                default -> throw new FormulaException(FormulaException.OPERAND_EXPECTED, t.column(), t.column(), t.text());
            }
        }

        private void enter(Token t) {
            if (++depth > MAX_DEPTH) {
                throw new FormulaException(FormulaException.TOO_DEEP, t.column(), t.column(), MAX_DEPTH);
            }
        }
    }
}
