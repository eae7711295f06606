package dev.incidenttimeline.embedding;

import dev.incidenttimeline.incident.api.AddTimelineNote;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.IncidentId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentCommandTargetResolverTest {

    private final IncidentCommandTargetResolver resolver = new IncidentCommandTargetResolver();

    @Test
    void findsTheSameTargetAsTheAnnotations() {
        AddTimelineNote note = new AddTimelineNote(IncidentId.of("incident-1"), EntryId.of("note-1"), "alice",
                "Rolled back", null, Instant.parse("2026-01-01T10:00:00Z"), null);

        VersionedAggregateIdentifier target = resolver.resolveTarget(GenericCommandMessage.asCommandMessage(note));

        assertThat(target).isEqualTo(AnnotationCommandTargetResolver.builder().build()
                .resolveTarget(GenericCommandMessage.asCommandMessage(note)));
        assertThat(target.getIdentifier()).isEqualTo("incident-1");
        assertThat(target.getVersion()).isNull();
    }

    record OtherCommand(@TargetAggregateIdentifier String target) {
    }

    @Test
    void leavesOtherCommandsToTheAnnotations() {
        VersionedAggregateIdentifier target = resolver.resolveTarget(
                GenericCommandMessage.asCommandMessage(new OtherCommand("other-1")));

        assertThat(target.getIdentifier()).isEqualTo("other-1");
    }

    @Test
    void refusesAnIncidentCommandWithoutAnIncident() {
        AddTimelineNote note = new AddTimelineNote(null, EntryId.of("note-1"), "alice", "Rolled back", null, null,
                null);

        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(note)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
