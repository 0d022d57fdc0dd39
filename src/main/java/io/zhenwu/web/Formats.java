package io.zhenwu.web;

import io.zhenwu.shared.Times;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How every page writes a date or a moment ({@code @fmt} in templates): ONE date format and ONE date-time format per
 * language, their patterns the messages {@code format.date} and {@code format.dateTime}; instants in the town's
 * time zone (Asia/Shanghai), never UTC. Nothing is written as a dash ({@code —}). Templates call
 * {@code ${@fmt.date(c.dueOn)}} and {@code ${@fmt.dateTime(e.occurredAt)}}, also inside message arguments;
 * {@code I18nSyncTest} refuses any other way of formatting a date in a template, {@code PageFormatsIT} checks the
 * rendered pages.
 */
@Component("fmt")
public class Formats {

    static final String NOTHING = "—";

    private final MessageSource messages;
    private final Map<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

    Formats(MessageSource messages) {
        this.messages = messages;
    }

    /** A calendar day ({@code 2023-10-11}, {@code 11 Oct 2023}). */
    public String date(LocalDate day) {
        return day == null ? NOTHING : formatter("format.date").format(day);
    }

    /** A moment in the town's time zone ({@code 2023-10-11 09:30}, {@code 11 Oct 2023, 09:30}). */
    public String dateTime(Instant instant) {
        return instant == null ? NOTHING : formatter("format.dateTime").format(instant.atZone(Times.ZONE));
    }

    /** A moment stored with its offset: shown in the town's time zone like an {@link Instant}. */
    public String dateTime(OffsetDateTime moment) {
        return moment == null ? NOTHING : dateTime(moment.toInstant());
    }

    private DateTimeFormatter formatter(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return formatters.computeIfAbsent(key + "|" + locale.toLanguageTag(),
                k -> DateTimeFormatter.ofPattern(messages.getMessage(key, null, locale), locale));
    }
}
