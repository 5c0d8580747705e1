package nl.integrity.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;

/**
 * JSON is read as it was sent: a number where text is due, text where a number or a yes/no is
 * due, a fraction where a whole number is due, {@code 1} for {@code true}: each is refused (400,
 * naming the field) rather than quietly converted, since a consent or a legal declaration must be
 * what the person said. A key given twice is refused too, and text the platform cannot store
 * ({@link StorableText}) and dates outside its range ({@link PlatformDates}) are refused where
 * they are read. Applies to request bodies and to the events the services read.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** After Quarkus' own customizers, which register the Java time module: this one's date reader wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("platform-input")
                .addDeserializer(String.class, new Text())
                .addDeserializer(LocalDate.class, new Date()));
    }

    /** Text as sent, refused when it holds what cannot be stored. */
    static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                // Numbers and booleans where text is due are refused; objects and arrays too.
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String value = StringDeserializer.instance.deserialize(parser, context);
            var problem = StorableText.problem(value);
            if (problem.isPresent()) {
                throw new Refused(parser, problem.get());
            }
            return value;
        }
    }

    /** An ISO date inside the platform's range. */
    static final class Date extends StdScalarDeserializer<LocalDate> {
        Date() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            var problem = PlatformDates.problem(date);
            if (problem.isPresent()) {
                throw new Refused(parser, problem.get());
            }
            return date;
        }
    }

    /**
     * A value refused for what it holds; the message says why in words for the caller and never
     * quotes the value (it may be personal data, and exceptions end up in logs).
     */
    public static final class Refused extends MismatchedInputException {
        private final String reason;

        Refused(JsonParser parser, String reason) {
            super(parser, reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
