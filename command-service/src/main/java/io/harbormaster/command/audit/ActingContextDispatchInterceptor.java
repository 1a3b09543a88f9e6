package io.harbormaster.command.audit;

import static io.harbormaster.api.audit.AuditMetadata.ACTOR_ID;
import static io.harbormaster.api.audit.AuditMetadata.ACTOR_NAME;
import static io.harbormaster.api.audit.AuditMetadata.CHANNEL;
import static io.harbormaster.api.audit.AuditMetadata.CLIENT_ADDRESS;
import static io.harbormaster.api.audit.AuditMetadata.CORRELATION_ID;

import io.harbormaster.api.audit.CurrentActingContext;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Stamps every dispatched command with the acting context, so no handler has to. A command sent while another
 * message is being handled (a process reacting to an event) keeps the metadata already given to it.
 */
public class ActingContextDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().containsKey(ACTOR_ID)) {
                return command;
            }
            var context = CurrentActingContext.get().orElse(null);
            if (context == null && CurrentUnitOfWork.isStarted()) {
                // Inside a handler: inherit from the message being handled (Axon's correlation data covers the rest).
                var origin = CurrentUnitOfWork.get().getMessage().getMetaData();
                if (origin.containsKey(ACTOR_ID)) {
                    return command.andMetaData(Map.of(
                            ACTOR_ID, origin.get(ACTOR_ID),
                            ACTOR_NAME, origin.getOrDefault(ACTOR_NAME, origin.get(ACTOR_ID)),
                            CHANNEL, origin.getOrDefault(CHANNEL, "system"),
                            CLIENT_ADDRESS, origin.getOrDefault(CLIENT_ADDRESS, ""),
                            CORRELATION_ID, origin.getOrDefault(CORRELATION_ID, command.getIdentifier())));
                }
            }
            var acting = context == null ? CurrentActingContext.orSystem() : context;
            return command.andMetaData(Map.of(
                    ACTOR_ID, acting.actorId(),
                    ACTOR_NAME, acting.actorName(),
                    CHANNEL, acting.channel().wireName(),
                    CLIENT_ADDRESS, acting.clientAddress(),
                    CORRELATION_ID, acting.correlationId()));
        };
    }
}
