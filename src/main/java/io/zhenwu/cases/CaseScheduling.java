package io.zhenwu.cases;

import io.zhenwu.shared.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Runs the 督办 check: at start-up (after a minute) and then every hour, so a deadline passing overnight is caught. */
@Component
class CaseScheduling {

    private static final Logger log = LoggerFactory.getLogger(CaseScheduling.class);

    private final Cases cases;

    CaseScheduling(Cases cases) {
        this.cases = cases;
    }

    @Scheduled(fixedDelayString = "${zhenwu.cases.escalation-interval:PT1H}", initialDelayString = "${zhenwu.cases.escalation-delay:PT1M}")
    void escalate() {
        int n = cases.escalateOverdue(LocalDate.now(Times.ZONE));
        if (n > 0) {
            log.info("Escalated {} overdue cases", n);
        }
    }
}
