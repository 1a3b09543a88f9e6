package io.harbormaster.command.ops;

import io.harbormaster.command.refusal.CommandRefusedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConflictingModificationException;

/**
 * Counts and times every handled command ({@code harbormaster.commands}) by its type and outcome: {@code success},
 * {@code refused} (the platform said no: bad input, no access, conflict, a changed version) or {@code failed}
 * (anything else, such as the database going away). The outcome is taken when the unit of work ends, so a command
 * whose events could not be stored counts as failed although its handler returned.
 */
final class CommandMetricsInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String METER = "harbormaster.commands";

    private final MeterRegistry meters;

    CommandMetricsInterceptor(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        long started = System.nanoTime();
        var type = unitOfWork.getMessage().getPayloadType().getSimpleName();
        unitOfWork.onCleanup(ended -> {
            var result = ended.getExecutionResult();
            String outcome;
            if (result != null && result.isExceptionResult()) {
                outcome = outcomeOf(result.getExceptionResult());
            } else {
                outcome = result == null || ended.isRolledBack() ? "failed" : "success";
            }
            Timer.builder(METER)
                    .description("Commands handled, by command type and outcome")
                    .tags("type", type, "outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        });
        return chain.proceed();
    }

    private static String outcomeOf(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandRefusedException || cause instanceof ConflictingModificationException) {
                return "refused";
            }
        }
        return "failed";
    }
}
