package io.zhenwu.cases;

import io.zhenwu.cases.CalendarEvents.CalendarChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * 工作日历: the Chinese working-day calendar the case engine's deadlines (法定/承诺时限 in working days) are computed on.
 *
 * <p>A date is a working day iff it is an adjusted working weekend (调休上班, kind WORK), or it is Monday–Friday and not a
 * day off of a holiday period (kind OFF). The exceptions come from the State Council's annual notices
 * ({@code calendar/cn_holidays.csv}: 2022–2026, loaded by migration V13) and from administrators for later years.
 * Outside the covered years the calendar is the plain Monday–Friday week; callers may warn about that
 * ({@link #covers(LocalDate)}).
 *
 * <p>The exceptions are cached in memory as one immutable snapshot, dropped after every change
 * ({@link CalendarChanged}) and reloaded on the next use. Every operation is arithmetic on that snapshot (binary
 * searches), never a walk over the days, so ranges of any length cost the same. The cache is per JVM: an edit made
 * by another instance of the application is seen after that instance's restart only.
 */
@Service
public class WorkingCalendar {

    private final Supplier<List<CalendarDay>> loader;
    /** Bumped by every committed change; a snapshot loaded under an older generation is stale. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Loaded loaded;

    private record Loaded(long generation, CalendarSnapshot snapshot) {
    }

    @Autowired
    WorkingCalendar(CalendarDayRepository repository) {
        this(repository::all);
    }

    /** A calendar over the given exceptions (tests, tools). */
    WorkingCalendar(Supplier<List<CalendarDay>> loader) {
        this.loader = loader;
    }

    public boolean isWorkingDay(LocalDate date) {
        return snapshot().isWorkingDay(date.toEpochDay());
    }

    /**
     * {@code n >= 0} working days after {@code from} ({@code from} itself not counted):
     * {@code addWorkingDays(2023-09-28, 5) == 2023-10-11}. {@code n == 0} returns {@code from} if it is a working
     * day, else the next working day.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        Objects.requireNonNull(from, "from");
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        return CalendarSnapshot.date(snapshot().addWorkingDays(from.toEpochDay(), n));
    }

    /** Number of working days in {@code [from, to]}, both ends inclusive; 0 if {@code to < from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return Math.toIntExact(snapshot().count(from.toEpochDay(), to.toEpochDay()));
    }

    /** The first calendar year covered by loaded notices (e.g. 2022), or null if the calendar holds no exception at all. */
    public Year firstCoveredYear() {
        return snapshot().first();
    }

    /** The last calendar year covered by loaded notices (e.g. 2026), or null if the calendar holds no exception at all. */
    public Year lastCoveredYear() {
        return snapshot().last();
    }

    /** Whether {@code date} lies in the covered years (outside them the result is plain Monday–Friday). */
    public boolean covers(LocalDate date) {
        CalendarSnapshot s = snapshot();
        return s.first() != null && date.getYear() >= s.first().getValue() && date.getYear() <= s.last().getValue();
    }

    /**
     * After the changing transaction completes (or at once outside one), the next use reloads. On rollback too: a
     * snapshot read inside that transaction may hold its uncommitted rows.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void calendarChanged(CalendarChanged event) {
        generation.incrementAndGet();
    }

    private CalendarSnapshot snapshot() {
        long current = generation.get();
        Loaded l = loaded;
        if (l != null && l.generation() == current) {
            return l.snapshot();
        }
        synchronized (this) {
            l = loaded;
            if (l != null && l.generation() == generation.get()) {
                return l.snapshot();
            }
            // Read the generation before the rows: a change committing meanwhile bumps it, so this snapshot is used
            // once at most and reloaded on the next call.
            long before = generation.get();
            CalendarSnapshot fresh = CalendarSnapshot.of(loader.get());
            loaded = new Loaded(before, fresh);
            return fresh;
        }
    }
}
