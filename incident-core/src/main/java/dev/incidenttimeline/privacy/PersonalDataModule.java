package dev.incidenttimeline.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import dev.incidenttimeline.tenancy.Organisations;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Jackson module of the event serializer that stores {@link PersonalData} values sealed
 * ({@link PersonalDataCipher}) and opens them on reading. It works through Jackson's annotation introspection, so
 * the events stay plain records: a {@code String} member gets the sealing (de)serializer, a collection or map member
 * gets it for its elements (values).
 *
 * <p>The organisation a name belongs to is the one of the {@link PersonalDataOwner} being written (the aggregate in a
 * snapshot), otherwise the one of the message the current unit of work handles (the command whose events are
 * stored), otherwise none.
 */
public class PersonalDataModule extends SimpleModule {

    public PersonalDataModule(Supplier<PersonalDataCipher> cipher) {
        super("incident-timeline-personal-data", Version.unknownVersion());
        Objects.requireNonNull(cipher, "cipher");
        this.introspector = new Introspector(new Sealing(cipher), new Opening(cipher));
    }

    private final transient Introspector introspector;

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(introspector);
    }

    @Override
    public Object getTypeId() {
        // One registration per ObjectMapper, however many of Axon's serializers share it.
        return PersonalDataModule.class.getName();
    }

    private static final class Introspector extends NopAnnotationIntrospector {

        private final Sealing sealing;
        private final Opening opening;

        Introspector(Sealing sealing, Opening opening) {
            this.sealing = sealing;
            this.opening = opening;
        }

        @Override
        public Object findSerializer(Annotated member) {
            return personal(member) && !container(member) ? sealing : null;
        }

        @Override
        public Object findContentSerializer(Annotated member) {
            return personal(member) && container(member) ? sealing : null;
        }

        @Override
        public Object findDeserializer(Annotated member) {
            return personal(member) && !container(member) ? opening : null;
        }

        @Override
        public Object findContentDeserializer(Annotated member) {
            return personal(member) && container(member) ? opening : null;
        }

        private static boolean personal(Annotated member) {
            return member.hasAnnotation(PersonalData.class);
        }

        private static boolean container(Annotated member) {
            Class<?> type = member.getRawType();
            return Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
        }
    }

    private static final class Sealing extends StdScalarSerializer<String> {

        private final transient Supplier<PersonalDataCipher> cipher;

        Sealing(Supplier<PersonalDataCipher> cipher) {
            super(String.class);
            this.cipher = cipher;
        }

        @Override
        public void serialize(String name, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(cipher.get().seal(organisation(generator), name));
        }

        private static String organisation(JsonGenerator generator) {
            for (JsonStreamContext context = generator.getOutputContext(); context != null;
                 context = context.getParent()) {
                if (context.getCurrentValue() instanceof PersonalDataOwner owner) {
                    return owner.personalDataOrganisation();
                }
            }
            return CurrentUnitOfWork.isStarted() ? Organisations.of(CurrentUnitOfWork.get().getMessage()) : null;
        }
    }

    private static final class Opening extends StdScalarDeserializer<String> {

        private final transient Supplier<PersonalDataCipher> cipher;

        Opening(Supplier<PersonalDataCipher> cipher) {
            super(String.class);
            this.cipher = cipher;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            return cipher.get().open(parser.getText());
        }
    }
}
