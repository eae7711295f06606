package dev.incidenttimeline.embedding;

import dev.incidenttimeline.incident.api.IncidentRejected;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Carries a rejection's {@link dev.incidenttimeline.incident.api.ErrorCode} across the command bus as the
 * details of a {@link CommandExecutionException}: exception types do not survive a distributed command bus, the
 * details do. {@link IncidentGateway} turns it back into an {@link IncidentRejected}.
 */
public class RejectionInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (IncidentRejected rejected) {
            throw new CommandExecutionException(rejected.getMessage(), rejected, rejected.code());
        }
    }
}
