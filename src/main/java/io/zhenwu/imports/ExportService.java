package io.zhenwu.imports;

import io.zhenwu.imports.ImportEvents.ExportPerformed;
import io.zhenwu.shared.EntityTypeLabels;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.Permission;
import io.zhenwu.shared.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * 导出: any list view with its filters to xlsx or csv, streamed row by row (constant memory), bounded by the
 * caller's scope, masked unless the caller holds {@link Permission#VIEW_PERSONAL_DATA} and asks for it, and audited.
 * An import type's columns are its import columns, so its export can be edited and imported back.
 */
@Service
public class ExportService implements EntityTypeLabels {

    /** File formats. */
    public enum Format {
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        CSV("text/csv;charset=UTF-8", "csv");

        public final String contentType;
        public final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    private final Map<String, ExportType> types = new java.util.LinkedHashMap<>();
    private final ApplicationEventPublisher events;
    private final Problems problems;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate write;

    ExportService(List<ExportType> exportTypes, ApplicationEventPublisher events, Problems problems,
                  PlatformTransactionManager transactions) {
        exportTypes.forEach(t -> {
            if (types.put(t.code(), t) != null) {
                throw new IllegalStateException("Two export types share the code " + t.code());
            }
        });
        this.events = events;
        this.problems = problems;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        this.write = new TransactionTemplate(transactions);
    }

    /** An export's audit event names the list it exported by the export type's code ({@code enterprises}). */
    @Override
    public Map<String, String> labelKeys() {
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        types.values().forEach(t -> keys.put(t.code(), t.labelKey()));
        return keys;
    }

    /** A writer's row method (both writers have the same shape). */
    private interface RowWriter {
        void write(List<?> row) throws IOException;
    }

    private static void write(RowWriter writer, List<Object> row, long[] rows) {
        try {
            writer.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows[0]++;
    }

    /**
     * Checks the role, the permission (if unmasked data is asked for) and the filters before any byte is written: a
     * clean 403, or a 400 naming the filter, instead of a truncated file.
     */
    public ExportType prepare(Actor actor, String typeCode, boolean unmaskedRequested, Map<String, String> filters) {
        ExportType type = prepare(actor, typeCode, unmaskedRequested);
        type.checkFilters(filters);
        return type;
    }

    private ExportType prepare(Actor actor, String typeCode, boolean unmaskedRequested) {
        ExportType type = types.get(typeCode);
        if (type == null) {
            throw new io.zhenwu.shared.NotFoundException("export_type", typeCode);
        }
        if (type.roles().stream().noneMatch(actor::hasRole)) {
            throw new org.springframework.security.access.AccessDeniedException("role may not export " + type.code());
        }
        if (unmaskedRequested && type.hasPersonalData() && !actor.has(Permission.VIEW_PERSONAL_DATA)) {
            // Refused rather than silently masked, so the user knows why the file would be masked.
            throw new org.springframework.security.access.AccessDeniedException("VIEW_PERSONAL_DATA required");
        }
        return type;
    }

    /** The file name the download is offered under, e.g. {@code 企业-20231231.xlsx}. */
    public String fileName(ExportType type, Format format) {
        return problems.message(type.labelKey(), Locale.SIMPLIFIED_CHINESE) + "-"
                + java.time.LocalDate.now(io.zhenwu.shared.Times.ZONE).toString().replace("-", "") + "." + format.extension;
    }

    /** Streams inside one read-only transaction (so the database cursor streams), then audits in a writing one. */
    public long export(Actor actor, String typeCode, Map<String, String> filters, boolean unmaskedRequested, Format format,
                       OutputStream out) {
        ExportType type = prepare(actor, typeCode, unmaskedRequested, filters);
        boolean unmasked = unmaskedRequested && type.hasPersonalData();
        long[] rows = {0};
        List<String> header = type.exportHeaders();
        readOnly.executeWithoutResult(status -> {
            try {
                if (format == Format.XLSX) {
                    try (XlsxTableWriter writer = new XlsxTableWriter(out, problems.message(type.labelKey(), Locale.SIMPLIFIED_CHINESE), header)) {
                        type.export(actor, filters, unmasked, row -> write(writer::writeRow, row, rows));
                    }
                } else {
                    try (CsvTableWriter writer = new CsvTableWriter(out, header)) {
                        type.export(actor, filters, unmasked, row -> write(writer::writeRow, row, rows));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        write.executeWithoutResult(status -> events.publishEvent(new ExportPerformed(type.code(), new TreeMap<>(filters),
                rows[0], unmasked, format.extension, actor.scope().path())));
        return rows[0];
    }
}
