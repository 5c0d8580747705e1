package nl.integrity.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to the real Kafka broker from tests: publishes CloudEvents the way the services' outbox
 * relays do, and watches a topic for a record. Open it before the action under test, so the
 * watch starts at the topic's current end.
 */
public final class KafkaProbe implements AutoCloseable {

    public static final String BOOTSTRAP = System.getProperty("kafka.bootstrap", "127.0.0.1:9092");
    private final KafkaConsumer<String, String> consumer;

    private KafkaProbe(String topic) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the action under test
    }

    /** Starts watching {@code topic} from its current end. */
    public static KafkaProbe watch(String topic) {
        return new KafkaProbe(topic);
    }

    /** Waits up to {@code timeout} for a record matching {@code wanted}. */
    public Optional<ConsumerRecord<String, String>> await(
            Predicate<ConsumerRecord<String, String>> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (wanted.test(record)) {
                    return Optional.of(record);
                }
            }
        }
        return Optional.empty();
    }

    /** All records that arrive within {@code window} (for "nothing more was published" checks). */
    public List<ConsumerRecord<String, String>> drain(Duration window) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(window);
        while (Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Publishes a CloudEvent in binary mode, as the outbox relays do, and waits for the broker's ack. */
    public static void publish(String topic, String key, UUID eventId, String type, String json) {
        publish(
                topic,
                key,
                Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        eventId.toString(),
                        "ce_type",
                        type,
                        "ce_source",
                        "/tests",
                        "ce_time",
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                Instant.now().atOffset(ZoneOffset.UTC)),
                        "content-type",
                        "application/json"),
                json);
    }

    /** Publishes a record with exactly these headers (e.g. none, for a malformed message). */
    public static void publish(String topic, String key, Map<String, String> headers, String value) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(props)) {
            var record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka at " + BOOTSTRAP + " did not take the record", e.getCause());
        }
    }

    /**
     * A test consumer reads from the end of its topic ({@code auto.offset.reset=latest}), so it
     * misses what is published before it has its partitions. This publishes fresh probe events
     * until one has its effect; from then on the consumer sees everything published.
     *
     * @param publishProbe publishes a new, unique probe event on each call
     * @param probeSeen    whether the last probe had its effect
     */
    public static void awaitConsumerJoined(
            Runnable publishProbe, java.util.function.BooleanSupplier probeSeen, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            publishProbe.run();
            Instant probeDeadline = Instant.now().plusSeconds(2);
            while (Instant.now().isBefore(probeDeadline)) {
                if (probeSeen.getAsBoolean()) {
                    return;
                }
                try {
                    Thread.sleep(50); // polling the effect of an asynchronous consumer; nothing to await on
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new AssertionError("The service's consumer did not join its topic within " + timeout);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
