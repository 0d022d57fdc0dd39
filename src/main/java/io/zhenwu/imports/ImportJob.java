package io.zhenwu.imports;

import java.time.Instant;

/** 导入任务 as the UI, API and CLI see it. */
public record ImportJob(long id, String typeCode, String fileName, Status status, Phase phase, long totalRows,
                        long processedRows, long insertedRows, long updatedRows, long unchangedRows, long errorRows,
                        String unknownColumns, String message, String requestedBy, Instant createdAt, Instant finishedAt) {

    /** Where a job stands. */
    public enum Status {
        QUEUED, RUNNING,
        /** Applied: every row inserted, updated or unchanged. */
        SUCCEEDED,
        /** Nothing written: the file or some rows broke a rule (see the error report). */
        REJECTED,
        /** Nothing written: an unexpected failure (logged). */
        FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == REJECTED || this == FAILED;
        }
    }

    /** What a running job is doing. */
    public enum Phase { READING, CHECKING, APPLYING, DONE }

    public boolean finished() {
        return status.finished();
    }

    public boolean hasErrorReport() {
        return status == Status.REJECTED && errorRows > 0;
    }
}
