package io.zhenwu.imports;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * 任务租约: which process owns an import job, and whether that owner is gone. Every process (web instance or CLI
 * command) has an owner id of its own — host, process id and a random part — written on the jobs it creates; it renews
 * their heartbeat every {@code zhenwu.imports.heartbeat} while they are queued or running. A job's owner is gone when
 * it is a process of this host that no longer exists, or when its heartbeat is older than {@code zhenwu.imports.lease}
 * (another host, or a process that hangs). Only such jobs may be failed and their staged rows removed.
 */
@Component
class JobLease {

    private static final Logger log = LoggerFactory.getLogger(JobLease.class);

    private final String host;
    private final String owner;
    private final Duration heartbeat;
    private final Duration lease;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "import-lease");
        thread.setDaemon(true);
        return thread;
    });

    JobLease(@Value("${zhenwu.imports.heartbeat:PT10S}") Duration heartbeat, @Value("${zhenwu.imports.lease:PT2M}") Duration lease) {
        if (lease.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalStateException("zhenwu.imports.lease (" + lease + ") must be at least three heartbeats (" + heartbeat + ")");
        }
        this.host = hostName();
        this.owner = host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.heartbeat = heartbeat;
        this.lease = lease;
    }

    /** This process's owner id. */
    String owner() {
        return owner;
    }

    /** Heartbeats before this instant are expired leases. */
    Instant expiredBefore(Instant now) {
        return now.minus(lease);
    }

    /** Whether {@code ownerId} names a process of this host that has ended (its jobs can be taken at once). */
    boolean ownerEndedOnThisHost(String ownerId) {
        if (ownerId == null || ownerId.equals(owner)) {
            return false;
        }
        String[] parts = ownerId.split("/");
        if (parts.length != 3 || !parts[0].equals(host)) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(parts[1])).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Runs {@code renew} every heartbeat and {@code sweep} every lease, on a daemon thread, until shutdown. */
    void start(Runnable renew, Runnable sweep) {
        long beat = heartbeat.toMillis();
        scheduler.scheduleWithFixedDelay(guarded(renew, "renewing import job heartbeats"), beat, beat, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded(sweep, "failing abandoned import jobs"), lease.toMillis(), lease.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static Runnable guarded(Runnable task, String what) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // a database that is briefly away must not end the schedule
                log.warn("Failed {}", what, e);
            }
        };
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
