package dev.incidenttimeline.embedding;

import dev.incidenttimeline.incident.api.IncidentCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds the incident a command is for through {@link IncidentCommand#incidentId()}, the same value the command's
 * {@code @TargetAggregateIdentifier} names. Axon's {@link AnnotationCommandTargetResolver} finds it by reflection
 * for every command (it lists the payload class's methods and reads their annotations each time); any other command
 * still goes to it.
 */
public class IncidentCommandTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof IncidentCommand incidentCommand && incidentCommand.incidentId() != null) {
            // No incident command carries a @TargetAggregateVersion: no expected version, as with the annotations.
            return new VersionedAggregateIdentifier(incidentCommand.incidentId(), null);
        }
        return annotations.resolveTarget(command);
    }
}
