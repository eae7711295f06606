package dev.incidenttimeline.tenancy;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Puts the {@link CurrentOrganisation} on every dispatched command or query. The current caller wins over an
 * organisation already on the message, so nobody acting for one organisation can name another; a message sent
 * without a current organisation (a host's own process) keeps what it carries.
 *
 * @param <T> commands or queries
 */
public class OrganisationMetaData<T extends Message<?>> implements MessageDispatchInterceptor<T> {

    private final CurrentOrganisation current;

    public OrganisationMetaData(CurrentOrganisation current) {
        this.current = Objects.requireNonNull(current, "current");
    }

    @Override
    @SuppressWarnings("unchecked")
    public BiFunction<Integer, T, T> handle(List<? extends T> messages) {
        return (index, message) -> {
            String organisation = current.get();
            if (organisation == null) {
                return message;
            }
            return (T) message.andMetaData(Map.of(Organisations.METADATA_KEY, organisation));
        };
    }
}
