package nl.integrity.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
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
 * what the person said. A key given twice, a field the request does not have, a value after the
 * body, an enum value that is not exactly one of its names: each is refused too, and text the platform cannot store
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
        // A second value after the body ({...}{...}, {...}garbage) is a broken client, not something to ignore.
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        // A field the request does not have is refused, naming it: a misspelt optional field is not silently lost.
        // (Events are read tolerantly instead, see IncomingEvent: a producer may add fields.)
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        // A value of a list of values is its name, exactly: not its position, not padded, not with hidden characters.
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
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
                .addDeserializer(LocalDate.class, new Date())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(
                            DeserializationConfig config,
                            JavaType type,
                            BeanDescription description,
                            JsonDeserializer<?> deserializer) {
                        return new ExactEnum(deserializer);
                    }
                }));
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

    /**
     * A value of an enum as its exact name: Jackson's own reader trims what it is given, so that
     * {@code "LOW\u0000"} and {@code "LOW "} would be taken as {@code LOW}.
     */
    static final class ExactEnum extends DelegatingDeserializer {
        ExactEnum(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactEnum(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (text.isEmpty()
                        || !text.equals(text.strip())
                        || StorableText.problem(text).isPresent()) {
                    return context.handleWeirdStringValue(handledType(), text, "not one of the values accepted");
                }
            }
            return super.deserialize(parser, context);
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
