package io.zhenwu.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sealer runs on a schedule; enabled here explicitly rather than relying on another library to switch it on. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditScheduling {
}
