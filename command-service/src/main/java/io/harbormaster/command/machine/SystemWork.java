package io.harbormaster.command.machine;

import io.harbormaster.api.audit.ActingContext;
import io.harbormaster.api.audit.AuditMetadata;
import io.harbormaster.api.audit.CurrentActingContext;
import io.harbormaster.api.common.Channel;
import io.harbormaster.command.driver.DriverCallExecutor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Hands work of the machine processes to the bounded driver executor, to run as the system under the request's
 * correlation id. Inside a unit of work it is handed over only once that committed, so a rolled-back event never
 * reaches a host.
 */
final class SystemWork {

    private SystemWork() {
    }

    static ActingContext context(String correlationId) {
        return new ActingContext(AuditMetadata.SYSTEM_ACTOR, MachineProcesses.PROCESSING_GROUP, Channel.SYSTEM, "",
                correlationId);
    }

    static void afterCommit(DriverCallExecutor executor, String correlationId, Runnable work) {
        afterCommit(() -> executor.submit(() -> CurrentActingContext.runAs(context(correlationId), work)));
    }

    static void afterCommit(Runnable submit) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> submit.run());
        } else {
            submit.run();
        }
    }
}
