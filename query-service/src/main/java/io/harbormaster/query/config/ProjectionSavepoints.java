package io.harbormaster.query.config;

import io.harbormaster.query.admin.ProjectionRebuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs each event handler of a projection inside a savepoint of the batch's transaction. PostgreSQL aborts the whole
 * transaction when one statement fails; without the savepoint the dead-letter queue could not even record the
 * failing event, and the batch (with every good event in it) would fail again and again. Rolling back to the
 * savepoint undoes only the failed handler's writes and leaves the transaction usable.
 */
final class ProjectionSavepoints implements HandlerEnhancerDefinition {

    private final DataSource dataSource;

    ProjectionSavepoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return isProjectionEventHandler(original) ? new InSavepoint<>(original, dataSource) : original;
    }

    private static boolean isProjectionEventHandler(MessageHandlingMember<?> handler) {
        if (!handler.canHandleMessageType(EventMessage.class)) {
            return false;
        }
        var group = handler.declaringClass().getAnnotation(ProcessingGroup.class);
        return group != null && ProjectionRebuilder.PROCESSING_GROUPS.contains(group.value());
    }

    private static final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        private final DataSource dataSource;

        InSavepoint(MessageHandlingMember<T> delegate, DataSource dataSource) {
            super(delegate);
            this.dataSource = dataSource;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);   // no transaction (a test calling a handler): nothing to save
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                Savepoint savepoint = connection.setSavepoint();
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error failure) {
                    rollBack(connection, savepoint, failure);
                    throw failure;
                }
                connection.releaseSavepoint(savepoint);
                return result;
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        private static void rollBack(Connection connection, Savepoint savepoint, Throwable failure) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException e) {
                failure.addSuppressed(e);   // the connection is gone: the batch fails and is retried as a whole
            }
        }
    }
}
